"""Code the catalog may name, by dotted path: only what is listed here can ever run.

* an **executor** runs when an application is approved: the owning area's service
  that makes the decision real (``insurance.services.unemployment_benefit_grant`` …).
  Called as ``executor(actor=..., application=...)``; returns a short result text
  (or ``None``); a :class:`~hrss.core.errors.DomainError` it raises refuses the approval.
* a **condition check** runs at automatic pre-review: ``check(application=...)``
  returns the problems (:class:`hrss.service_hall.prereview.Problem`) it found.

An administrator edits the catalog in the admin and could type any dotted path;
these allow-lists are why that is not arbitrary code execution. Add a path here (in a
reviewed change) when an area gains a service the hall should call. The executors are
adapters (:mod:`hrss.service_hall.adapters`) that read the application and call the area.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.module_loading import import_string

from hrss.service_hall.errors import ExecutorNotAllowed

# item (catalog code) → the owning area's service the adapter calls
ALLOWED_EXECUTORS: frozenset[str] = frozenset(
    {
        # JF00201001 失业保险金申领 → insurance.services.unemployment_benefit_grant
        "hrss.service_hall.adapters.insurance.unemployment_benefit_grant",
        # JF00101001 职工基本养老保险待遇申领 → insurance.services.pension_grant
        "hrss.service_hall.adapters.insurance.pension_grant",
        # GG00101006 养老保险关系转移接续申请 → insurance.services.pension_transfer_apply
        "hrss.service_hall.adapters.insurance.pension_transfer_apply",
        # GG00101007 待遇资格认证 → insurance.services.certification_self
        "hrss.service_hall.adapters.insurance.certification_self",
        # GG00401003 失业登记 → employment.services.unemployment_register
        "hrss.service_hall.adapters.employment.unemployment_register",
        # GG00401001 就业登记 → employment.services.employment_register
        "hrss.service_hall.adapters.employment.employment_register",
        # QR00401001 就业困难人员认定 → employment.services.hard_to_employ_recognise
        "hrss.service_hall.adapters.employment.hard_to_employ_recognise",
        # GG00401004 《就业创业证》申领 → employment.services.entrepreneurship_card_apply
        "hrss.service_hall.adapters.employment.entrepreneurship_card_apply",
        # GG00301001 社会保障卡申领 → cards.services.card_apply
        "hrss.service_hall.adapters.cards.card_apply",
        # GG00301002 社会保障卡补换 → cards.services.card_report_loss + card_replace
        "hrss.service_hall.adapters.cards.card_replace",
        # GG00301003 社会保障卡临时挂失 → cards.services.card_report_temporary_loss
        "hrss.service_hall.adapters.cards.card_report_temporary_loss",
        # GG00301004 社会保障卡启用 → cards.services.card_activate
        "hrss.service_hall.adapters.cards.card_activate",
    }
)
ALLOWED_CONDITION_CHECKS: frozenset[str] = frozenset(
    {
        "hrss.service_hall.conditions.unemployment_benefit_conditions",
        "hrss.service_hall.conditions.unemployment_registration_conditions",
        "hrss.service_hall.conditions.hard_to_employ_conditions",
        "hrss.service_hall.conditions.retirement_conditions",
        "hrss.service_hall.conditions.pension_transfer_conditions",
    }
)


def check_registered(*, executor: str, condition_check: str) -> dict[str, str]:
    """Field errors for paths that are not on the allow-lists (for the admin form)."""
    errors = {}
    if executor and executor not in ALLOWED_EXECUTORS:
        errors["executor"] = "该办结程序不在允许清单中"
    if condition_check and condition_check not in ALLOWED_CONDITION_CHECKS:
        errors["condition_check"] = "该条件预审程序不在允许清单中"
    return errors


def resolve(path: str, allowed: frozenset[str]) -> Callable[..., Any]:
    """The callable at ``path``, refused unless ``path`` is allowed (checked again at run time)."""
    if path not in allowed:
        raise ExecutorNotAllowed(extra={"path": path})
    return import_string(path)


def resolve_executor(path: str) -> Callable[..., Any]:
    return resolve(path, ALLOWED_EXECUTORS)


def resolve_condition_check(path: str) -> Callable[..., Any]:
    return resolve(path, ALLOWED_CONDITION_CHECKS)
