"""The structured plan of one person's records, before rendering to CSV lines.

Background builders fill a :class:`Plan`; a planted case adjusts one (an extra
payment, a missing enrolment, a claim with a copied trace code) and records the
ground truth; :mod:`hrss.synth.render` turns it into lines.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

from hrss.synth.catalog import Institutions
from hrss.synth.codes import Codes
from hrss.synth.dates import Span
from hrss.synth.employers import Employer, EmployerIndex
from hrss.synth.geo import Geography
from hrss.synth.pools import Pools


@dataclass(slots=True)
class Person:
    """One row of ``persons.csv`` (and the index that seeds its unique codes)."""

    index: int
    id_number: str
    name: str
    gender: int
    birth: date
    hukou: str
    residence: str
    pref: str  # prefecture-level unit where the person lives, works and is treated
    phone: str
    address: str


@dataclass(slots=True)
class Job:
    """An employment (``employer``) or a period of flexible employment (``None``)."""

    employer: Employer | None
    start: date
    end: date | None = None
    reason: str = ""
    occupation: str = ""
    wage_pct: int = 100  # wage as a percentage of the average wage
    enrolled: bool = True  # pension enrolment exists
    enrol_delay: int = 0  # months between the start and the pension enrolment
    contrib_delay: int = 0  # months between the start and the first contribution
    contrib_extra: int = 0  # contributions (and enrolment) continuing past the end
    medical: bool = False
    base_override: dict[int, int] = field(default_factory=dict)  # month index → base fen
    arrears_from: int | None = None  # flexible workers: first unpaid month

    @property
    def is_flexible(self) -> bool:
        return self.employer is None


@dataclass(slots=True)
class Payment:
    """A monthly benefit stream over ``[first, last]``, minus suspended months."""

    benefit: str
    region: str
    first: int
    last: int
    amount: int  # fen per month in the first year; +2 % each later January
    pay_day: int = 10
    skip: list[tuple[int, int]] = field(default_factory=list)
    extra: list[int] = field(default_factory=list)  # planted months paid anyway


@dataclass(slots=True)
class Card:
    """One row of ``cards.csv``."""

    number: str
    region: str
    status: str
    issued_on: date


@dataclass(slots=True)
class ClaimItem:
    """One line of a claim (prices in fen)."""

    code: str
    name: str
    kind: str
    quantity: int
    price: int
    days_supply: int
    trace: str
    restriction: str


@dataclass(slots=True)
class Claim:
    """One claim of the medical-insurance feed with its lines."""

    claim_id: str
    institution: str
    region: str
    inpatient: bool
    admission: date
    discharge: date | None
    diagnosis: str
    items: list[ClaimItem]
    fund_bp: int
    settled_on: date


@dataclass(slots=True)
class Plan:
    """Everything one person will be rendered into, plus planted ground truth."""

    person: Person
    jobs: list[Job] = field(default_factory=list)
    payments: list[Payment] = field(default_factory=list)
    events: list[tuple[str, date, str]] = field(default_factory=list)
    cards: list[Card] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    truth: list[tuple[str, str, str]] = field(default_factory=list)
    death: date | None = None
    retired_month: int | None = None  # personal-account rows stop in this year

    def hit(self, rule: str, detail: str, subject: str | None = None) -> None:
        """Record a planted case (subject defaults to the person's ID number)."""
        self.truth.append((rule, subject or self.person.id_number, detail))


@dataclass(slots=True)
class Ctx:
    """Everything a chunk needs: its random stream and the run's shared tables."""

    rng: random.Random
    span: Span
    geo: Geography
    pools: Pools
    employers: EmployerIndex
    institutions: Institutions
    codes: Codes
    chunk: int
    chunks: int
    seen: set[str] = field(default_factory=set)  # ID-number bodies used in this chunk
