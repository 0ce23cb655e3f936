"""Accounts made through the services, with their TOTP secrets, and a login helper."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pyotp
import pytest
from django.test import Client
from django.urls import reverse

from hrss.core.clock import SHANGHAI
from hrss.iam import totp
from hrss.iam.models import Account
from hrss.iam.services import account_create, account_enrol_totp

PASSWORD = "Hrss-Test-2025!"
T0 = datetime(2025, 3, 3, 9, 0, 0, tzinfo=SHANGHAI)


@dataclass
class Staff:
    account: Account
    secret: str

    def code(self, at: datetime) -> str:
        return totp.code_at(secret=self.secret, at=at)


def make_staff(username: str, role: str, district: str = "") -> Staff:
    account = account_create(username=username, password=PASSWORD, role=role, district=district)
    uri = account_enrol_totp(account=account)
    return Staff(account=account, secret=pyotp.parse_uri(uri).secret)


@pytest.fixture
def clerk(db) -> Staff:
    return make_staff("clerk_t", "caseworker", "420106")


@pytest.fixture
def sysadmin(db) -> Staff:
    return make_staff("sysadmin_t", "administrator")


@pytest.fixture
def citizen(db) -> Account:
    return account_create(username="citizen_t", password=PASSWORD, role="citizen")


def post_login(client: Client, username: str, password: str = PASSWORD, code: str = "", **extra):
    data = {"username": username, "password": password, "totp_code": code, **extra}
    return client.post(reverse("iam:login"), data)
