"""The registry's input rules, as pure functions (no queries).

Services and bulk importers call the same functions, so a rule exists once.
Each ``clean_*`` collects every problem of a record and raises them together
(:class:`~hrss.core.errors.ValidationFailed`): the one-time notice, in code.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple, TypeVar

from hrss.core import clock
from hrss.core.errors import DomainError, ValidationFailed
from hrss.core.identifiers import IdNumber, Uscc, parse_id_number, parse_uscc
from hrss.core.industry import section_of
from hrss.core.parsing import parse_date
from hrss.registry.models import EndReason, LifeEventKind, LifeEventSource

T = TypeVar("T")
RegionCheck = Callable[[str], bool]
PHONE_RE = re.compile(r"^1[3-9]\d{9}$")
OCCUPATION_RE = re.compile(r"^\d-\d{2}(-\d{2}){0,2}$")
# A person's name: 汉字 (the unified ideographs and their extensions up to H,
# compatibility ideographs, 〇, and the private-use area, where legacy systems keep
# rare characters of names), the separator of transliterated names (·, also typed ・
# or •) and, for foreign residents, Latin letters with space, hyphen, apostrophe and
# full stop. Nothing else: Greek, Cyrillic or symbols in a name are GBK bytes that
# happened to decode as UTF-8 (韦雪梅 in GBK reads as "Τѩ÷"), never a real name.
NAME_RE = re.compile(
    "^[\u3007\u3400-\u4dbf\u4e00-\u9fff\ue000-\ufaff\U00020000-\U000323af·・•A-Za-z .'\\-]+$"
)


def _err(code: str, message: str, field: str) -> DomainError:
    return DomainError(code, message, extra={"field": field})


class Collector:
    """Gathers field errors; ``run`` evaluates a parser and keeps its error."""

    def __init__(self) -> None:
        self.errors: list[DomainError] = []

    def run(self, field: str, parse: Callable[..., T], /, *args: Any, **kwargs: Any) -> T | None:
        """``parse(*args, **kwargs)``, keeping its error(s) under ``field``."""
        try:
            return parse(*args, **kwargs)
        except ValidationFailed as many:
            self.errors.extend(many.errors)
        except DomainError as error:
            error.extra.setdefault("field", field)
            self.errors.append(error)
        return None

    def add(self, code: str, message: str, field: str) -> None:
        self.errors.append(_err(code, message, field))

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationFailed(self.errors)


class PersonInput(NamedTuple):
    id_number: IdNumber
    name: str
    gender: int
    birth_date: date
    hukou_region: str
    residence_region: str
    phone: str
    address: str

    @property
    def district(self) -> str:
        return self.residence_region or self.hukou_region


def _parse_gender(raw: int | str) -> int:
    text = str(raw).strip()
    if text not in {"1", "2"}:
        raise DomainError("registry.bad_gender", "性别应填 1(男)或 2(女)")
    return int(text)


def _check_region(code: str, field: str, label: str, is_region: RegionCheck) -> str:
    code = code.strip()
    if not is_region(code):
        raise _err("registry.unknown_region", f"{label}“{code}”不是有效的行政区划代码", field)
    return code


def _parse_phone(raw: str) -> str:
    phone = raw.strip().replace(" ", "").replace("-", "")
    if phone and not PHONE_RE.match(phone):
        raise DomainError("registry.bad_phone", "手机号码应为以1开头的11位数字")
    return phone


def _parse_name(raw: str) -> str:
    name = raw.strip()
    if not name:
        raise DomainError("registry.name_required", "姓名不能为空")
    if len(name) > 60 or not NAME_RE.match(name):
        raise DomainError(
            "registry.bad_name", "姓名只能由汉字、间隔号“·”或英文字母组成,且不超过60个字符"
        )
    return name


def _check_agreement(c: Collector, idn: IdNumber, gender: int | None, born: date | None) -> None:
    if gender is not None and gender != int(idn.gender):
        said = "男" if int(idn.gender) == 1 else "女"
        c.add("registry.gender_mismatch", f"性别与身份证号码不符(按身份证号码应为{said})", "gender")
    if born is not None and born != idn.birth_date:
        c.add(
            "registry.birth_date_mismatch",
            f"出生日期与身份证号码不符(按身份证号码应为{idn.birth_date.isoformat()})",
            "birth_date",
        )


def clean_person(
    *,
    id_number: str,
    name: str,
    gender: int | str,
    birth_date: date | str,
    hukou_region: str,
    residence_region: str = "",
    phone: str = "",
    address: str = "",
    is_region: RegionCheck,
    today: date | None = None,
) -> PersonInput:
    """Validate one person; gender and birth date must agree with the ID number.

    ``today`` (default: the clock's) bounds the birth date; a bulk import passes it once
    per batch."""
    c = Collector()
    idn = c.run("id_number", parse_id_number, id_number, today=today)
    clean_name = c.run("name", _parse_name, name)
    sex = c.run("gender", _parse_gender, gender)
    born = c.run("birth_date", parse_date, birth_date, field="birth_date")
    hukou = c.run("hukou_region", _check_region, hukou_region, "hukou_region", "户籍地", is_region)
    residence = residence_region.strip()
    if residence:
        c.run("residence_region", _check_region, residence, "residence_region", "常住地", is_region)
    clean_phone = c.run("phone", _parse_phone, phone)
    if idn is not None:
        _check_agreement(c, idn, sex, born)
    if len(address) > 200:
        c.add("registry.bad_address", "住址不超过200个字符", "address")
    c.raise_if_any()
    assert idn and clean_name and sex and born and hukou is not None and clean_phone is not None
    return PersonInput(idn, clean_name, sex, born, hukou, residence, clean_phone, address.strip())


def clean_contact(*, phone: str, residence_region: str, is_region: RegionCheck) -> tuple[str, str]:
    """Validate a change of phone and residence; returns (phone, residence)."""
    c = Collector()
    clean_phone = c.run("phone", lambda: _parse_phone(phone))
    residence = residence_region.strip()
    if residence:
        c.run(
            "residence_region",
            lambda: _check_region(residence, "residence_region", "常住地", is_region),
        )
    c.raise_if_any()
    return clean_phone or "", residence


@dataclass(frozen=True, slots=True)
class EmployerInput:
    uscc: Uscc
    name: str
    industry: str
    section: str
    region: str
    risk_class: int
    registered_on: date


def _parse_industry(raw: str) -> tuple[str, str]:
    division = raw.strip()
    section = section_of(division)
    if section is None:
        raise DomainError(
            "registry.bad_industry", "行业应为 GB/T 4754-2017 的两位行业大类代码(01–97)"
        )
    return division, section


def _parse_risk_class(raw: int | str) -> int:
    text = str(raw).strip()
    if not text.isdigit() or not 1 <= int(text) <= 8:
        raise DomainError("registry.bad_risk_class", "工伤风险类别应为 1 至 8")
    return int(text)


def _parse_employer_name(raw: str) -> str:
    name = raw.strip()
    if not name or len(name) > 120:
        raise DomainError("registry.bad_employer_name", "单位名称不能为空,且不超过120个字符")
    return name


def clean_employer(
    *,
    uscc: str,
    name: str,
    industry: str,
    region: str,
    risk_class: int | str,
    registered_on: date | str,
    is_region: RegionCheck,
) -> EmployerInput:
    c = Collector()
    code = c.run("uscc", lambda: parse_uscc(uscc))
    clean_name = c.run("name", lambda: _parse_employer_name(name))
    ind = c.run("industry", lambda: _parse_industry(industry))
    reg = c.run("region", lambda: _check_region(region, "region", "所在地", is_region))
    risk = c.run("risk_class", lambda: _parse_risk_class(risk_class))
    on = c.run(
        "registered_on",
        lambda: _not_future(parse_date(registered_on, field="registered_on"), "registered_on"),
    )
    c.raise_if_any()
    assert code and clean_name and ind and reg and risk and on
    return EmployerInput(code, clean_name, ind[0], ind[1], reg, risk, on)


def _not_future(day: date, field: str) -> date:
    if day > clock.today():
        raise _err("registry.date_in_future", f"日期 {day.isoformat()} 不能晚于今天", field)
    return day


@dataclass(frozen=True, slots=True)
class EmploymentInput:
    start_date: date
    end_date: date | None
    end_reason: str
    occupation: str


def clean_employment(
    *, start_date: date | str, end_date: date | str | None, end_reason: str, occupation: str
) -> EmploymentInput:
    c = Collector()
    start = c.run(
        "start_date", lambda: _not_future(parse_date(start_date, field="start_date"), "start_date")
    )
    end = None
    if end_date not in (None, ""):
        end = c.run("end_date", lambda: parse_date(end_date, field="end_date"))  # type: ignore[arg-type]
    reason = end_reason.strip()
    if reason and reason not in EndReason.values:
        c.add("registry.bad_end_reason", "离职原因不在规定的代码范围内", "end_reason")
    if end is not None and not reason:
        c.add("registry.end_reason_required", "填写了离职日期时必须填写离职原因", "end_reason")
    if end is None and reason:
        c.add("registry.end_date_required", "填写了离职原因时必须填写离职日期", "end_date")
    if start and end and end < start:
        c.add("registry.end_before_start", "离职日期不能早于入职日期", "end_date")
    occ = occupation.strip()
    if occ and not OCCUPATION_RE.match(occ):
        c.add("registry.bad_occupation", "职业代码格式应如 2-02-10-09", "occupation")
    c.raise_if_any()
    assert start is not None
    return EmploymentInput(start, end, reason, occ)


@dataclass(frozen=True, slots=True)
class LifeEventInput:
    event: str
    event_date: date
    source: str


def clean_life_event(*, event: str, event_date: date | str, source: str) -> LifeEventInput:
    c = Collector()
    if event.strip() not in LifeEventKind.values:
        c.add(
            "registry.bad_life_event",
            "事件应为 death、imprisonment、release 或 emigration",
            "event",
        )
    if source.strip() not in LifeEventSource.values:
        c.add("registry.bad_source", "来源机构代码不在规定范围内", "source")
    day = c.run(
        "event_date", lambda: _not_future(parse_date(event_date, field="event_date"), "event_date")
    )
    c.raise_if_any()
    assert day is not None
    return LifeEventInput(event.strip(), day, source.strip())
