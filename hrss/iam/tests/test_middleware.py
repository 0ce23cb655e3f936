from datetime import timedelta

import pytest
from django.urls import reverse

from hrss.audit.models import AuditEntry
from hrss.core import clock
from hrss.iam.testing import force_login_staff
from hrss.iam.tests.conftest import T0, post_login

pytestmark = pytest.mark.django_db


def _logged_in(client) -> bool:
    return "_auth_user_id" in client.session


class TestIdleTimeout:
    def test_active_session_survives_and_idle_one_is_ended(self, client, clerk):
        with clock.frozen(T0):
            post_login(client, "clerk_t", code=clerk.code(T0))
        with clock.frozen(T0 + timedelta(minutes=29)):
            assert client.get(reverse("web:home")).status_code == 200
            assert _logged_in(client)
        # 29 minutes after the last request: still fine; 30 minutes: logged out.
        with clock.frozen(T0 + timedelta(minutes=58)):
            assert client.get(reverse("web:home")).status_code == 200
        with clock.frozen(T0 + timedelta(minutes=88)):
            response = client.get(reverse("web:home"))
        assert response.status_code == 302
        assert response["Location"] == f"{reverse('iam:login')}?next=/"
        assert not _logged_in(client)
        page = client.get(response["Location"]).content.decode()
        assert "长时间未操作,已自动退出" in page
        assert AuditEntry.objects.get(action="iam.logout").reason == "idle"

    def test_citizen_sessions_time_out_too(self, client, citizen):
        with clock.frozen(T0):
            post_login(client, "citizen_t")
        with clock.frozen(T0 + timedelta(minutes=31)):
            assert client.get(reverse("web:home")).status_code == 302
        assert not _logged_in(client)

    def test_api_calls_get_a_401_problem(self, client, citizen):
        with clock.frozen(T0):
            post_login(client, "citizen_t")
        with clock.frozen(T0 + timedelta(hours=1)):
            response = client.get("/api/anything")
        assert response.status_code == 401
        assert response["Content-Type"] == "application/problem+json"
        assert response.json()["code"] == "iam.session_ended"


class TestStaffSecondFactor:
    def test_staff_session_without_second_factor_is_ended(self, client, clerk):
        client.force_login(clerk.account)  # any door other than our login view
        response = client.get(reverse("web:home"))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("iam:login"))
        assert not _logged_in(client)
        assert AuditEntry.objects.get(action="iam.logout").reason == "second_factor_missing"
        assert "动态验证码" in client.get(response["Location"]).content.decode()

    def test_password_only_login_through_django_auth_is_useless_for_staff(self, client, clerk):
        assert client.login(username="clerk_t", password="Hrss-Test-2025!")  # ModelBackend
        assert client.get(reverse("web:home")).status_code == 302
        assert not _logged_in(client)

    def test_citizen_session_needs_no_second_factor(self, client, citizen):
        client.force_login(citizen)
        assert client.get(reverse("web:home")).status_code == 200
        assert _logged_in(client)

    def test_testing_helper_marks_the_second_factor(self, client, clerk):
        force_login_staff(client, clerk.account)
        assert client.get(reverse("web:home")).status_code == 200
        assert _logged_in(client)
