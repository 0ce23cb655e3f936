"""One error hierarchy, two renderings: a page for people, problem+json for programs."""

import pytest
from django.test import RequestFactory

from hrss.core.errors import DomainError, NotFound, ValidationFailed
from hrss.web.middleware import DomainErrorPageMiddleware

pytestmark = pytest.mark.django_db


def render_error(exc, path="/some/page/"):
    request = RequestFactory().get(path)
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    request.session = {}
    return DomainErrorPageMiddleware(lambda r: None).process_exception(request, exc)


def test_page_shows_message_code_and_every_field_error():
    exc = ValidationFailed(
        [
            DomainError("registry.gender_mismatch", "性别与身份证号码不符(按身份证号码应为男)"),
            DomainError("registry.bad_phone", "手机号码应为以1开头的11位数字"),
        ]
    )
    response = render_error(exc)
    body = response.content.decode()
    assert response.status_code == 400
    assert "validation.failed" in body
    assert "性别与身份证号码不符" in body and "手机号码应为以1开头的11位数字" in body


def test_not_found_keeps_its_status():
    assert render_error(NotFound()).status_code == 404


def test_api_paths_are_left_to_the_api_handler():
    assert render_error(NotFound(), path="/api/staff/v1/persons/1") is None


def test_other_exceptions_are_not_swallowed():
    assert render_error(ValueError("boom")) is None
