"""Bare counterparts of the two measured citizen endpoints: plain Django views, SQL by hand.

They run behind the same middleware as the real endpoints (session, CSRF, authentication,
idle timeout: the account is loaded by the middleware for both) and write or read the
same rows, so the difference measured is the cost of ninja, the schemas, the ORM and
the service layers.

``my_records`` runs the person lookup and the same three queries as
:func:`hrss.insurance.records.person_records` (enrolments with employer name, distinct
paid pension months, personal-account years), the lookup selecting the id only.

``submit_new`` writes what ``POST /api/citizen/v1/applications`` writes for an item with
no materials and no condition check, in one transaction: the application row, its
``create`` and ``submit`` event rows and their two audit rows, chained under the audit
head's row lock (tags computed as :mod:`hrss.audit.chain` does, so ``hrss audit verify``
still passes). Left out, compared with the real one: the application is inserted already
submitted (no draft insert then update), both events and both audit rows go in one
INSERT each under one head lock (the real one locks, inserts and updates the head twice,
in savepoints), no ``MAX(seq)`` reads, no reads of the item's materials (there are none),
no form validation, and the 201 body is built from what was written instead of being
read back (the real endpoint reads the application, its events, the calendar and its
materials again for the response).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET, require_POST

from hrss.audit.chain import canonical, entry_tag, head_tag
from hrss.core import clock
from hrss.core.crypto import sm3_hex
from hrss.insurance.models import Insurance

CITIZEN_ROLES = frozenset({"citizen", "employer_agent"})
LABELS = {str(value): str(label) for value, label in Insurance.choices}

PERSON_SQL = (
    "SELECT id, district FROM registry_person WHERE id_number_index = %s ORDER BY id LIMIT 1"
)
ENROLMENTS_SQL = """
    SELECT e.insurance, emp.name, e.start_month, e.end_month
    FROM insurance_enrolment e LEFT OUTER JOIN registry_employer emp ON e.employer_id = emp.id
    WHERE e.person_id = %s ORDER BY e.insurance ASC, e.start_month DESC"""
MONTHS_SQL = """
    SELECT DISTINCT period FROM insurance_contribution
    WHERE insurance = 'pension' AND paid_on IS NOT NULL AND person_id = %s"""
ACCOUNT_SQL = """
    SELECT year, opening_balance, credited, interest, closing_balance
    FROM insurance_personalaccount WHERE person_id = %s ORDER BY year ASC"""


def _json(body: dict[str, Any], status: int = 200) -> HttpResponse:
    return HttpResponse(json.dumps(body), status=status, content_type="application/json")


def _citizen(request: HttpRequest) -> Any:
    """The signed-in citizen or employer agent, or None (the real endpoint answers 401)."""
    user = request.user
    return user if user.is_authenticated and getattr(user, "role", "") in CITIZEN_ROLES else None


def _person(cursor: Any, person_index: str) -> tuple[int, str] | None:
    if not person_index:
        return None
    cursor.execute(PERSON_SQL, [person_index])
    return cursor.fetchone()


def _records(cursor: Any, person_id: int) -> dict[str, Any]:
    cursor.execute(ENROLMENTS_SQL, [person_id])
    enrolments = [
        {
            "insurance": insurance,
            "insurance_label": LABELS[insurance],
            "employer_name": employer or "灵活就业",
            "start_month": f"{start:%Y-%m}",
            "end_month": f"{end:%Y-%m}" if end else None,
        }
        for insurance, employer, start, end in cursor.fetchall()
    ]
    cursor.execute(MONTHS_SQL, [person_id])
    years: dict[int, int] = {}
    for (period,) in cursor.fetchall():
        years[period.year] = years.get(period.year, 0) + 1
    cursor.execute(ACCOUNT_SQL, [person_id])
    keys = ("year", "opening_balance", "credited", "interest", "closing_balance")
    accounts = [
        {k: str(v) if k != "year" else v for k, v in zip(keys, row, strict=True)}
        for row in cursor.fetchall()
    ]
    by_year = [{"year": y, "months": m} for y, m in sorted(years.items())]
    return {
        "enrolments": enrolments,
        "pension_months_by_year": by_year,
        "pension_months_total": sum(years.values()),
        "personal_account": accounts,
    }


@require_GET
def my_records(request: HttpRequest) -> HttpResponse:
    """GET /bare/me/records: the same reads as GET /api/citizen/v1/me/records."""
    user = _citizen(request)
    if user is None:
        return _json({"code": "iam.unauthenticated"}, status=401)
    with connection.cursor() as cursor:
        person = _person(cursor, user.person_index)
        if person is None:
            return _json({"code": "registry.person_not_found"}, status=404)
        body = _records(cursor, person[0])
    return _json({"as_of": clock.today().isoformat(), **body})


# --- submission ------------------------------------------------------------------------

REPLAY_SQL = """
    SELECT id, request_hash, status, version FROM service_hall_application
    WHERE applicant_id = %s AND idempotency_key = %s ORDER BY id LIMIT 1"""
ITEM_SQL = "SELECT id FROM service_hall_serviceitem WHERE active AND code = %s LIMIT 1"
INSERT_APPLICATION_SQL = """
    INSERT INTO service_hall_application (item_id, applicant_id, person_id, employer_id,
        district, channel, status, version, form, handler_id, created_at, submitted_at,
        accepted_at, due_date, clock_paused_on, paused_working_days, completed_at, closed_at,
        result, idempotency_key, request_hash)
    VALUES (%s, %s, %s, NULL, %s, 'online', 'submitted', 2, %s::jsonb, NULL, %s, %s,
        NULL, NULL, NULL, 0, NULL, NULL, '', %s, %s)
    RETURNING id"""
INSERT_EVENTS_SQL = """
    INSERT INTO service_hall_applicationevent (application_id, seq, from_status, to_status,
        action, actor_id, actor_name, actor_role, note, detail, at)
    VALUES (%s, 1, '', 'draft', 'create', %s, %s, %s, '', '[]'::jsonb, %s),
           (%s, 2, 'draft', 'submitted', 'submit', %s, %s, %s, '', '[]'::jsonb, %s)"""
HEAD_SQL = "SELECT last_id, last_tag, count FROM audit_audithead WHERE id = 1 FOR UPDATE"
AUDIT_COLUMNS = (
    "id, at, actor_id, actor_name, actor_role, action, object_type, object_id, person_id, "
    "outcome, reason, extra, prev_tag, tag"
)
AUDIT_ROW = "(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s::jsonb, %s, %s)"
INSERT_AUDIT_SQL = f"INSERT INTO audit_auditentry ({AUDIT_COLUMNS}) VALUES {AUDIT_ROW}, {AUDIT_ROW}"
UPDATE_HEAD_SQL = (
    "UPDATE audit_audithead SET last_id = %s, last_tag = %s, count = %s, tag = %s WHERE id = 1"
)
STEPS = (("create", "", "draft", 1), ("submit", "draft", "submitted", 2))


def _audit_fields(
    user: Any, app: dict[str, Any], step: tuple[str, str, str, int]
) -> dict[str, Any]:
    """The fields of one audit row, as ``audit_transition`` passes them to ``audit_record``."""
    action, before, after, seq = step
    return {
        "actor_id": user.pk,
        "actor_name": user.username,
        "actor_role": user.role,
        "action": f"application.{action}",
        "object_type": "service_hall.application",
        "object_id": str(app["id"]),
        "person_id": app["person_id"],
        "outcome": "ok",
        "reason": "",
        "extra": {
            "item": app["item_code"],
            "from": before,
            "to": after,
            "seq": seq,
            "version": seq,
        },
    }


def _audit_rows(cursor: Any, user: Any, app: dict[str, Any], at: datetime) -> None:
    """Append the create and submit audit rows to the chain, holding the head's lock."""
    key = settings.AUDIT_CHAIN_KEY
    assert isinstance(key, bytes)
    cursor.execute(HEAD_SQL)
    last_id, last_tag, count = cursor.fetchone()
    params: list[Any] = []
    for step in STEPS:
        fields = _audit_fields(user, app, step)
        last_id += 1
        tag = entry_tag(key, last_tag, canonical(seq=last_id, at=at, fields=fields))
        values = [*fields.values()][:-1]  # the columns in AUDIT_COLUMNS order, extra apart
        params += [last_id, at, *values, json.dumps(fields["extra"]), last_tag, tag]
        last_tag, count = tag, count + 1
    cursor.execute(INSERT_AUDIT_SQL, params)
    cursor.execute(
        UPDATE_HEAD_SQL, [last_id, last_tag, count, head_tag(key, last_id, last_tag, count)]
    )


def _insert(
    cursor: Any, user: Any, item_code: str, form: dict[str, Any], key: str, digest: str
) -> dict[str, Any]:
    """Insert the submitted application, its two events and their audit rows."""
    cursor.execute(ITEM_SQL, [item_code])
    item = cursor.fetchone()
    person = _person(cursor, user.person_index)
    if item is None or person is None:
        raise LookupError(item_code)
    now = clock.now()
    cursor.execute(
        INSERT_APPLICATION_SQL,
        [item[0], user.pk, person[0], person[1], json.dumps(form), now, now, key, digest],
    )
    app = {"id": cursor.fetchone()[0], "item_code": item_code, "person_id": person[0]}
    actor = [user.pk, user.username, user.role, now]
    cursor.execute(INSERT_EVENTS_SQL, [app["id"], *actor, app["id"], *actor])
    _audit_rows(cursor, user, app, now)
    return {**app, "status": "submitted", "version": 2, "at": now.isoformat()}


def _canonical(body: dict[str, Any]) -> bytes:
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def _replayed(cursor: Any, user: Any, key: str, digest: str) -> HttpResponse | None:
    """The answer to a retry: the earlier application, or 409 when the body differs."""
    cursor.execute(REPLAY_SQL, [user.pk, key])
    row = cursor.fetchone()
    if row is None:
        return None
    if row[1] != digest:
        return _json({"code": "application.idempotency_mismatch"}, status=409)
    return _json({"id": row[0], "status": row[2], "version": row[3]}, status=201)


@require_POST
def submit_new(request: HttpRequest) -> HttpResponse:
    """POST /bare/applications: create-and-submit with an Idempotency-Key, by hand."""
    user, key = _citizen(request), request.headers.get("Idempotency-Key", "")
    if user is None:
        return _json({"code": "iam.unauthenticated"}, status=401)
    payload = json.loads(request.body or b"{}")
    item_code, form = payload.get("item_code", ""), payload.get("form") or {}
    if not key or not isinstance(form, dict):
        return _json({"code": "application.invalid"}, status=422)
    body = {"op": "submit_new", "item": item_code, "form": form, "materials": {}}
    digest = sm3_hex(_canonical(body))
    with connection.cursor() as cursor:
        earlier = _replayed(cursor, user, key, digest)
        if earlier is not None:
            return earlier
        try:
            with transaction.atomic():
                app = _insert(cursor, user, item_code, form, key, digest)
        except LookupError:
            return _json({"code": "application.not_found"}, status=404)
    return _json(app, status=201)
