"""API schemas of insurance records (个人权益记录)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ninja import Schema


class EnrolmentOut(Schema):
    insurance: str
    insurance_label: str
    employer_name: str
    start_month: str
    end_month: str | None


class YearMonthsOut(Schema):
    year: int
    months: int


class AccountYearOut(Schema):
    year: int
    opening_balance: Decimal
    credited: Decimal
    interest: Decimal
    closing_balance: Decimal


class RecordsOut(Schema):
    as_of: date
    enrolments: list[EnrolmentOut]
    pension_months_by_year: list[YearMonthsOut]
    pension_months_total: int
    personal_account: list[AccountYearOut]
