"""Fixtures of the service-hall tests (personas come from the root conftest)."""

from __future__ import annotations

import pytest

from hrss.iam.models import Account
from hrss.service_hall.tests.factories import make_item


@pytest.fixture
def item(db):
    """A person item with a reusable ID copy (any type) and a PDF-only application form."""
    return make_item()


@pytest.fixture
def reviewed_item(db):
    """An item whose decision needs a second caseworker (复核)."""
    return make_item("QR09901001", name="需复核事项", needs_second_review=True)


@pytest.fixture
def clerk_wuchang_2(db):
    """A second caseworker of 武昌区 (for second review)."""
    return Account.objects.create_user(
        username="clerk_wuchang_2", password="Test-Passw0rd!", role="caseworker", district="420106"
    )


@pytest.fixture
def supervisor_wuhan(db):
    """A supervisor of 武汉市: reads 武昌区 applications, acts on none."""
    return Account.objects.create_user(
        username="supervisor_wuhan", password="Test-Passw0rd!", role="supervisor", district="420100"
    )
