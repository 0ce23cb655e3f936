"""The catalog names only allowed code, the data migration agrees with the catalog file,
and every allowed path is a callable the hall can call."""

import importlib
import inspect

import pytest
from django.utils.module_loading import import_string

from hrss.service_hall.executors import ALLOWED_CONDITION_CHECKS, ALLOWED_EXECUTORS
from hrss.service_hall.models import ServiceItem
from hrss.service_hall.seed import catalog_rows

WIRING = importlib.import_module("hrss.service_hall.migrations.0004_catalog_executors")


@pytest.mark.parametrize("path", sorted(ALLOWED_EXECUTORS | ALLOWED_CONDITION_CHECKS))
def test_every_allowed_path_is_a_keyword_only_callable(path):
    function = import_string(path)
    parameters = inspect.signature(function).parameters
    expected = {"actor", "application"} if path in ALLOWED_EXECUTORS else {"application"}
    assert set(parameters) == expected
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in parameters.values())
    assert function.__doc__


def test_the_catalog_file_and_the_migration_name_the_same_code():
    from_file = {
        row["code"]: (row.get("executor", ""), row.get("condition_check", ""))
        for row in catalog_rows()
        if row.get("executor") or row.get("condition_check")
    }
    from_migration = {
        code: (WIRING.ADAPTERS + executor, WIRING.CONDITIONS + condition if condition else "")
        for code, (executor, condition) in WIRING.WIRING.items()
    }
    assert from_file == from_migration
    assert {e for e, _ in from_file.values()} <= ALLOWED_EXECUTORS
    assert {c for _, c in from_file.values() if c} <= ALLOWED_CONDITION_CHECKS


@pytest.mark.django_db
def test_the_migrated_catalog_is_wired():
    wired = dict(ServiceItem.objects.exclude(executor="").values_list("code", "executor"))
    assert wired["JF00201001"] == "hrss.service_hall.adapters.insurance.unemployment_benefit_grant"
    assert len(wired) == len(WIRING.WIRING)
    for item in ServiceItem.objects.all():
        item.full_clean()  # the admin's allow-list check passes for every shipped row
