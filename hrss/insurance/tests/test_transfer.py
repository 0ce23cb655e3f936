"""养老保险关系转移接续: workflow table, amounts (12 % since 1998 + balance), time limits."""

from datetime import date
from decimal import Decimal

import pytest

from conftest import SYSTEM
from hrss.audit.models import AuditEntry
from hrss.core.errors import Conflict, InvalidTransition, ValidationFailed
from hrss.core.workdays import add_working_days
from hrss.insurance import transfer, transfer_limits
from hrss.insurance.models import PensionClaim, PersonalAccount
from hrss.insurance.tests.helpers import make_employer, make_person, pay_months
from hrss.insurance.workflow import (
    FINAL_STATUSES,
    TRANSITIONS,
    TransferAction,
    TransferStatus,
    allowed_actions,
    next_status,
)

ALL_PAIRS = [(s, a) for s in TransferStatus for a in TransferAction if a != TransferAction.APPLY]


@pytest.mark.parametrize(("status", "action"), ALL_PAIRS, ids=lambda v: str(v))
def test_every_pair_is_allowed_by_the_table_or_refused(status, action):
    if (status, action) in TRANSITIONS:
        assert next_status(status, action) == TRANSITIONS[(status, action)]
    else:
        with pytest.raises(InvalidTransition) as caught:
            next_status(status, action)
        assert caught.value.code == "insurance.transfer_invalid_transition"


def test_final_states_have_no_exit_and_every_state_is_reachable():
    assert all(allowed_actions(s) == [] for s in FINAL_STATUSES)
    reachable = {TransferStatus.APPLIED} | set(TRANSITIONS.values())
    assert reachable == set(TransferStatus)


@pytest.fixture
def mover(db):
    """Worked in 武汉 (420100) from 1995, then in 襄阳 (420600) 2010–2012."""
    person = make_person(date(1975, 3, 1), region="420106")
    wuhan, xiangyang = make_employer("420102"), make_employer("420602")
    pay_months(person, wuhan, date(1995, 1, 1), 36, base="3000.00")  # before 1998
    pay_months(person, wuhan, date(1998, 1, 1), 144, base="4000.05")  # 1998-01 … 2009-12
    pay_months(person, xiangyang, date(2010, 1, 1), 36, base="6000.00")
    PersonalAccount.objects.create(
        person=person,
        year=2011,
        opening_balance=Decimal("40000"),
        credited=Decimal("5760"),
        interest=Decimal("1240"),
        closing_balance=Decimal("47000.00"),
    )
    return person


@pytest.mark.django_db
def test_amounts_are_the_balance_plus_12_percent_of_the_bases_since_1998(mover):
    amounts = transfer.transfer_amounts(person=mover, from_region="420100", on=date(2013, 3, 1))
    # pooled: 144 × 4000.05 = 576007.20 (the 1995–1997 months do not count) × 12 % = 69120.864
    #         → 69120.86; the 襄阳 months are not 武汉's to transfer
    # account: 2011 closing 47000.00 + 2012 employee contributions 12 × 480.00 = 52760.00
    assert (amounts.bases_total, amounts.pooled, amounts.account, amounts.months) == (
        Decimal("576007.20"),
        Decimal("69120.86"),
        Decimal("52760.00"),
        180,
    )


@pytest.mark.django_db
def test_a_whole_case_records_amounts_and_a_timeline(mover):
    case = transfer.pension_transfer_apply(
        actor=SYSTEM, person=mover, from_region="420100", to_region="420600",
        applied_on=date(2013, 1, 7),
    )  # fmt: skip
    transfer.pension_transfer_accept(actor=SYSTEM, transfer=case, on=date(2013, 1, 15))
    case = transfer.pension_transfer_send(actor=SYSTEM, transfer=case, on=date(2013, 1, 25))
    assert (case.pooled_amount, case.account_amount) == (Decimal("69120.86"), Decimal("52760.00"))
    case = transfer.pension_transfer_complete(actor=SYSTEM, transfer=case, on=date(2013, 2, 5))
    assert case.status == "completed"
    timeline = transfer_limits.transfer_timeline(transfer=case)
    assert [(e.from_status, e.to_status) for e in timeline] == [
        ("", "applied"),
        ("applied", "accepted"),
        ("accepted", "sent"),
        ("sent", "completed"),
    ]
    assert AuditEntry.objects.filter(action__startswith="pension_transfer.").count() == 4
    with pytest.raises(InvalidTransition):
        transfer.pension_transfer_withdraw(actor=SYSTEM, transfer=case)


@pytest.mark.django_db
def test_refusals_are_all_named(mover):
    PensionClaim.objects.create(
        person=mover, category="male", retirement_month=date(2012, 1, 1),
        start_month=date(2012, 2, 1), region="420106", basic_amount=1, account_amount=1,
        transitional_amount=0, monthly_amount=2,
    )  # fmt: skip
    with pytest.raises(ValidationFailed) as caught:
        transfer.pension_transfer_apply(
            actor=SYSTEM, person=mover, from_region="420100", to_region="420111"
        )
    assert [e.message for e in caught.value.errors] == [
        "转出地与转入地属于同一统筹地区,无需转移",
        "已按月领取基本养老金,不办理转移接续",
    ]
    with pytest.raises(ValidationFailed) as caught:
        transfer.pension_transfer_apply(
            actor=SYSTEM, person=make_person(date(1990, 1, 1)), from_region="420500",
            to_region="420600",
        )  # fmt: skip
    assert [e.message for e in caught.value.errors] == ["在转出地没有基本养老保险缴费记录"]


@pytest.mark.django_db
def test_one_open_case_per_person(mover):
    transfer.pension_transfer_apply(
        actor=SYSTEM, person=mover, from_region="420100", to_region="420600"
    )
    with pytest.raises(Conflict) as caught:
        transfer.pension_transfer_apply(
            actor=SYSTEM, person=mover, from_region="420100", to_region="420500"
        )
    assert caught.value.code == "insurance.transfer_open"


def test_national_day_is_not_a_working_day():
    # applied Friday 2024-09-20: 15 working days skip the National Day holiday (10-01…07)
    # and count the make-up Sunday 09-29 and Saturday 10-12 → 2024-10-16 (a plain
    # Monday–Friday count would say 2024-10-11)
    assert add_working_days(date(2024, 9, 20), 15) == date(2024, 10, 16)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("accepted_on", "late"),
    [(date(2024, 10, 16), []), (date(2024, 10, 17), ["accept"])],
    ids=["on_the_last_day_case", "one_day_late_case"],
)
def test_lateness_counts_chinese_working_days(mover, accepted_on, late):
    case = transfer.pension_transfer_apply(
        actor=SYSTEM, person=mover, from_region="420100", to_region="420600",
        applied_on=date(2024, 9, 20),
    )  # fmt: skip
    # still open on 2024-10-16: not late yet; on 10-17 the first leg is late
    assert transfer_limits.transfer_lateness(transfer=case, on=date(2024, 10, 16)).late_steps == []
    assert transfer_limits.transfer_lateness(transfer=case, on=date(2024, 10, 17)).late_steps == [
        "accept"
    ]
    case = transfer.pension_transfer_accept(actor=SYSTEM, transfer=case, on=accepted_on)
    lateness = transfer_limits.transfer_lateness(transfer=case, on=date(2024, 10, 18))
    assert lateness.late_steps == late
    assert lateness.due["send"] == add_working_days(accepted_on, 15)


@pytest.mark.django_db
def test_work_list_of_late_cases_and_the_45_day_limit(mover):
    case = transfer.pension_transfer_apply(
        actor=SYSTEM, person=mover, from_region="420100", to_region="420600",
        applied_on=date(2024, 9, 20),
    )  # fmt: skip
    transfer.pension_transfer_accept(actor=SYSTEM, transfer=case, on=date(2024, 10, 8))
    on = date(2024, 12, 20)
    [(listed, lateness)] = transfer_limits.transfer_list_late(on=on, region_prefix="4206")
    assert listed.pk == case.pk
    assert lateness.late_steps == ["send"]
    assert lateness.case_late is True
    assert lateness.describe() == [
        f"转出地转出关系和资金超过时限({add_working_days(date(2024, 10, 8), 15):%Y-%m-%d})",
        f"全程超过45个工作日({add_working_days(date(2024, 9, 20), 45):%Y-%m-%d})",
    ]
    assert transfer_limits.transfer_list_late(on=on, region_prefix="4205") == []
