import pytest
from django.urls import reverse

from hrss.audit.models import AuditEntry
from hrss.core import clock
from hrss.iam.models import Account
from hrss.iam.services import account_create
from hrss.iam.tests.conftest import PASSWORD, T0, post_login

pytestmark = pytest.mark.django_db

LOGIN_FOR_ADMIN = f"{reverse('iam:login')}?next=/admin/"


def _login_staff(client, staff):
    with clock.frozen(T0):
        assert post_login(client, staff.account.username, code=staff.code(T0)).status_code == 302


def test_admin_sends_everyone_to_our_login_page(client):
    first = client.get("/admin/")
    assert first.status_code == 302
    final = client.get("/admin/", follow=True)
    assert final.redirect_chain[-1][0] == LOGIN_FOR_ADMIN
    assert client.get(reverse("admin:login"))["Location"] == LOGIN_FOR_ADMIN


def test_admin_login_form_cannot_log_in_without_totp(client, sysadmin):
    response = client.post(
        reverse("admin:login"), {"username": "sysadmin_t", "password": PASSWORD, "next": "/admin/"}
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("iam:login"))
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


def test_password_only_session_of_an_administrator_is_refused(client, sysadmin):
    client.login(username="sysadmin_t", password=PASSWORD)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("iam:login"))
    assert "_auth_user_id" not in client.session


def test_administrator_with_totp_uses_the_admin(client, sysadmin, clerk):
    _login_staff(client, sysadmin)
    with clock.frozen(T0):
        assert client.get("/admin/").status_code == 200
        page = client.get(reverse("admin:iam_account_changelist")).content.decode()
        change = client.get(reverse("admin:iam_account_change", args=[clerk.account.pk]))
    assert "clerk_t" in page
    assert "420106" in page
    assert "经办人员" in page
    hashed = Account.objects.get(pk=clerk.account.pk).password
    for shown in (page, change.content.decode()):
        assert hashed not in shown
        assert "totp" not in shown.lower()
        assert clerk.secret not in shown
    assert 'name="password"' not in change.content.decode()


def test_admin_edit_goes_through_the_service_and_is_audited(client, sysadmin, clerk):
    _login_staff(client, sysadmin)
    url = reverse("admin:iam_account_change", args=[clerk.account.pk])
    data = {"role": "caseworker", "district": "", "employer_uscc": "", "is_active": "on"}
    with clock.frozen(T0):
        refused = client.post(url, data)
        assert refused.status_code == 200  # form shown again with the error
        assert "必须填写辖区" in refused.content.decode()
        client.post(url, {**data, "district": "420100"})
    assert Account.objects.get(pk=clerk.account.pk).district == "420100"
    entry = AuditEntry.objects.get(action="iam.account_update")
    assert entry.actor_id == sysadmin.account.pk


def test_caseworker_may_not_use_the_admin(client, clerk):
    _login_staff(client, clerk)
    with clock.frozen(T0):
        response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0] == LOGIN_FOR_ADMIN
    assert "您已登录为 clerk_t" in response.content.decode()


def test_citizen_with_admin_flags_may_not_use_the_admin(client):
    account = account_create(username="odd", password=PASSWORD, role="citizen")
    Account.objects.filter(pk=account.pk).update(is_staff=True, is_superuser=True)
    post_login(client, "odd")
    assert client.get("/admin/", follow=True).redirect_chain[-1][0] == LOGIN_FOR_ADMIN


def test_admin_logout_is_ours_and_audited(client, sysadmin):
    _login_staff(client, sysadmin)
    with clock.frozen(T0):
        assert client.get(reverse("admin:logout")).status_code == 405
        response = client.post(reverse("admin:logout"))
    assert response["Location"] == reverse("iam:login")
    assert "_auth_user_id" not in client.session
    assert AuditEntry.objects.get(action="iam.logout").actor_id == sysadmin.account.pk
