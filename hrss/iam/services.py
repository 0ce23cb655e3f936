"""Writes of the accounts area: create accounts, enrol TOTP, authenticate, log out.

Every service is keyword-only, runs its writes in one transaction and appends
the audit row in that same transaction. Passwords and TOTP codes never reach
the audit log; an unknown username is recorded masked only.

Login policy (等保 level 3, GB/T 22239-2019 身份鉴别):

* unknown user and wrong password give the same answer (``iam.bad_credentials``);
* staff roles must present a valid TOTP code (a cryptographic second factor);
* ``HRSS_LOGIN_MAX_FAILURES`` consecutive failures lock the account for
  ``HRSS_LOGIN_LOCK_MINUTES``; while locked, every attempt is refused;
* success resets the counter.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext

from hrss.audit.models import Outcome
from hrss.audit.services import audit_record
from hrss.core import clock
from hrss.core.actors import SYSTEM, Actor, SystemActor
from hrss.core.errors import DomainError, ValidationFailed
from hrss.iam import totp
from hrss.iam.errors import (
    AccountInvalid,
    AccountLocked,
    AuthenticationFailed,
    BadCredentials,
    BadSecondFactor,
    SecondFactorNotEnrolled,
    SecondFactorRequired,
    UsernameTaken,
)
from hrss.iam.models import DISTRICT_ROLES, STAFF_ROLES, Account, Role

ANONYMOUS = SystemActor("anonymous")
OBJECT_TYPE = "iam.account"


# --- account creation -------------------------------------------------------------------


def role_district_errors(*, role: str, district: str) -> list[DomainError]:
    if role not in Role.values:
        return [AccountInvalid("iam.bad_role", gettext("角色不存在"), extra={"field": "role"})]
    if role in DISTRICT_ROLES and not district:
        msg = gettext("经办、监察、监督人员必须填写辖区(6 位行政区划代码,如 420106)")
        return [AccountInvalid("iam.district_required", msg, extra={"field": "district"})]
    if district and (len(district) != 6 or not district.isdigit()):
        msg = gettext("辖区须为 6 位数字的行政区划代码,如 420106")
        return [AccountInvalid("iam.bad_district", msg, extra={"field": "district"})]
    return []


def _password_errors(*, password: str, account: Account) -> list[DomainError]:
    try:
        validate_password(password, user=account)
    except ValidationError as exc:
        return [
            AccountInvalid("iam.weak_password", message, extra={"field": "password"})
            for message in exc.messages
        ]
    return []


def _validated_account(*, username: str, password: str, role: str, district: str) -> Account:
    """An unsaved account, or :class:`ValidationFailed` listing every broken rule."""
    account = Account(username=username.strip(), role=role, district=district.strip())
    account.is_staff = account.is_superuser = role == Role.ADMINISTRATOR
    errors = role_district_errors(role=role, district=account.district)
    if not account.username:
        errors.append(AccountInvalid("iam.username_required", gettext("请填写用户名")))
    errors += _password_errors(password=password, account=account)
    if errors:
        raise ValidationFailed(errors)
    account.set_password(password)
    return account


def _insert(account: Account) -> None:
    try:
        with transaction.atomic():
            account.save(force_insert=True)
    except IntegrityError:
        raise UsernameTaken() from None


def account_create(
    *,
    username: str,
    password: str,
    role: str,
    district: str = "",
    employer_uscc: str = "",
    person_index: str = "",
    actor: Actor = SYSTEM,
) -> Account:
    """Create an account after checking role, district and password rules (audited).

    Administrators get ``is_staff``/``is_superuser`` (the Django admin is theirs
    alone); every other role gets neither. Raises :class:`ValidationFailed` with
    all problems at once, or :class:`UsernameTaken`.
    """
    account = _validated_account(username=username, password=password, role=role, district=district)
    account.employer_uscc, account.person_index = employer_uscc, person_index
    with transaction.atomic():
        _insert(account)
        audit_record(
            actor=actor,
            action="iam.account_create",
            object_type=OBJECT_TYPE,
            object_id=account.pk,
            extra={"role": role, "district": account.district},
        )
    return account


def account_enrol_totp(*, account: Account, actor: Actor = SYSTEM) -> str:
    """Give ``account`` a new TOTP secret (SM4-GCM encrypted) and return its provisioning URI.

    The URI holds the secret: show it once (QR code) and do not store it. A new
    enrolment replaces the old secret, so a lost phone is handled by enrolling again.
    """
    secret = totp.new_secret()
    with transaction.atomic():
        locked = Account.objects.select_for_update().get(pk=account.pk)
        locked.totp_secret_enc = totp.encrypt_secret(secret)
        locked.totp_last_step = None
        locked.save(update_fields=["totp_secret_enc", "totp_last_step"])
        audit_record(
            actor=actor, action="iam.totp_enrol", object_type=OBJECT_TYPE, object_id=account.pk
        )
    account.totp_secret_enc, account.totp_last_step = locked.totp_secret_enc, None
    return totp.provisioning_uri(secret=secret, username=account.username)


UPDATABLE_FIELDS = ("role", "district", "employer_uscc", "is_active")


def account_update(*, account: Account, changes: dict[str, object], actor: Actor) -> Account:
    """Change role, district, employer or active flag (the admin's form lands here; audited).

    The same district rules as :func:`account_create` apply; ``is_staff`` and
    ``is_superuser`` follow the role. Unknown keys in ``changes`` are refused.
    """
    unknown = set(changes) - set(UPDATABLE_FIELDS)
    if unknown:
        raise AccountInvalid(
            "iam.bad_field", gettext("不能修改这些字段"), extra={"fields": sorted(unknown)}
        )
    with transaction.atomic():
        locked = Account.objects.select_for_update().get(pk=account.pk)
        for name, value in changes.items():
            setattr(locked, name, value)
        errors = role_district_errors(role=locked.role, district=locked.district)
        if errors:
            raise ValidationFailed(errors)
        locked.is_staff = locked.is_superuser = locked.role == Role.ADMINISTRATOR
        locked.save(update_fields=[*changes, "is_staff", "is_superuser"])
        audit_record(
            actor=actor,
            action="iam.account_update",
            object_type=OBJECT_TYPE,
            object_id=locked.pk,
            extra={k: str(v) for k, v in changes.items()},
        )
    return locked


# --- authentication ---------------------------------------------------------------------


Meta = dict[str, str]


def _meta(client_ip: str, user_agent: str) -> Meta:
    return {"ip": client_ip[:45], "user_agent": user_agent[:200]}


def _mask_username(username: str) -> str:
    # A mistyped password often lands in the username field: keep only a hint of it.
    return username[:2] + "***" if username else ""


def _lock_message(until: datetime) -> str:
    local = clock.localise(until)
    return gettext("登录失败次数过多,账户已被锁定,请于 %(time)s 后再试") % {
        "time": local.strftime("%Y-%m-%d %H:%M")
    }


def _locked_error(until: datetime) -> AccountLocked:
    return AccountLocked(
        message=_lock_message(until), extra={"locked_until": clock.localise(until).isoformat()}
    )


def _check_factors(*, account: Account, password: str, totp_code: str) -> int | None:
    """The matched TOTP step (``None`` for password-only roles), or raise."""
    if not account.check_password(password) or not account.is_active:
        raise BadCredentials()
    if account.role not in STAFF_ROLES:
        return None
    if not account.has_totp:
        raise SecondFactorNotEnrolled()
    if not totp_code.strip():
        raise SecondFactorRequired()
    secret = totp.decrypt_secret(account.totp_secret_enc)  # type: ignore[arg-type]
    step = totp.matching_step(secret=secret, code=totp_code)
    if step is None or (account.totp_last_step is not None and step <= account.totp_last_step):
        raise BadSecondFactor()
    return step


def _count_failure(account: Account) -> datetime | None:
    """Add one failure to the (row-locked) account; the new lock end if this one locks it."""
    now = clock.now()
    if account.locked_until is not None and account.locked_until <= now:
        account.failed_logins, account.locked_until = 0, None  # lock expired: start over
    account.failed_logins += 1
    if account.failed_logins < settings.HRSS_LOGIN_MAX_FAILURES:
        account.save(update_fields=["failed_logins", "locked_until"])
        return None
    account.locked_until = now + timedelta(minutes=settings.HRSS_LOGIN_LOCK_MINUTES)
    account.save(update_fields=["failed_logins", "locked_until"])
    return account.locked_until


def _record_failure(*, account_id: int, error: AuthenticationFailed, meta: Meta) -> None:
    """Count one failure; lock at the limit. Raises :class:`AccountLocked` when it locks."""
    with transaction.atomic():
        account = Account.objects.select_for_update().get(pk=account_id)
        locked_until = _count_failure(account)
        audit_record(
            actor=account,
            action="iam.login_failed",
            object_type=OBJECT_TYPE,
            object_id=account.pk,
            outcome=Outcome.DENIED,
            reason=error.code,
            extra={**meta, "failures": account.failed_logins},
        )
        if locked_until is None:
            return
        audit_record(
            actor=account,
            action="iam.locked",
            object_type=OBJECT_TYPE,
            object_id=account.pk,
            reason=f"{account.failed_logins} consecutive failures",
            extra={**meta, "locked_until": locked_until.isoformat()},
        )
    raise _locked_error(locked_until) from error


def _refuse_if_locked(*, account: Account, meta: Meta) -> None:
    if account.locked_until is None or account.locked_until <= clock.now():
        return
    error = _locked_error(account.locked_until)
    with transaction.atomic():
        audit_record(
            actor=account,
            action="iam.login_failed",
            object_type=OBJECT_TYPE,
            object_id=account.pk,
            outcome=Outcome.DENIED,
            reason=error.code,
            extra=meta,
        )
    raise error


def _record_success(*, account: Account, step: int | None, meta: Meta) -> bool:
    """Reset the counter and store the TOTP step; ``False`` if the step was used meanwhile."""
    rows = Account.objects.filter(pk=account.pk)
    if step is not None:  # atomic check-and-set: the same code cannot log in twice
        rows = rows.filter(Q(totp_last_step__isnull=True) | Q(totp_last_step__lt=step))
    with transaction.atomic():
        updated = rows.update(failed_logins=0, locked_until=None, totp_last_step=step)
        if not updated:
            return False
        factors = "password+totp" if step is not None else "password"
        audit_record(
            actor=account,
            action="iam.login",
            object_type=OBJECT_TYPE,
            object_id=account.pk,
            extra={**meta, "factors": factors},
        )
    account.failed_logins, account.locked_until, account.totp_last_step = 0, None, step
    return True


def account_authenticate(
    *, username: str, password: str, totp_code: str = "", client_ip: str = "", user_agent: str = ""
) -> Account:
    """Check a login attempt and return the account, or raise an :class:`AuthenticationFailed`.

    Does not touch the session: the view logs the account in (and marks a staff
    session as having passed the second factor). Every outcome is audited.
    """
    meta = _meta(client_ip, user_agent)
    account = Account.objects.filter(username=username).first()
    if account is None:
        Account().set_password(password)  # same work as a real check: no timing oracle
        with transaction.atomic():
            audit_record(
                actor=ANONYMOUS,
                action="iam.login_failed",
                outcome=Outcome.DENIED,
                reason=BadCredentials.default_code,
                extra={**meta, "username": _mask_username(username)},
            )
        raise BadCredentials()
    _refuse_if_locked(account=account, meta=meta)
    try:
        step = _check_factors(account=account, password=password, totp_code=totp_code)
        if not _record_success(account=account, step=step, meta=meta):
            raise BadSecondFactor()
    except AuthenticationFailed as error:
        _record_failure(account_id=account.pk, error=error, meta=meta)
        raise
    return account


def account_record_logout(*, account: Account, reason: str = "user") -> None:
    """Audit the end of a session (``reason``: user, idle, second_factor_missing)."""
    with transaction.atomic():
        audit_record(
            actor=account,
            action="iam.logout",
            object_type=OBJECT_TYPE,
            object_id=account.pk,
            reason=reason,
        )
