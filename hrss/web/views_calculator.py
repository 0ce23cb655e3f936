"""养老金测算: the public pension calculator as a page (no login, no JavaScript).

A GET form with the same inputs as ``GET /api/citizen/v1/pension/estimate``, read and
checked by ``insurance.calculators`` (the same rules and words as the API), computed by
``insurance.retirement.pension_estimate``; every step of the formula is shown as a
table. Nothing is stored and no personal data is asked for.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from hrss.core.errors import DomainError, ValidationFailed
from hrss.insurance import calculators, retirement
from hrss.insurance.months import years_months_text
from hrss.insurance.pension import RetirementCategory
from hrss.service_hall.pages_forms import AccessibleForm

FIELDS = ("birth_month", "category", "contribution_years", "average_index", "account_balance")


class PensionCalculatorForm(AccessibleForm):
    """Text in, as the API takes it: ``calculators.clean_estimate_query`` decides."""

    birth_month = forms.CharField(
        label=_("出生年月"),
        required=False,
        max_length=7,
        help_text=_("如 1965-06"),
        widget=forms.TextInput({"type": "month", "placeholder": "YYYY-MM"}),
    )
    category = forms.ChoiceField(
        label=_("人员类别"),
        required=False,
        choices=[("", _("请选择")), *RetirementCategory.choices],
    )
    contribution_years = forms.CharField(
        label=_("缴费年限(年,含视同缴费年限)"),
        required=False,
        max_length=10,
        help_text=_("如 30 或 25.5"),
        widget=forms.TextInput({"inputmode": "decimal"}),
    )
    average_index = forms.CharField(
        label=_("本人平均缴费指数"),
        required=False,
        max_length=10,
        help_text=_("0 至 3,如 1.2(按当地平均工资缴费为 1)"),
        widget=forms.TextInput({"inputmode": "decimal"}),
    )
    account_balance = forms.CharField(
        label=_("退休时个人账户储存额(元)"),
        required=False,
        max_length=14,
        widget=forms.TextInput({"inputmode": "decimal"}),
    )
    pre_reform_years = forms.CharField(
        label=_("视同缴费年限(年,选填)"),
        required=False,
        max_length=10,
        help_text=_("建立个人账户前的工龄;没有请留空"),
        widget=forms.TextInput({"inputmode": "decimal"}),
    )


def _field_errors(form: PensionCalculatorForm, error: DomainError) -> list[str]:
    """Put each problem next to its field; return those that belong to no field."""
    problems = error.errors if isinstance(error, ValidationFailed) else [error]
    general = []
    for problem in problems:
        field = problem.extra.get("field")
        if field in form.fields:
            form.add_error(field, problem.message)
        else:
            general.append(problem.message)
    form.mark_errors()
    return general


@require_GET
def pension_calculator(request: HttpRequest) -> HttpResponse:
    """养老金测算: statutory retirement month, 计发月数 and each step of the pension."""
    asked = any(name in request.GET for name in FIELDS)
    form = PensionCalculatorForm(request.GET if asked else None)
    context: dict[str, Any] = {"form": form, "estimate": None, "general_errors": []}
    if not asked or not form.is_valid():
        return render(request, "web/pension_calculator.html", context, status=400 if asked else 200)
    data = form.cleaned_data
    try:
        query = calculators.clean_estimate_query(
            birth_month=data["birth_month"],
            category=data["category"],
            contribution_years=data["contribution_years"],
            average_index=data["average_index"],
            account_balance=data["account_balance"],
            pre_reform_years=data["pre_reform_years"],
        )
        estimate = retirement.pension_estimate(**asdict(query))
    except DomainError as error:
        context["general_errors"] = _field_errors(form, error)
        return render(request, "web/pension_calculator.html", context, status=400)
    context["estimate"] = estimate
    context["minimum"] = years_months_text(estimate.minimum_months)
    return render(request, "web/pension_calculator.html", context)
