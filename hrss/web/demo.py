"""A small hand-made city for the laptop demo: persona accounts and a few records.

Everything is written through the services, so the demo exercises the same
rules, encryption and audit trail as production. Idempotent: re-running adds
nothing that is already there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from hrss.core.actors import SystemActor
from hrss.core.identifiers.id_number import build_id_number
from hrss.core.money import to_fen
from hrss.iam import services as iam_services
from hrss.iam.models import Account
from hrss.insurance import services as insurance_services
from hrss.insurance.models import Contribution, Parameter
from hrss.registry import selectors as registry_selectors
from hrss.registry import services as registry_services
from hrss.registry.models import Employer, Person
from hrss.registry.protection import id_number_index

DEMO = SystemActor("demo-seed")
DEMO_PASSWORD = "Demo-Passw0rd!"
EMPLOYER_USCC = "91420106MA4K00010G"


@dataclass(frozen=True)
class DemoPerson:
    name: str
    region: str
    born: date
    sequence: int
    phone: str

    @property
    def id_number(self) -> str:
        return build_id_number(self.region, self.born, self.sequence)

    @property
    def gender(self) -> int:
        return 1 if self.sequence % 2 else 2


PEOPLE = [
    DemoPerson("张伟", "420106", date(1985, 3, 14), 123, "13812341234"),
    DemoPerson("李娜", "420102", date(1990, 7, 2), 246, "13998765432"),
    DemoPerson("王芳", "420106", date(1971, 4, 20), 82, "13700001111"),
    DemoPerson("刘强", "420602", date(1965, 1, 9), 51, "15900002222"),
    DemoPerson("陈静", "420502", date(1998, 11, 30), 64, "18600003333"),
    DemoPerson("杨洋", "421002", date(2001, 6, 6), 17, ""),
]
STAFF = [
    ("clerk", "caseworker", "420106"),
    ("inspector", "inspector", "420100"),
    ("supervisor", "supervisor", "420000"),
    ("admin", "administrator", ""),
]


def _seed_parameters() -> None:
    rows = [
        ("average_monthly_wage", "420000", date(2024, 1, 1), "7489.33"),
        ("average_monthly_wage", "420000", date(2025, 1, 1), "7782.00"),
        ("minimum_monthly_wage", "420100", date(2024, 1, 1), "2210"),
        ("unemployment_benefit_ratio", "420000", date(2024, 1, 1), "0.9"),
        ("personal_account_interest_rate", "420000", date(2024, 1, 1), "0.0262"),
    ]
    for name, region, start, value in rows:
        if not Parameter.objects.filter(name=name, region=region, valid_from=start).exists():
            insurance_services.parameter_set(
                actor=DEMO, name=name, region=region, valid_from=start, value=value
            )


def _seed_people() -> list[Person]:
    people = []
    for p in PEOPLE:
        person = registry_selectors.person_get_by_id_number(p.id_number)
        if person is None:
            person = registry_services.person_register(
                actor=DEMO,
                id_number=p.id_number,
                name=p.name,
                gender=p.gender,
                birth_date=p.born,
                hukou_region=p.region,
                phone=p.phone,
            )
        people.append(person)
    return people


def _seed_employer() -> Employer:
    employer = registry_selectors.employer_get_by_uscc(EMPLOYER_USCC)
    return employer or registry_services.employer_register(
        actor=DEMO,
        uscc=EMPLOYER_USCC,
        name="武汉江城软件有限公司",
        industry="65",
        region="420106",
        risk_class=1,
        registered_on=date(2018, 6, 1),
    )


def _seed_contributions(person: Person, employer: Employer, months: int, base: Decimal) -> None:
    if Contribution.objects.filter(person=person).exists():
        return
    start = date(2024, 1, 1)
    insurance_services.enrolment_register(
        actor=DEMO, person=person, insurance="pension", employer=employer, start_month=start
    )
    registry_services.employment_file(
        actor=DEMO, person=person, employer=employer, start_date=start
    )
    for i in range(months):
        period = date(start.year + i // 12, i % 12 + 1, 1)
        insurance_services.contribution_record(
            actor=DEMO,
            person=person,
            employer=employer,
            insurance="pension",
            period=period,
            base=base,
            employer_amount=to_fen(base * Decimal("0.16")),
            employee_amount=to_fen(base * Decimal("0.08")),
            paid_on=period.replace(day=15),
        )


def _seed_accounts(people: list[Person]) -> dict[str, str]:
    """Create persona accounts; return username → TOTP URI for the staff ones."""
    uris: dict[str, str] = {}
    citizens = [("zhangwei", people[0]), ("lina", people[1])]
    for username, person in citizens:
        if not Account.objects.filter(username=username).exists():
            iam_services.account_create(
                username=username,
                password=DEMO_PASSWORD,
                role="citizen",
                person_index=person.id_number_index,
            )
    if not Account.objects.filter(username="hr").exists():
        iam_services.account_create(
            username="hr",
            password=DEMO_PASSWORD,
            role="employer_agent",
            employer_uscc=EMPLOYER_USCC,
        )
    for username, role, district in STAFF:
        account = Account.objects.filter(username=username).first()
        if account is None:
            account = iam_services.account_create(
                username=username, password=DEMO_PASSWORD, role=role, district=district
            )
            uris[username] = iam_services.account_enrol_totp(account=account)
    return uris


def seed_demo() -> dict[str, str]:
    _seed_parameters()
    people = _seed_people()
    employer = _seed_employer()
    _seed_contributions(people[0], employer, 22, Decimal("9000"))
    _seed_contributions(people[2], employer, 18, Decimal("5200"))
    assert people[0].id_number_index == id_number_index(PEOPLE[0].id_number)
    return _seed_accounts(people)
