"""Pages of the catalog: find an item (Chinese search), read its guide (办事指南), apply.

The catalog and the guides are public: people read what they need before they log
in. Applying needs a citizen or employer-agent account.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from hrss.iam.models import Role
from hrss.service_hall import selectors, services
from hrss.service_hall.form_fields import fields_for, has_required_fields
from hrss.service_hall.models import ApplicantKind, Category, ServiceItem
from hrss.service_hall.pages_common import account_of, applicant_page, type_names
from hrss.service_hall.pages_forms import SearchForm
from hrss.service_hall.workflow import Status

# Instant items served by a page of their own rather than by an application.
INSTANT_PAGES = {
    "GG00101001": "certificates:insurance_proof",
    "GG00101002": "web:records",
    "GG00101005": "certificates:insurance_proof",
}
APPLICANT_ROLE = {ApplicantKind.PERSON: Role.CITIZEN, ApplicantKind.EMPLOYER: Role.EMPLOYER_AGENT}


@require_GET
def catalog(request: HttpRequest) -> HttpResponse:
    """办事服务: every item, or those matching ``?q=`` (e.g. 失业金), by category."""
    form = SearchForm(request.GET)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    category = request.GET.get("category", "")
    category = category if category in Category.values else ""
    items = selectors.service_item_search(query, category=category)
    context = {
        "form": form,
        "query": query,
        "items": items,
        "category": category,
        "categories": Category.choices,
    }
    return render(request, "service_hall/portal/catalog.html", context)


def _material_rows(item: ServiceItem) -> list[dict[str, object]]:
    return [
        {
            "m": m,
            "types": type_names(m.accepted_type_list),
            "max_mb": round(m.max_bytes / (1024 * 1024), 1),
        }
        for m in item.materials.all()
    ]


@require_GET
def item_detail(request: HttpRequest, code: str) -> HttpResponse:
    """办事指南: conditions, materials, time limits, fee, channels, steps, where to get help."""
    item = selectors.service_item_get(code)
    role = getattr(request.user, "role", "")
    page = INSTANT_PAGES.get(item.code)
    context = {
        "item": item,
        "materials": _material_rows(item),
        "instant_url": reverse(page) if page else "",
        "may_apply": role == APPLICANT_ROLE.get(ApplicantKind(item.applicant)),
        "for_employer": item.applicant == ApplicantKind.EMPLOYER,
        "form_fields": fields_for(item.code),
    }
    return render(request, "service_hall/portal/item.html", context)


@applicant_page
@require_POST
def apply(request: HttpRequest, code: str) -> HttpResponse:
    """Start an application: reopen the draft of this item if there is one, else create it
    (materials already on file are attached at once — 免提交)."""
    account = account_of(request)
    draft = (
        selectors.application_list_for_applicant(actor=account)
        .filter(item__code=code.strip().upper(), status=Status.DRAFT, applicant=account)
        .first()
    )
    if draft is None:
        draft = services.application_create_draft(actor=account, item_code=code)
    url = reverse("portal:application", args=[draft.pk])
    gender = draft.person.gender if draft.person is not None else None
    if has_required_fields(draft.item.code, gender):
        url += "#application-form"  # the fields to fill in first
    return redirect(url)
