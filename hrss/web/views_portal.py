"""The signed-in person's and employer's pages that span areas: my home, my insurance
record (个人权益记录), the employer's overview and its employees (masked)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from hrss.core.masking import mask_name
from hrss.iam.models import Account, Role
from hrss.insurance.records import person_records
from hrss.insurance.selectors import benefit_payment_list
from hrss.registry import selectors as registry
from hrss.service_hall import selectors as hall
from hrss.service_hall.pages_common import (
    STATUS_LABELS,
    account_of,
    applicant_page,
    district_names,
    role_required,
)
from hrss.supervision.models import ProactiveMessage
from hrss.supervision.proactive_services import proactive_message_list
from hrss.web.charts import bar_chart

RECENT = 5
RECENT_PAYMENTS = 24  # 待遇发放 rows shown on the record page (two years of monthly pay)
EMPLOYEES_PER_PAGE = 50
MONTHS_IN_YEAR = 12
citizen_page = role_required(frozenset({Role.CITIZEN}), _("个人权益记录由参保人本人登录查询"))
employer_page = role_required(frozenset({Role.EMPLOYER_AGENT}), _("此页面供单位经办人使用"))


@applicant_page
@require_GET
def me(request: HttpRequest) -> HttpResponse:
    """我的首页: what I can do, my latest applications, unread messages."""
    account = account_of(request)
    recent = hall.application_list_for_applicant(actor=account)[:RECENT]
    context = {
        "recent": [{"app": a, "status": STATUS_LABELS.get(a.status, a.status)} for a in recent],
        "unread": hall.notification_list(actor=account, unread_only=True).count(),
        "is_employer": account.role == Role.EMPLOYER_AGENT,
        "offers": _offers(account),
    }
    return render(request, "web/me.html", context)


def _offers(account: Account) -> list[ProactiveMessage]:
    """政策找人: what screening found this citizen could apply for ("您可以申请…")."""
    if account.role != Role.CITIZEN or not account.person_index:
        return []
    person = registry.person_of_account(actor=account)
    return list(proactive_message_list(person=person, unread_only=True)[:RECENT])


@citizen_page
@require_GET
def records(request: HttpRequest) -> HttpResponse:
    """个人权益记录: enrolments, pension months per year (chart and table), personal account,
    and the latest benefit payments (待遇发放)."""
    person = registry.person_of_account(actor=account_of(request))
    found = person_records(person=person)
    by_year = [(str(y.year), y.months) for y in found.pension_months_by_year]
    context = {
        "records": found,
        "payments": benefit_payment_list(person=person)[:RECENT_PAYMENTS],
        "chart": bar_chart(by_year, max_value=MONTHS_IN_YEAR),
        "person_masked": f"{mask_name(person.name)} {person.id_number_masked}",
    }
    return render(request, "web/records.html", context)


@employer_page
@require_GET
def company(request: HttpRequest) -> HttpResponse:
    """单位概况: the employer on file, its current head count, where to go next."""
    account = account_of(request)
    employer = registry.access_employer_by_uscc(actor=account, uscc=account.employer_uscc)
    current = registry.employment_list_for_employer(employer=employer, current_only=True)
    context = {
        "employer": employer,
        "region_name": district_names([employer.region]).get(employer.region, employer.region),
        "head_count": current.count(),
    }
    return render(request, "web/company.html", context)


@employer_page
@require_GET
def employees(request: HttpRequest) -> HttpResponse:
    """在册职工: names and ID numbers masked; current staff, or everyone with ``?all=1``."""
    account = account_of(request)
    employer = registry.access_employer_by_uscc(actor=account, uscc=account.employer_uscc)
    everyone = request.GET.get("all") == "1"
    rows = registry.employment_list_for_employer(employer=employer, current_only=not everyone)
    page = Paginator(rows, EMPLOYEES_PER_PAGE).get_page(request.GET.get("page"))
    people = [
        {"e": e, "name": mask_name(e.person.name), "id_masked": e.person.id_number_masked}
        for e in page
    ]
    context = {"employer": employer, "page": page, "people": people, "everyone": everyone}
    return render(request, "web/employees.html", context)
