"""What a proof of insurance says, as plain data (no PDF, no signature).

Built from the owning areas' reads: :func:`hrss.insurance.records.person_records`
for a person, enrolment counts for an employer. The renderer (:mod:`.pdf`) lays
the :class:`ProofDocument` out; the issuing service stamps, signs and stores it.

What is printed: the holder's own document shows the person's full name (the
reader must match it against the holder) but the ID number masked
(``420106********123X``); an employer's proof shows its name and USCC (public
registration data) and head counts only, never an employee. ``holder_masked`` is
what the public verification page may say: ``张*`` for a person, the employer's
name with its middle starred.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Q

from hrss.core.masking import mask_name
from hrss.insurance.models import Enrolment, Insurance
from hrss.insurance.records import person_records
from hrss.registry.models import Employer, Person
from hrss.service_hall.models import CertificateKind

YEARS_PER_ROW = 4
ONGOING = "参保中"
NO_RECORD = "暂无记录"


@dataclass(frozen=True)
class Table:
    heading: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...] = field(default=())  # relative; empty means equal


@dataclass(frozen=True)
class ProofDocument:
    kind: CertificateKind
    title: str
    holder_masked: str
    holder_lines: tuple[tuple[str, str], ...]
    tables: tuple[Table, ...]
    statement: str


def mask_employer_name(name: str) -> str:
    """``武汉某科技有限公司`` → ``武汉***有限公司``: enough to recognise, not to look up."""
    if len(name) <= 4:
        return name[:1] + "*" * max(len(name) - 1, 1)
    tail = 4 if len(name) >= 8 else 1
    return name[:2] + "*" * (len(name) - 2 - tail) + name[-tail:]


def _enrolment_table(person: Person) -> tuple[Table, Table, int]:
    records = person_records(person=person)
    enrolments = Table(
        heading="参保情况",
        columns=("险种", "参保单位", "参保年月", "停保年月"),
        rows=tuple(
            (e.insurance_label, e.employer_name, e.start_month, e.end_month or ONGOING)
            for e in records.enrolments
        ),
        widths=(30, 38, 16, 16),
    )
    pairs = [(f"{y.year}", f"{y.months}") for y in records.pension_months_by_year]
    rows = []
    for start in range(0, len(pairs), YEARS_PER_ROW):
        chunk = pairs[start : start + YEARS_PER_ROW]
        chunk += [("", "")] * (YEARS_PER_ROW - len(chunk))
        rows.append(tuple(text for pair in chunk for text in pair))
    months = Table(
        heading=f"{Insurance.PENSION.label}缴费月数(按年度)",
        columns=("年度", "月数") * YEARS_PER_ROW,
        rows=tuple(rows),
    )
    return enrolments, months, records.pension_months_total


def person_proof_document(person: Person) -> ProofDocument:
    """个人参保证明: enrolments and paid pension months per year of ``person``."""
    enrolments, months, total = _enrolment_table(person)
    return ProofDocument(
        kind=CertificateKind.PERSON_INSURANCE_PROOF,
        title="社会保险个人参保证明",
        holder_masked=mask_name(person.name),
        holder_lines=(("姓名", person.name), ("公民身份号码", person.id_number_masked)),
        tables=(enrolments, months),
        statement=(
            f"兹证明上述人员在湖北省参加社会保险,参保情况如上表,"
            f"{Insurance.PENSION.label}累计实际缴费{total}个月。"
            "本证明依据签发时平台记录的数据生成。"
        ),
    )


def insured_counts(employer: Employer, month: date) -> dict[str, int]:
    """Persons enrolled through ``employer`` in ``month``, per insurance (one query)."""
    month = month.replace(day=1)
    rows = (
        Enrolment.objects.filter(employer=employer, start_month__lte=month)
        .filter(Q(end_month__isnull=True) | Q(end_month__gte=month))
        .values("insurance")
        .annotate(n=Count("person", distinct=True))
    )
    counts = {row["insurance"]: int(row["n"]) for row in rows}
    return {insurance: counts.get(insurance, 0) for insurance in Insurance.values}


def employer_proof_document(employer: Employer, *, on: date) -> ProofDocument:
    """单位参保证明: the employer, and how many employees are insured per insurance."""
    counts = insured_counts(employer, on)
    table = Table(
        heading=f"在保职工人数(截至 {on:%Y年%m月})",
        columns=("险种", "在保职工人数(人)"),
        rows=tuple((str(Insurance(k).label), str(n)) for k, n in counts.items()),
        widths=(65, 35),
    )
    return ProofDocument(
        kind=CertificateKind.EMPLOYER_INSURANCE_PROOF,
        title="社会保险单位参保证明",
        holder_masked=mask_employer_name(employer.name),
        holder_lines=(
            ("单位名称", employer.name),
            ("统一社会信用代码", employer.uscc),
            ("参保登记日期", f"{employer.registered_on:%Y-%m-%d}"),
        ),
        tables=(table,),
        statement=(
            "兹证明上述单位在湖北省参加社会保险,在保职工人数如上表。"
            "本证明依据签发时平台记录的数据生成。"
        ),
    )
