"""Conditions of the employment services, as lists of problems in a citizen's words.

Shared by the services (which refuse with every problem at once) and by the service
hall's pre-review (which returns the application with the same words). Reads only.

* 失业登记 (《就业服务与就业管理规定》第六十三条; domain notes §4.5): within the legal
  working age, able to work, currently without work, at the place of habitual
  residence (常住地, no longer the 户籍地).
* 就业困难人员认定 (《就业促进法》第五十二条): a registered unemployed person in one of the
  categories the province lists; the checkable ones (age, length of unemployment)
  are checked here, the others by the caseworker from the materials.
"""

from __future__ import annotations

from datetime import date

from hrss.core.errors import DomainError
from hrss.core.regions import region_name
from hrss.employment import selectors
from hrss.employment.models import HardshipReason, RegistrationKind
from hrss.iam.models import district_prefix
from hrss.registry.models import (
    Employment,
    Gender,
    LifeEvent,
    LifeEventKind,
    Person,
)
from hrss.registry.selectors import region_checker

WORKING_AGE_FROM = 16  # 劳动法 第十五条: no employment under 16
# 大龄 hardship (women 40+, men 50+): common provincial practice; set by the province.
OLDER_WORKER_AGE = {Gender.FEMALE: 40, Gender.MALE: 50}
LONG_TERM_DAYS = 365  # 连续失业一年以上


def age_on(born: date, on: date) -> int:
    """Age in whole years on ``on``."""
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def habitual_residence(person: Person) -> str:
    """常住地: the residence on file, else the 户籍地 the person is administered by."""
    return person.residence_region or person.district


def _region_text(code: str) -> str:
    return f"{region_name(code)}({code})"


def life_problems(person: Person, on: date) -> list[DomainError]:
    """Death, or a prison term not yet ended (partner agencies' reports)."""
    events = LifeEvent.objects.filter(person=person, event_date__lte=on).order_by("event_date")
    kinds = [e.event for e in events]
    if LifeEventKind.DEATH in kinds:
        return [DomainError("employment.person_deceased", "该人员已登记死亡")]
    if kinds and kinds[-1] == LifeEventKind.IMPRISONMENT:
        return [DomainError("employment.imprisoned", "正在服刑,暂不能办理")]
    if kinds and kinds[-1] == LifeEventKind.EMIGRATION:
        return [DomainError("employment.emigrated", "已出国(境)定居,不能在本地办理")]
    return []


def age_problems(person: Person, on: date, retirement_month: date | None) -> list[DomainError]:
    """法定劳动年龄: 16 to the statutory retirement month (passed in by the caller)."""
    age = age_on(person.birth_date, on)
    if age < WORKING_AGE_FROM:
        return [
            DomainError(
                "employment.under_working_age", f"未满16周岁,不在法定劳动年龄内(现年{age}周岁)"
            )
        ]
    if retirement_month is not None and on >= retirement_month:
        return [
            DomainError(
                "employment.over_working_age",
                f"已达到法定退休年龄({retirement_month:%Y年%m月}),不在法定劳动年龄内",
            )
        ]
    return []


def ongoing_employment(person: Person, on: date) -> Employment | None:
    """A filed job running on ``on`` (started, not ended before)."""
    return (
        Employment.objects.filter(person=person, start_date__lte=on)
        .exclude(end_date__lt=on)
        .select_related("employer")
        .order_by("-start_date")
        .first()
    )


def _work_problems(person: Person, on: date) -> list[DomainError]:
    problems = []
    job = ongoing_employment(person, on)
    if job is not None:
        problems.append(
            DomainError(
                "employment.still_employed",
                f"目前仍处于就业状态({job.employer.name}自{job.start_date:%Y-%m-%d}起的"
                "用工备案尚未办理离职)",
            )
        )
    current = selectors.registration_current(person=person)
    if current is not None and current.kind == RegistrationKind.UNEMPLOYMENT:
        problems.append(
            DomainError(
                "employment.already_registered_unemployed",
                f"已于{current.registered_on:%Y-%m-%d}在{_region_text(current.region)}"
                "办理失业登记,无需重复登记",
            )
        )
    return problems


def _region_problems(person: Person, region: str) -> list[DomainError]:
    home = habitual_residence(person)
    if not region_checker()(region):
        return [DomainError("employment.unknown_region", f"“{region}”不是有效的行政区划代码")]
    if not home.startswith(district_prefix(region)):
        return [
            DomainError(
                "employment.not_habitual_residence",
                f"失业登记应在常住地办理(您的常住地为{_region_text(home)})",
            )
        ]
    return []


def unemployment_registration_problems(
    *, person: Person, on: date, region: str | None = None, retirement_month: date | None = None
) -> list[DomainError]:
    """Every reason ``person`` cannot register as unemployed on ``on`` (empty: they can)."""
    return [
        *life_problems(person, on),
        *age_problems(person, on, retirement_month),
        *_work_problems(person, on),
        *_region_problems(person, region or habitual_residence(person)),
    ]


def _hardship_evidence_problem(person: Person, reason: str, on: date) -> DomainError | None:
    """The categories the records can confirm: age, and a year of registered unemployment."""
    if reason == HardshipReason.OLDER_WORKER:
        threshold = OLDER_WORKER_AGE[Gender(person.gender)]
        age = age_on(person.birth_date, on)
        if age < threshold:
            return DomainError(
                "employment.not_older_worker",
                f"大龄失业人员须年满{threshold}周岁(现年{age}周岁)",
            )
    if reason == HardshipReason.LONG_TERM:
        registration = selectors.unemployment_registration_on(person=person, on=on)
        days = (on - registration.registered_on).days if registration else 0
        if days < LONG_TERM_DAYS:
            return DomainError(
                "employment.not_long_term", f"连续失业须满一年(自失业登记起已{days}天)"
            )
    return None


def hard_to_employ_problems(*, person: Person, reason: str, on: date) -> list[DomainError]:
    """Every reason ``person`` cannot be recognised as 就业困难人员 for ``reason``."""
    if reason not in HardshipReason.values:
        choices = "、".join(HardshipReason.labels)
        return [DomainError("employment.bad_hardship_reason", f"请选择就业困难情形:{choices}")]
    problems = list(life_problems(person, on))
    if not selectors.is_registered_unemployed(person=person, on=on):
        problems.append(
            DomainError(
                "employment.not_registered_unemployed",
                "未办理失业登记(就业困难人员认定须先在常住地办理失业登记)",
            )
        )
    evidence = _hardship_evidence_problem(person, reason, on)
    if evidence is not None:
        problems.append(evidence)
    tag = selectors.hard_to_employ_tag(person=person, on=on)
    if tag is not None:
        problems.append(
            DomainError(
                "employment.already_hard_to_employ",
                f"已于{tag.valid_from:%Y-%m-%d}认定为就业困难人员,认定仍在有效期内",
            )
        )
    return problems
