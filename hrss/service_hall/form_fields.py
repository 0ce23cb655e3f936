"""The application form (申请信息) of each item: which fields it asks for, and their check.

The executors and the condition checks read ``Application.form`` (see the README table
"item | executor | condition check | form keys" and :mod:`.adapters`); this registry
says, in code, what each item's form holds, so the portal can draw the fields and the
service can refuse a bad value before submission. :func:`clean_form` is pure but for
the region table (``registry.selectors.region_checker``): it checks every field and
reports **every** problem at once (``ValidationFailed``), one error per field, each
naming the field in words and carrying ``extra["field"]``.

Only the fields of the item are read; anything else in the input is ignored. A value
holding an ID number is refused (the system already knows the applicant).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hrss.core.errors import DomainError, ValidationFailed
from hrss.core.identifiers import parse_id_number, parse_uscc
from hrss.core.parsing import format_month, parse_date, parse_month
from hrss.employment.models import HardshipReason
from hrss.insurance.pension import RetirementCategory
from hrss.registry.models import Gender
from hrss.registry.selectors import region_checker
from hrss.service_hall.adapters.cards import REPLACE_REASONS

Kind = Literal["choice", "month", "date", "region", "uscc", "bool", "text"]
Label = str | Promise
RegionCheck = Callable[[str], bool]

MAX_TEXT = 200
ID_LIKE_RE = re.compile(r"(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])")
TRUE_WORDS = frozenset({"1", "true", "yes", "on", "是"})  # as ``adapters.common.form_flag``
FALSE_WORDS = frozenset({"", "0", "false", "no", "off", "否"})


@dataclass(frozen=True)
class FieldSpec:
    """One field of an item's form.

    ``required_for`` makes a field required for one gender only (退休: the category is
    required for women, a man's defaults to ``male``).
    """

    name: str
    label: Label
    kind: Kind
    required: bool = False
    required_for: int | None = None
    choices: tuple[tuple[str, Label], ...] = ()
    help_text: Label = ""

    def is_required(self, gender: int | None) -> bool:
        return self.required or (gender is not None and gender == self.required_for)


FORM_FIELDS: dict[str, tuple[FieldSpec, ...]] = {
    # 职工基本养老保险待遇申领 (adapters.insurance.pension_grant, conditions.retirement_conditions)
    "JF00101001": (
        FieldSpec(
            "category",
            gettext_lazy("人员类别"),
            "choice",
            required_for=Gender.FEMALE,
            choices=tuple(RetirementCategory.choices),
            help_text=gettext_lazy("女职工必选(原法定退休年龄55周岁或50周岁);男职工可不选。"),
        ),
        FieldSpec(
            "retirement_month",
            gettext_lazy("退休年月"),
            "month",
            help_text=gettext_lazy("弹性提前或延迟退休时填写,格式 YYYY-MM;不填按法定退休年月。"),
        ),
        FieldSpec(
            "employer_agreed",
            gettext_lazy("所在单位已同意弹性延迟退休"),
            "bool",
            help_text=gettext_lazy("弹性延迟退休须与所在单位协商一致。"),
        ),
    ),
    # 养老保险关系转移接续申请 (adapters.insurance.pension_transfer_apply)
    "GG00101006": (
        FieldSpec(
            "from_region",
            gettext_lazy("转出地(原参保地)"),
            "region",
            required=True,
            help_text=gettext_lazy("6位行政区划代码,如 420106。"),
        ),
        FieldSpec(
            "to_region",
            gettext_lazy("转入地"),
            "region",
            help_text=gettext_lazy("6位行政区划代码;不填为您的管辖地(本次申请地)。"),
        ),
    ),
    # 失业登记 (adapters.employment.unemployment_register)
    "GG00401003": (
        FieldSpec(
            "region",
            gettext_lazy("登记地(常住地)"),
            "region",
            help_text=gettext_lazy("6位行政区划代码;不填为您的常住地。"),
        ),
    ),
    # 就业登记 (adapters.employment.employment_register)
    "GG00401001": (
        FieldSpec(
            "start_date",
            gettext_lazy("就业日期"),
            "date",
            help_text=gettext_lazy("格式 YYYY-MM-DD;不填为办理当天。"),
        ),
        FieldSpec(
            "employer_uscc",
            gettext_lazy("就业单位统一社会信用代码"),
            "uscc",
            help_text=gettext_lazy("18位;灵活就业或自主创业的不填。"),
        ),
    ),
    # 就业困难人员认定 (adapters.employment.hard_to_employ_recognise)
    "QR00401001": (
        FieldSpec(
            "reason",
            gettext_lazy("认定情形"),
            "choice",
            required=True,
            choices=tuple(HardshipReason.choices),
        ),
    ),
    # 社会保障卡补换 (adapters.cards.card_replace)
    "GG00301002": (
        FieldSpec(
            "reason",
            gettext_lazy("补换原因"),
            "choice",
            choices=tuple(REPLACE_REASONS.items()),
            help_text=gettext_lazy("不选按遗失办理;遗失或被盗的,原卡将同时正式挂失。"),
        ),
    ),
}


def fields_for(item_code: str) -> tuple[FieldSpec, ...]:
    """The fields of ``item_code``'s form (none for an item that reads no form)."""
    return FORM_FIELDS.get(item_code.strip().upper(), ())


def has_required_fields(item_code: str, gender: int | None = None) -> bool:
    return any(spec.is_required(gender) for spec in fields_for(item_code))


def holds_id_number(text: str) -> bool:
    """Whether ``text`` holds a valid 公民身份号码 (15 or 18 characters)."""
    for match in ID_LIKE_RE.finditer(text):
        try:
            parse_id_number(match.group(1))
        except DomainError:
            continue
        return True
    return False


def _problem(spec: FieldSpec, code: str, message: str) -> DomainError:
    return DomainError(code, message, extra={"field": spec.name})


def _invalid(spec: FieldSpec, message: str) -> DomainError:
    return _problem(spec, "application.form_field_invalid", message)


class _Bad(Exception):
    """A value refused; ``message`` names what is expected (the field's label is added)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _choice(spec: FieldSpec, text: str, _is_region: RegionCheck) -> Any:
    if text not in [value for value, _label in spec.choices]:
        names = "、".join(str(name) for _value, name in spec.choices)
        raise _Bad(_("请从以下选项中选择:{names}").format(names=names))
    return text


def _month(spec: FieldSpec, text: str, _is_region: RegionCheck) -> Any:
    try:
        return format_month(parse_month(text, field=spec.name))
    except DomainError:
        raise _Bad(_("格式应为 YYYY-MM(如 2026-03)")) from None


def _date(spec: FieldSpec, text: str, _is_region: RegionCheck) -> Any:
    try:
        return parse_date(text, field=spec.name).isoformat()
    except DomainError:
        raise _Bad(_("格式应为 YYYY-MM-DD 且真实存在(如 2026-03-01)")) from None


def _region(spec: FieldSpec, text: str, is_region: RegionCheck) -> Any:
    if not is_region(text):
        raise _Bad(_("应为有效的6位行政区划代码(如 420106)"))
    return text


def _uscc(spec: FieldSpec, text: str, _is_region: RegionCheck) -> Any:
    try:
        return parse_uscc(text).value
    except DomainError as error:
        raise _Bad(error.message) from None


def _bool(spec: FieldSpec, text: str, _is_region: RegionCheck) -> Any:
    word = text.lower()
    if word not in TRUE_WORDS | FALSE_WORDS:
        raise _Bad(_("只能选择“是”或“否”"))
    return word in TRUE_WORDS


def _text(spec: FieldSpec, text: str, _is_region: RegionCheck) -> Any:
    if len(text) > MAX_TEXT:
        raise _Bad(_("不能超过 {n} 个字").format(n=MAX_TEXT))
    return text


CLEANERS: dict[str, Callable[[FieldSpec, str, RegionCheck], Any]] = {
    "choice": _choice,
    "month": _month,
    "date": _date,
    "region": _region,
    "uscc": _uscc,
    "bool": _bool,
    "text": _text,
}


def _no_region(_code: str) -> bool:
    return False


def clean_form(
    item_code: str,
    raw: Mapping[str, Any],
    *,
    gender: int | None = None,
    is_region: RegionCheck | None = None,
) -> dict[str, Any]:
    """``raw`` (text as a page posts it) → the form as stored, or ``ValidationFailed``
    listing every problem. ``gender`` (the applicant's) decides fields required for one
    gender only and refuses a category of the other one. Empty optional fields are left
    out (the executor applies its default); a ``bool`` field is stored as ``True``/``False``.
    """
    cleaned: dict[str, Any] = {}
    problems: list[DomainError] = []
    checker = is_region
    for spec in fields_for(item_code):
        value = raw.get(spec.name)
        text = "" if value is None else str(value).strip()
        label = str(spec.label)
        if spec.kind in ("text", "uscc") and holds_id_number(text):
            problems.append(
                _problem(
                    spec,
                    "application.form_contains_id_number",
                    _("{label}中不能填写身份证号码(系统已根据您的账户获取,无需填写)").format(
                        label=label
                    ),
                )
            )
            continue
        if not text and spec.kind != "bool":
            if spec.is_required(gender):
                ask = _("请选择{label}") if spec.kind == "choice" else _("请填写{label}")
                problems.append(
                    _problem(spec, "application.form_field_required", ask.format(label=label))
                )
            continue
        if spec.kind == "region" and checker is None:
            checker = region_checker()
        try:
            cleaned[spec.name] = CLEANERS[spec.kind](spec, text, checker or _no_region)
        except _Bad as bad:
            message = _("{label}:{problem}").format(label=label, problem=bad.message)
            problems.append(_invalid(spec, message))
            continue
        if spec.name == "category" and gender is not None:
            male = gender == Gender.MALE
            if male != (text == RetirementCategory.MALE):
                del cleaned[spec.name]
                problems.append(
                    _invalid(spec, _("{label}与本人性别不符,请重新选择").format(label=label))
                )
    if problems:
        raise ValidationFailed(problems, message=_("申请信息有误,请按提示逐项修改"))
    return cleaned
