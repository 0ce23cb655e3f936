"""Fixtures of the page tests: the catalog item most flows use, and applications at each stage.

Personas (张伟 ``zhang``, 李娜 ``li``, ``clerk_wuchang``, ``clerk_xiangyang``) come from
the root conftest. The item is 社会保障卡申领 from the seeded catalog: an ID copy (any
type, reusable) and a photo (JPG/PNG only).
"""

from __future__ import annotations

import pytest
from django.test import Client

from conftest import sign_in
from hrss.iam.models import Account
from hrss.service_hall import services
from hrss.service_hall.models import Application, ServiceItem
from hrss.service_hall.tests.factories import PDF, PNG

CARD_ITEM = "GG00301001"  # 社会保障卡申领: M01 居民身份证 (any), M02 证件照 (JPG/PNG)


@pytest.fixture
def card_item(db) -> ServiceItem:
    return ServiceItem.objects.get(code=CARD_ITEM)


def draft_for(account: Account) -> Application:
    return services.application_create_draft(actor=account, item_code=CARD_ITEM)


def complete_materials(account: Account, app: Application) -> Application:
    for code, data in (("M01", PDF), ("M02", PNG)):
        services.material_upload(
            actor=account, application_id=app.pk, code=code, filename=f"{code}.bin", data=data
        )
    app.refresh_from_db()
    return app


def submitted_for(account: Account, key: str = "k-1") -> Application:
    app = complete_materials(account, draft_for(account))
    return services.application_submit(
        actor=account, application_id=app.pk, version=app.version, idempotency_key=key
    )


@pytest.fixture
def zhang_client(zhang) -> Client:
    client = Client()
    client.force_login(zhang)
    return client


@pytest.fixture
def li_client(li) -> Client:
    client = Client()
    client.force_login(li)
    return client


@pytest.fixture
def clerk_client(clerk_wuchang) -> Client:
    return sign_in(Client(), clerk_wuchang)


@pytest.fixture
def xiangyang_client(clerk_xiangyang) -> Client:
    return sign_in(Client(), clerk_xiangyang)


@pytest.fixture
def submitted(zhang, card_item) -> Application:
    return submitted_for(zhang)
