"""The screening rules, by their stable code (interchange.md, "Screening rules").

Each rule is one Ibis expression builder ``(namespace, context) -> table`` of hits
with the columns ``rule``, ``subject``, ``detail`` and at most one row per subject.
``subject`` is the person's blind index (``persons.id_number_index``) for person
rules, the external ``claim_id`` for claim rules; the command layer turns a blind
index back into an ID number only where a person needs to read it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import ibis.expr.types as ir

from hrss.analytics.context import RuleContext
from hrss.analytics.rules import coverage, fund, medical
from hrss.analytics.rules.common import Namespace
from hrss.core.errors import DomainError

SubjectKind = Literal["person", "employer", "claim"]
Builder = Callable[[Namespace, RuleContext], ir.Table]


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    title: str
    subject: SubjectKind
    build: Builder

    @property
    def basis(self) -> str:
        """The legal or policy basis: the builder's docstring."""
        return (self.build.__doc__ or "").strip()


RULES: dict[str, Rule] = {
    r.code: r
    for r in (
        Rule("F01", "死亡后继续领取待遇", "person", fund.f01_benefit_after_death),
        Rule("F02", "服刑期间领取养老金", "person", fund.f02_pension_in_prison),
        Rule("F03", "重复领取养老金", "person", fund.f03_two_pensions),
        Rule("F04", "就业期间领取失业保险金", "person", fund.f04_unemployment_while_employed),
        Rule("F05", "未达法定退休年龄领取养老金", "person", fund.f05_pension_before_age),
        Rule("F06", "缴费基数超出上下限", "person", coverage.f06_base_outside_limits),
        Rule("F07", "用工超过30日未参加养老保险", "person", coverage.f07_employment_not_enrolled),
        Rule("F08", "参保人员无在用社保卡", "person", coverage.f08_insured_without_card),
        Rule("M01", "分解住院(7日内同诊断再入院)", "claim", medical.m01_readmission),
        Rule("M02", "同日跨地市就医", "claim", medical.m02_two_prefectures_same_day),
        Rule("M03", "门诊超量开药", "claim", medical.m03_drug_supply),
        Rule("M04", "限定支付范围项目违规使用", "claim", medical.m04_restricted_item),
        Rule("M05", "死亡后就医结算", "claim", medical.m05_after_death),
        Rule("M06", "药品追溯码重复使用", "claim", medical.m06_repeated_trace_code),
    )
}


def select_rules(codes: str | list[str] | None) -> list[Rule]:
    """``"F01,M03"`` (or a list, or None for all) → the rules, in code order."""
    if codes is None or codes == "" or codes == []:
        return list(RULES.values())
    wanted = codes.split(",") if isinstance(codes, str) else codes
    wanted = [c.strip().upper() for c in wanted if c.strip()]
    unknown = [c for c in wanted if c not in RULES]
    if unknown:
        raise DomainError(
            "analytics.unknown_rule",
            f"未知的筛查规则: {', '.join(unknown)}",
            extra={"known": list(RULES)},
        )
    return [RULES[c] for c in sorted(set(wanted))]
