from datetime import timedelta

import pytest
from django.test import override_settings

from hrss.audit.models import AuditEntry
from hrss.core import clock
from hrss.core.crypto import CryptoError, FieldCipher
from hrss.core.errors import ValidationFailed
from hrss.iam import totp
from hrss.iam.errors import (
    AccountLocked,
    BadCredentials,
    BadSecondFactor,
    SecondFactorNotEnrolled,
    SecondFactorRequired,
    UsernameTaken,
)
from hrss.iam.models import Account
from hrss.iam.services import account_authenticate, account_create, account_update
from hrss.iam.tests.conftest import PASSWORD, T0, make_staff

pytestmark = pytest.mark.django_db


def _codes(error: ValidationFailed) -> set[str]:
    return {e.code for e in error.errors}


class TestAccountCreate:
    def test_district_required_for_caseworker(self):
        with pytest.raises(ValidationFailed) as info:
            account_create(username="c1", password=PASSWORD, role="caseworker")
        assert "iam.district_required" in _codes(info.value)
        assert not Account.objects.filter(username="c1").exists()

    @pytest.mark.parametrize("district", ["4201", "42010a", "4201060"])
    def test_district_must_be_six_digits(self, district):
        with pytest.raises(ValidationFailed) as info:
            account_create(username="c1", password=PASSWORD, role="inspector", district=district)
        assert "iam.bad_district" in _codes(info.value)

    def test_weak_password_refused_with_all_problems(self):
        with pytest.raises(ValidationFailed) as info:
            account_create(username="c1", password="abc", role="citizen")
        messages = [e.message for e in info.value.errors]
        assert len(messages) >= 2  # too short and too few character classes, together
        assert any("大写字母" in m for m in messages)

    def test_administrator_gets_admin_flags_and_is_audited(self):
        account = account_create(username="adm", password=PASSWORD, role="administrator")
        assert account.is_staff
        assert account.is_superuser
        assert account.check_password(PASSWORD)
        entry = AuditEntry.objects.get(action="iam.account_create")
        assert entry.object_id == str(account.pk)
        assert PASSWORD not in str(entry.extra)

    def test_citizen_gets_no_admin_flags(self):
        account = account_create(username="cit", password=PASSWORD, role="citizen")
        assert not account.is_staff
        assert not account.is_superuser

    def test_duplicate_username(self):
        account_create(username="dup", password=PASSWORD, role="citizen")
        with pytest.raises(UsernameTaken):
            account_create(username="dup", password=PASSWORD, role="citizen")

    @override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.Argon2PasswordHasher"])
    def test_passwords_are_hashed_with_argon2(self):
        account = account_create(username="argon", password=PASSWORD, role="citizen")
        account.refresh_from_db()
        assert account.password.startswith("argon2")
        assert PASSWORD not in account.password


class TestAccountUpdate:
    def test_role_change_follows_rules_and_is_audited(self, citizen):
        with pytest.raises(ValidationFailed):
            account_update(account=citizen, changes={"role": "caseworker"}, actor=citizen)
        changed = account_update(
            account=citizen, changes={"role": "caseworker", "district": "420106"}, actor=citizen
        )
        assert changed.role == "caseworker"
        assert AuditEntry.objects.filter(action="iam.account_update").count() == 1


class TestTotpEnrolment:
    def test_secret_is_stored_encrypted_and_bound_to_its_column(self, clerk):
        blob = Account.objects.get(pk=clerk.account.pk).totp_secret_enc
        assert clerk.secret.encode() not in bytes(blob)
        assert totp.decrypt_secret(blob) == clerk.secret
        with pytest.raises(CryptoError):
            FieldCipher([b"\x00" * 16]).decrypt(blob, aad=totp.SECRET_AAD)
        with pytest.raises(CryptoError):
            totp.decrypt_secret(blob[:-1] + bytes([blob[-1] ^ 1]))


class TestAuthenticate:
    def test_unknown_user_and_wrong_password_look_the_same(self, citizen):
        with pytest.raises(BadCredentials) as unknown:
            account_authenticate(username="nobody", password=PASSWORD)
        with pytest.raises(BadCredentials) as wrong:
            account_authenticate(username="citizen_t", password="Wrong-Passw0rd")
        assert (unknown.value.code, unknown.value.message) == (
            wrong.value.code,
            wrong.value.message,
        )
        assert unknown.value.code == "iam.bad_credentials"
        assert unknown.value.message == "用户名或密码错误"

    def test_citizen_needs_password_only(self, citizen):
        assert account_authenticate(username="citizen_t", password=PASSWORD) == citizen

    def test_staff_without_enrolled_totp_cannot_log_in(self, db):
        account_create(username="bare", password=PASSWORD, role="supervisor", district="420100")
        with pytest.raises(SecondFactorNotEnrolled) as info:
            account_authenticate(username="bare", password=PASSWORD, totp_code="123456")
        assert info.value.code == "iam.second_factor_not_enrolled"

    def test_staff_missing_and_wrong_totp(self, clerk):
        with clock.frozen(T0), pytest.raises(SecondFactorRequired):
            account_authenticate(username="clerk_t", password=PASSWORD)
        wrong = f"{(int(clerk.code(T0)) + 1) % 1_000_000:06d}"
        with clock.frozen(T0), pytest.raises(BadSecondFactor):
            account_authenticate(username="clerk_t", password=PASSWORD, totp_code=wrong)
        assert Account.objects.get(pk=clerk.account.pk).failed_logins == 2

    def test_staff_with_password_and_totp(self, clerk):
        with clock.frozen(T0):
            account = account_authenticate(
                username="clerk_t", password=PASSWORD, totp_code=clerk.code(T0)
            )
        assert account == clerk.account

    def test_a_code_from_the_previous_step_is_accepted(self, clerk):
        earlier = clerk.code(T0 - timedelta(seconds=30))
        with clock.frozen(T0):
            account_authenticate(username="clerk_t", password=PASSWORD, totp_code=earlier)

    def test_a_code_two_steps_old_is_refused(self, clerk):
        old = clerk.code(T0 - timedelta(seconds=70))
        with clock.frozen(T0), pytest.raises(BadSecondFactor):
            account_authenticate(username="clerk_t", password=PASSWORD, totp_code=old)

    def test_a_code_cannot_be_used_twice(self, clerk):
        code = clerk.code(T0)
        with clock.frozen(T0):
            account_authenticate(username="clerk_t", password=PASSWORD, totp_code=code)
        with clock.frozen(T0 + timedelta(seconds=5)), pytest.raises(BadSecondFactor):
            account_authenticate(username="clerk_t", password=PASSWORD, totp_code=code)

    def test_wrong_password_with_right_totp_is_bad_credentials(self, clerk):
        with clock.frozen(T0), pytest.raises(BadCredentials):
            account_authenticate(username="clerk_t", password="nope", totp_code=clerk.code(T0))

    def test_inactive_account_is_refused_like_a_wrong_password(self, citizen):
        Account.objects.filter(pk=citizen.pk).update(is_active=False)
        with pytest.raises(BadCredentials):
            account_authenticate(username="citizen_t", password=PASSWORD)


class TestLockout:
    def _fail(self, username: str, times: int) -> None:
        for _ in range(times):
            with pytest.raises((BadCredentials, AccountLocked)):
                account_authenticate(username=username, password="Wrong-Passw0rd")

    def test_fifth_failure_locks_and_even_correct_credentials_are_refused(self, clerk):
        with clock.frozen(T0):
            self._fail("clerk_t", 4)
            with pytest.raises(AccountLocked) as fifth:
                account_authenticate(username="clerk_t", password="Wrong-Passw0rd")
        assert "09:15" in fifth.value.message
        with clock.frozen(T0 + timedelta(minutes=14)), pytest.raises(AccountLocked) as sixth:
            account_authenticate(
                username="clerk_t",
                password=PASSWORD,
                totp_code=clerk.code(T0 + timedelta(minutes=14)),
            )
        assert sixth.value.code == "iam.locked"
        assert "2025-03-03 09:15" in sixth.value.message
        assert AuditEntry.objects.filter(action="iam.locked").count() == 1

    def test_unlocks_after_fifteen_minutes_with_a_fresh_counter(self, clerk):
        with clock.frozen(T0):
            self._fail("clerk_t", 5)
        later = T0 + timedelta(minutes=15, seconds=1)
        with clock.frozen(later):
            account_authenticate(username="clerk_t", password=PASSWORD, totp_code=clerk.code(later))
        account = Account.objects.get(pk=clerk.account.pk)
        assert (account.failed_logins, account.locked_until) == (0, None)

    def test_after_an_expired_lock_one_failure_does_not_relock(self, citizen):
        with clock.frozen(T0):
            self._fail("citizen_t", 5)
        with clock.frozen(T0 + timedelta(minutes=16)):
            self._fail("citizen_t", 1)
            assert account_authenticate(username="citizen_t", password=PASSWORD) == citizen

    def test_success_resets_the_counter(self, citizen):
        self._fail("citizen_t", 4)
        account_authenticate(username="citizen_t", password=PASSWORD)
        self._fail("citizen_t", 4)
        assert account_authenticate(username="citizen_t", password=PASSWORD) == citizen

    def test_lock_is_per_account(self, citizen, clerk):
        with clock.frozen(T0):
            self._fail("citizen_t", 5)
            account_authenticate(username="clerk_t", password=PASSWORD, totp_code=clerk.code(T0))


class TestAudit:
    def test_success_and_failure_are_audited_without_secrets(self, clerk):
        code = clerk.code(T0)
        with clock.frozen(T0):
            with pytest.raises(BadCredentials):
                account_authenticate(
                    username="clerk_t", password="Wrong-Pw-1", client_ip="10.0.0.7"
                )
            account_authenticate(username="clerk_t", password=PASSWORD, totp_code=code)
        failed = AuditEntry.objects.get(action="iam.login_failed")
        ok = AuditEntry.objects.get(action="iam.login")
        assert (failed.actor_id, failed.outcome, failed.reason) == (
            clerk.account.pk,
            "denied",
            "iam.bad_credentials",
        )
        assert failed.extra["ip"] == "10.0.0.7"
        assert (ok.actor_id, ok.outcome, ok.extra["factors"]) == (
            clerk.account.pk,
            "ok",
            "password+totp",
        )
        for entry in (failed, ok):
            dumped = str(entry.extra) + entry.reason
            assert "Wrong-Pw-1" not in dumped
            assert PASSWORD not in dumped
            assert code not in dumped

    def test_unknown_user_is_audited_as_anonymous_with_a_masked_name(self, db):
        with pytest.raises(BadCredentials):
            account_authenticate(username="mypassword123", password="x")
        entry = AuditEntry.objects.get(action="iam.login_failed")
        assert (entry.actor_name, entry.actor_id) == ("anonymous", None)
        assert entry.extra["username"] == "my***"


def test_make_staff_helper_gives_a_working_secret(db):
    staff = make_staff("helper", "inspector", "420000")
    assert len(staff.code(T0)) == 6
