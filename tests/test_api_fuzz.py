"""Schemathesis over both OpenAPI documents: no generated request gets a 5xx answer.

Requests are generated from the committed contract and sent through Django's test
client as a signed-in persona (a citizen for the citizen API, a caseworker for the
staff API), so the operations run their real access checks and validation.
"""

import json

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from conftest import sign_in
from hrss.web.management.commands.openapi import openapi_text

EXAMPLES_PER_OPERATION = 15


def _operations(name):
    schema = schemathesis.openapi.from_dict(json.loads(openapi_text(name)))
    return [result.ok() for result in schema.get_all_operations()]


def _send(client, case):
    path = case.formatted_path
    if case.query:
        from urllib.parse import urlencode

        path = f"{path}?{urlencode(case.query, doseq=True)}"
    headers = {
        f"HTTP_{k.upper().replace('-', '_')}": v
        for k, v in (case.headers or {}).items()
        if k.lower() not in {"content-type", "content-length"}
    }
    method = getattr(client, case.method.lower())
    if case.media_type == "application/json":
        return method(path, data=json.dumps(case.body), content_type="application/json", **headers)
    if case.media_type == "multipart/form-data" and isinstance(case.body, dict):
        # A browser never sends a null form field; the test client cannot encode one.
        data = {k: v for k, v in case.body.items() if v is not None}
        return method(path, data=data, **headers)
    return method(path, **headers)


def _fuzz(client, operation):
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy())
    def check(case):
        response = _send(client, case)
        assert response.status_code < 500, (
            f"{case.method} {case.formatted_path} {response.status_code} {response.content[:99]!r}"
        )

    check()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "operation", _operations("citizen"), ids=lambda op: f"{op.method} {op.path}"
)
def test_citizen_api_never_answers_5xx(client, zhang, operation):
    sign_in(client, zhang)
    _fuzz(client, operation)


@pytest.mark.django_db
@pytest.mark.parametrize("operation", _operations("staff"), ids=lambda op: f"{op.method} {op.path}")
def test_staff_api_never_answers_5xx(client, clerk_wuchang, person_zhang, operation):
    sign_in(client, clerk_wuchang)
    _fuzz(client, operation)
