"""Code the catalog may name, by dotted path: only what is listed here can ever run.

* an **executor** runs when an application is approved: the owning area's service
  that makes the decision real (``insurance.services.unemployment_benefit_grant`` …).
  Called as ``executor(actor=..., application=...)``; returns a short result text
  (or ``None``); a :class:`~hrss.core.errors.DomainError` it raises refuses the approval.
* a **condition check** runs at automatic pre-review: ``check(application=...)``
  returns the problems (:class:`hrss.service_hall.prereview.Problem`) it found.

An administrator edits the catalog in the admin and could type any dotted path;
these allow-lists are why that is not arbitrary code execution. Add a path here (in a
reviewed change) when an area gains a service the hall should call.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.module_loading import import_string

from hrss.service_hall.errors import ExecutorNotAllowed

ALLOWED_EXECUTORS: frozenset[str] = frozenset()
ALLOWED_CONDITION_CHECKS: frozenset[str] = frozenset(
    {
        "hrss.service_hall.conditions.unemployment_benefit_conditions",
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
