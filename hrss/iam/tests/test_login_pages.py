import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse

from hrss.audit.models import AuditEntry
from hrss.core import clock
from hrss.iam.sessions import SESSION_MFA_OK
from hrss.iam.tests.conftest import PASSWORD, T0, post_login

pytestmark = pytest.mark.django_db


def _logged_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def test_login_page_is_chinese_with_the_three_fields(client):
    page = client.get(reverse("iam:login")).content.decode()
    for text in ("用户名", "密码", "动态验证码", "csrfmiddlewaretoken"):
        assert text in page
    assert 'autocomplete="one-time-code"' in page


def test_staff_login_without_totp_is_refused_next_to_the_field(client, clerk):
    with clock.frozen(T0):
        response = post_login(client, "clerk_t")
    assert response.status_code == 400
    assert response.context["form"].errors["totp_code"] == ["工作人员登录须填写动态验证码"]
    assert not _logged_in(client)


def test_wrong_totp_is_refused(client, clerk):
    with clock.frozen(T0):
        response = post_login(
            client, "clerk_t", code="000000" if clerk.code(T0) != "000000" else "1"
        )
    assert response.status_code == 400
    assert "totp_code" in response.context["form"].errors
    assert not _logged_in(client)


def test_malformed_totp_is_a_form_error(client, clerk):
    response = post_login(client, "clerk_t", code="12ab")
    assert "6 位数字" in response.context["form"].errors["totp_code"][0]
    assert AuditEntry.objects.filter(action="iam.login_failed").count() == 0


def test_bad_password_error_is_shown_next_to_the_password(client, citizen):
    response = post_login(client, "citizen_t", password="Wrong-Passw0rd")
    assert response.context["form"].errors["password"] == ["用户名或密码错误"]
    assert "用户名或密码错误" in response.content.decode()


def test_staff_with_password_and_totp_gets_a_second_factor_session(client, clerk):
    with clock.frozen(T0):
        response = post_login(client, "clerk_t", code=clerk.code(T0))
        assert response.status_code == 302
        assert response["Location"] == reverse("web:home")
        assert _logged_in(client)
        assert client.session[SESSION_MFA_OK] is True
        assert client.get(reverse("web:home")).context["user"] == clerk.account


def test_citizen_logs_in_with_password_only(client, citizen):
    response = post_login(client, "citizen_t")
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == citizen.pk


def test_login_follows_a_local_next_but_not_a_foreign_one(client, citizen):
    assert post_login(client, "citizen_t", next="/admin/")["Location"] == "/admin/"
    client.logout()
    assert post_login(client, "citizen_t", next="https://evil.example/")["Location"] == "/"


def test_session_key_changes_at_login(client, citizen):
    client.get(reverse("iam:login"))
    session = client.session
    session["probe"] = 1
    session.save()
    before = client.cookies["sessionid"].value
    post_login(client, "citizen_t")
    assert client.cookies["sessionid"].value != before


def test_lockout_through_the_page(client, clerk):
    with clock.frozen(T0):
        for _ in range(5):
            post_login(client, "clerk_t", password="Wrong-Passw0rd")
    at = T0 + timedelta(minutes=1)
    with clock.frozen(at):
        response = post_login(client, "clerk_t", code=clerk.code(at))
    assert response.status_code == 400
    assert "已被锁定" in response.content.decode()
    assert "09:15" in response.content.decode()
    assert not _logged_in(client)


def test_csrf_is_enforced_on_login():
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("iam:login"), {"username": "x", "password": "y"})
    assert response.status_code == 403
    page = client.get(reverse("iam:login")).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = client.post(
        reverse("iam:login"), {"username": "x", "password": "y", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 400  # past CSRF, refused as bad credentials


def test_logout_is_post_only_and_audited(client, citizen):
    post_login(client, "citizen_t")
    assert client.get(reverse("iam:logout")).status_code == 405
    assert _logged_in(client)
    response = client.post(reverse("iam:logout"))
    assert response["Location"] == reverse("iam:login")
    assert not _logged_in(client)
    assert AuditEntry.objects.get(action="iam.logout").reason == "user"
    assert "您已安全退出" in client.get(reverse("iam:login")).content.decode()


def test_login_audits_success_and_failure(client, citizen):
    post_login(client, "citizen_t", password="Wrong-Passw0rd", HTTP_USER_AGENT="UA")
    post_login(client, "citizen_t")
    actions = list(AuditEntry.objects.values_list("action", "outcome", "actor_id"))
    assert ("iam.login_failed", "denied", citizen.pk) in actions
    assert ("iam.login", "ok", citizen.pk) in actions
    assert AuditEntry.objects.get(action="iam.login").extra["ip"] == "127.0.0.1"


def test_password_is_never_echoed_back(client, citizen):
    response = post_login(client, "citizen_t", password="Secret-Wr0ng!")
    assert "Secret-Wr0ng!" not in response.content.decode()
    assert PASSWORD not in response.content.decode()


def test_login_page_and_its_errors_in_english(client, citizen):
    client.cookies["django_language"] = "en"
    assert "One-time code" in client.get(reverse("iam:login")).content.decode()
    response = post_login(client, "citizen_t", password="Wrong-Passw0rd")
    assert response.context["form"].errors["password"] == ["Wrong username or password"]
