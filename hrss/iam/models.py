"""Accounts, roles and districts.

A district is a GB/T 2260 code: a caseworker of 420106 (武昌区) sees persons of
武昌区 only; one of 420100 (武汉市) sees the whole city; 420000 the province.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models


class Role(models.TextChoices):
    CITIZEN = "citizen", "参保人"
    EMPLOYER_AGENT = "employer_agent", "单位经办人"
    CASEWORKER = "caseworker", "经办人员"
    INSPECTOR = "inspector", "监察员"
    SUPERVISOR = "supervisor", "监督管理人员"
    ADMINISTRATOR = "administrator", "系统管理员"


STAFF_ROLES = frozenset({Role.CASEWORKER, Role.INSPECTOR, Role.SUPERVISOR, Role.ADMINISTRATOR})
DISTRICT_ROLES = frozenset({Role.CASEWORKER, Role.INSPECTOR, Role.SUPERVISOR})


def district_prefix(code: str) -> str:
    """420106 → '420106', 420100 → '4201', 420000 → '42' (what the district covers)."""
    if code.endswith("0000"):
        return code[:2]
    if code.endswith("00"):
        return code[:4]
    return code


class Account(AbstractUser):
    role = models.CharField("角色", max_length=32, choices=Role.choices, default=Role.CITIZEN)
    district = models.CharField(
        "辖区", max_length=6, blank=True, help_text="GB/T 2260 代码;经办、监察、监督人员必填"
    )
    # Citizens: blind index of their ID number, the link to registry.Person.
    person_index = models.CharField(max_length=64, blank=True, db_index=True)
    # Employer agents: the USCC of the employer they act for.
    employer_uscc = models.CharField("单位统一社会信用代码", max_length=18, blank=True)
    totp_secret_enc = models.BinaryField(null=True, blank=True, editable=False)
    failed_logins = models.PositiveSmallIntegerField(default=0, editable=False)
    locked_until = models.DateTimeField(null=True, blank=True, editable=False)
    # The last TOTP time step accepted: a code is good for one login only (no replay).
    totp_last_step = models.BigIntegerField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "账户"
        verbose_name_plural = "账户"

    @property
    def is_staff_role(self) -> bool:
        return self.role in STAFF_ROLES

    @property
    def has_totp(self) -> bool:
        return bool(self.totp_secret_enc)

    def covers_region(self, region_code: str) -> bool:
        """Does this account's district include ``region_code``?"""
        # Administrators run the system; reading persons' data is not their job (least
        # privilege, 等保 separation of duties), so they are covered by no district.
        if self.role not in DISTRICT_ROLES or not self.district:
            return False
        return region_code.startswith(district_prefix(self.district))
