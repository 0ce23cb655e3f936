"""The load bench's in-database step (:mod:`bench.load_bench`), run as a child process on
the scratch database: citizen accounts linked to synthetic persons, their sessions as the
login view leaves them, and the statements one request of each endpoint runs.
"""

from __future__ import annotations

import json
import re
import sys
import uuid
from pathlib import Path
from typing import Any

from bench.load_bench import ENDPOINTS, PASSWORD, Endpoint

PERSONS_SQL = """
    SELECT p.id_number_index FROM registry_person p
    WHERE EXISTS (SELECT 1 FROM insurance_contribution c WHERE c.person_id = p.id
                  AND c.insurance = 'pension' AND c.paid_on IS NOT NULL)
    ORDER BY md5(p.id::text) LIMIT %s"""


def _pick_persons(count: int) -> list[str]:
    """Blind indexes of ``count`` persons with paid pension months, spread over the file."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(PERSONS_SQL, [count])
        return [index for (index,) in cursor.fetchall()]


def _create_accounts(indexes: list[str]) -> list[Any]:
    from hrss.iam.services import account_create

    return [
        account_create(
            username=f"bench{i:03d}", password=PASSWORD, role="citizen", person_index=index
        )
        for i, index in enumerate(indexes)
    ]


def _login(account: Any) -> dict[str, str]:
    """A session as the login view leaves it for a citizen, and the cookies that carry it."""
    import secrets
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    from hrss.core import clock
    from hrss.iam.sessions import SESSION_LAST_ACTIVITY, SESSION_MFA_OK

    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(account.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = account.get_session_auth_hash()
    session[SESSION_MFA_OK] = False  # citizens pass no second factor
    session[SESSION_LAST_ACTIVITY] = int(clock.now().timestamp())
    session.save()
    token = secrets.token_hex(16)  # a CSRF secret: 32 characters of [a-zA-Z0-9]
    cookie = f"{settings.SESSION_COOKIE_NAME}={session.session_key}; "
    return {"token": token, "cookie": cookie + f"{settings.CSRF_COOKIE_NAME}={token}"}


def _signature(sql: str) -> str:
    """``INSERT service_hall_application``: the verb and the first table of a statement."""
    verb = sql.split(None, 1)[0].upper()
    table_name = re.search(r'\b(?:FROM|INTO|UPDATE)\s+"?(\w+)', sql, re.I)
    return f"{verb} {table_name[1]}" if table_name else verb


def _capture(client: Any, endpoint: Endpoint, path: str, body: str, token: str) -> list[str]:
    """One request through Django's test client; its statements, checked for 200/201."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    headers = {"Idempotency-Key": f"capture-{uuid.uuid4().hex}"}
    with CaptureQueriesContext(connection) as queries:
        if endpoint.method == "POST":
            headers["X-CSRFToken"] = token
            response = client.post(path, body, content_type="application/json", headers=headers)
        else:
            response = client.get(path)
    if response.status_code != endpoint.expected:
        raise RuntimeError(f"{endpoint.method} {path}: {response.status_code} {response.content!r}")
    return [_signature(q["sql"]) for q in queries.captured_queries]


def _capture_all(session: dict[str, str], body: str) -> dict[str, dict[str, list[str]]]:
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    for part in session["cookie"].split("; "):
        name, value = part.split("=", 1)
        client.cookies[name] = value
    token = session["token"]
    return {
        e.key: {
            v: _capture(client, e, path, body, token)
            for v, path in (("real", e.real), ("bare", e.bare))
        }
        for e in ENDPOINTS
    }


def prepare(count: int, out: Path, body: str) -> None:
    """Accounts linked to synthetic persons, logged in; what one request of each runs."""
    import django

    django.setup()
    indexes = _pick_persons(count)
    if len(indexes) < count:
        raise RuntimeError(f"only {len(indexes)} persons with paid pension months")
    sessions = [_login(account) for account in _create_accounts(indexes)]
    queries = _capture_all(sessions[0], body)
    out.write_text(json.dumps({"sessions": sessions, "queries": queries}), encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit("usage: python -m bench.load_prepare COUNT OUT BODY")
    prepare(int(sys.argv[1]), Path(sys.argv[2]), sys.argv[3])
