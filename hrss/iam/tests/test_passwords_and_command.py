from io import StringIO

import pyotp
import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from hrss.audit.models import AuditEntry
from hrss.iam import totp
from hrss.iam.models import Account
from hrss.iam.passwords import MixedCharacterClassesValidator, character_classes
from hrss.iam.tests.conftest import PASSWORD


@pytest.mark.parametrize(
    ("password", "classes"),
    [("abcdef", 1), ("abcDEF", 2), ("abcDEF12", 3), ("abcDEF12!", 4), ("密码Ab1", 4)],
)
def test_character_classes(password, classes):
    assert len(character_classes(password)) == classes


def test_validator_needs_three_classes_and_says_so_in_chinese():
    validator = MixedCharacterClassesValidator()
    validator.validate("Abcdefgh12")
    with pytest.raises(ValidationError) as info:
        validator.validate("abcdefgh12")
    assert info.value.code == "password_too_simple"
    assert "3 类" in info.value.messages[0]
    assert "3 类" in validator.get_help_text()


@pytest.mark.django_db
class TestCreateAccountCommand:
    def test_staff_account_gets_a_totp_uri_once(self, monkeypatch):
        monkeypatch.setenv("NEW_PW", PASSWORD)
        out = StringIO()
        call_command(
            "create_account",
            "clerk9",
            role="caseworker",
            district="420106",
            password_from_env="NEW_PW",
            stdout=out,
        )
        uri = next(line for line in out.getvalue().splitlines() if line.startswith("otpauth://"))
        account = Account.objects.get(username="clerk9")
        assert totp.decrypt_secret(account.totp_secret_enc) == pyotp.parse_uri(uri).secret
        assert account.check_password(PASSWORD)
        assert AuditEntry.objects.filter(action="iam.totp_enrol").count() == 1

    def test_qr_code_is_drawn_on_request(self, monkeypatch):
        monkeypatch.setenv("NEW_PW", PASSWORD)
        out = StringIO()
        call_command(
            "create_account",
            "admin9",
            role="administrator",
            password_from_env="NEW_PW",
            qr=True,
            stdout=out,
        )
        assert "█" in out.getvalue() or "▀" in out.getvalue()

    def test_citizen_gets_no_totp(self, monkeypatch):
        monkeypatch.setenv("NEW_PW", PASSWORD)
        out = StringIO()
        call_command(
            "create_account", "cit9", role="citizen", password_from_env="NEW_PW", stdout=out
        )
        assert "otpauth://" not in out.getvalue()
        assert not Account.objects.get(username="cit9").has_totp

    def test_rule_violations_are_reported_plainly(self, monkeypatch):
        monkeypatch.setenv("NEW_PW", PASSWORD)
        with pytest.raises(CommandError, match="辖区"):
            call_command("create_account", "c", role="inspector", password_from_env="NEW_PW")
        assert not Account.objects.filter(username="c").exists()

    def test_missing_password_variable(self, monkeypatch):
        monkeypatch.delenv("NEW_PW", raising=False)
        with pytest.raises(CommandError, match="NEW_PW"):
            call_command("create_account", "c", role="citizen", password_from_env="NEW_PW")
