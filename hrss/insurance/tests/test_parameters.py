from datetime import date
from decimal import Decimal

import pytest

from conftest import SYSTEM
from hrss.core.errors import ValidationFailed
from hrss.insurance import selectors, services
from hrss.insurance.errors import ParameterMissing
from hrss.insurance.models import Parameter

pytestmark = pytest.mark.django_db


def set_param(name, region, valid_from, value, **kw):
    return services.parameter_set(
        actor=SYSTEM, name=name, region=region, valid_from=valid_from, value=value, **kw
    )


def test_most_specific_region_wins_and_province_is_the_fallback():
    set_param("average_monthly_wage", "420000", "2024-01-01", "7000")
    set_param("average_monthly_wage", "420100", "2024-01-01", "8500")

    on = date(2024, 6, 1)
    assert selectors.parameter_value(
        name="average_monthly_wage", region="420106", on=on
    ) == Decimal("8500")
    assert selectors.parameter_value(
        name="average_monthly_wage", region="420602", on=on
    ) == Decimal("7000")


def test_dates_decide_which_value_is_in_force():
    set_param("average_monthly_wage", "420000", "2023-01-01", "6800")
    set_param("average_monthly_wage", "420000", "2024-01-01", "7200")

    assert Parameter.objects.get(valid_from=date(2023, 1, 1)).valid_to == date(2024, 1, 1)
    assert selectors.parameter_value(
        name="average_monthly_wage", region="420000", on=date(2023, 12, 31)
    ) == Decimal("6800")
    assert selectors.parameter_value(
        name="average_monthly_wage", region="420000", on=date(2024, 1, 1)
    ) == Decimal("7200")
    with pytest.raises(ParameterMissing):
        selectors.parameter_value(name="average_monthly_wage", region="420000", on=date(2022, 5, 1))


def test_base_limits_default_to_60_and_300_percent_of_the_average_wage():
    set_param("average_monthly_wage", "420000", "2024-01-01", "7489.33")

    limits = selectors.contribution_base_limits(region="420500", on=date(2024, 3, 1))

    assert limits.floor == Decimal("4493.60")
    assert limits.ceiling == Decimal("22467.99")


def test_explicit_floor_and_ceiling_override_the_ratio():
    set_param("average_monthly_wage", "420000", "2024-01-01", "7000")
    set_param("contribution_base_floor", "420100", "2024-01-01", "4494")
    set_param("contribution_base_ceiling", "420100", "2024-01-01", "22467")

    limits = selectors.contribution_base_limits(region="420106", on=date(2024, 3, 1))

    assert (limits.floor, limits.ceiling) == (Decimal("4494.00"), Decimal("22467.00"))


def test_statutory_rates_are_seeded_and_amounts_are_exact_to_the_fen():
    er, ee = services.contribution_amounts(
        base=Decimal("4493.67"), insurance="pension", region="420106", on=date(2025, 1, 1)
    )
    assert (er, ee) == (Decimal("718.99"), Decimal("359.49"))


def test_bad_parameter_is_refused_with_every_problem():
    with pytest.raises(ValidationFailed) as caught:
        set_param("average_wage", "999999", "2024-13-01", "-1")
    assert {e.code for e in caught.value.errors} == {
        "insurance.bad_parameter",
        "registry.unknown_region",
        "date.bad_format",
        "insurance.bad_value",
    }
    assert not Parameter.objects.filter(name="average_wage").exists()
