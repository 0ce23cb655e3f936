"""The caseworker's workbench: the queue (one request), an application with its full
timeline, the actions (each form carries the ``version`` seen), the "显示" of masked
identifiers (a reason, audited), and the next item one key away.

Only caseworkers and supervisors of a district that covers the application see it
(anyone else: 404, nothing written); only caseworkers act (the services check again).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from hrss.core.masking import mask_phone
from hrss.registry.selectors import access_person_identifiers
from hrss.service_hall import selectors
from hrss.service_hall.errors import StaleVersion
from hrss.service_hall.models import Application
from hrss.service_hall.pages_common import (
    STATUS_LABELS,
    TIME_LABELS,
    account_of,
    conflict_page,
    district_choices,
    district_names,
    material_file,
    workbench_page,
)
from hrss.service_hall.pages_detail import applicant_display, detail_context
from hrss.service_hall.pages_forms import QueueForm, RevealForm
from hrss.service_hall.pages_staff_actions import ACTIONS, action_forms, second_review_note
from hrss.service_hall.selectors import OPEN_STATES, QueueRow

DETAIL = "workbench:application"
FILTERS = ("item", "district", "status")


@dataclass(frozen=True)
class Filters:
    item: str = ""
    district: str = ""
    status: str = ""

    def query(self) -> str:
        q = QueryDict(mutable=True)
        q.update({k: v for k, v in vars(self).items() if v})
        return q.urlencode()


def _queue_form(request: HttpRequest) -> QueueForm:
    items = [(i.code, i.name) for i in selectors.service_item_list()]
    statuses = [(s.value, str(STATUS_LABELS[s])) for s in OPEN_STATES]
    return QueueForm(
        request.GET,
        items=items,
        districts=district_choices(account_of(request)),
        statuses=statuses,
    )


def _filters(request: HttpRequest) -> Filters:
    form = _queue_form(request)
    return Filters(**form.cleaned_data) if form.is_valid() else Filters()


def _queue(request: HttpRequest, filters: Filters) -> list[QueueRow]:
    return selectors.application_queue(
        actor=account_of(request),
        item_code=filters.item,
        district=filters.district,
        statuses=(filters.status,) if filters.status else (),
    )


def _row(row: QueueRow, names: dict[str, str]) -> dict[str, Any]:
    app = row.application
    return {
        "app": app,
        "applicant": applicant_display(app),
        "district": names.get(app.district, app.district),
        "status": STATUS_LABELS.get(app.status, app.status),
        "time_state": row.time_state,
        "time_label": TIME_LABELS.get(row.time_state, row.time_state),
    }


@workbench_page
@require_GET
def queue(request: HttpRequest) -> HttpResponse:
    """待办队列: open applications in my district, soonest due first, time left in words."""
    form = _queue_form(request)
    filters = Filters(**form.cleaned_data) if form.is_valid() else Filters()
    rows = _queue(request, filters)
    names = district_names(r.application.district for r in rows)
    counts: Counter[str] = Counter(str(r.time_state) for r in rows)
    context = {
        "form": form,
        "rows": [_row(r, names) for r in rows],
        "counts": {str(TIME_LABELS[k]): counts[k] for k in ("overdue", "near_due", "on_time")},
        "query": filters.query(),
    }
    return render(request, "service_hall/workbench/queue.html", context)


@workbench_page
@require_GET
def next_item(request: HttpRequest) -> HttpResponse:
    """下一件: the item after ``?after=`` in the (filtered) queue, or back to the queue."""
    filters = _filters(request)
    ids = [r.application.pk for r in _queue(request, filters)]
    after = request.GET.get("after", "")
    position = ids.index(int(after)) + 1 if after.isdigit() and int(after) in ids else 0
    if position >= len(ids):
        messages.info(request, _("队列中没有下一件了"))
        return redirect(reverse("workbench:queue") + "?" + filters.query())
    url = reverse(DETAIL, args=[ids[position]])
    return redirect(url + "?" + filters.query() if filters.query() else url)


def _access(request: HttpRequest, application_id: int) -> Application:
    return selectors.access_application_by_id(
        actor=account_of(request), application_id=application_id
    )


def detail_page(
    request: HttpRequest,
    app: Application,
    *,
    bound: dict[str, Any] | None = None,
    reveal_form: RevealForm | None = None,
    revealed: dict[str, str] | None = None,
    status: int = 200,
) -> HttpResponse:
    """The caseworker's detail page (with a bound form when one came back with errors)."""
    detail = selectors.application_detail(application=app)
    filters = _filters(request)
    context = {
        **detail_context(detail, staff=True),
        "actions": action_forms(account_of(request), app, bound or {}),
        "own_second_review": second_review_note(account_of(request), app),
        "reveal_form": reveal_form or RevealForm(),
        "revealed": revealed,
        "phone_masked": app.person.phone_masked if app.person else "",
        "query": filters.query(),
    }
    return render(request, "service_hall/workbench/application.html", context, status=status)


@workbench_page
@require_GET
def application_detail(request: HttpRequest, application_id: int) -> HttpResponse:
    """办件详情 (read audited): person masked, full timeline, materials, actions."""
    return detail_page(request, _access(request, application_id))


@workbench_page
@require_POST
def act(request: HttpRequest, application_id: int, action: str) -> HttpResponse:
    """One action (受理, 退回补正, 开始审核, 提交复核, 审核通过, 不予批准, 办结)."""
    spec = ACTIONS.get(action)
    if spec is None:
        raise Http404
    app = _access(request, application_id)
    form = spec.bind(app, request.POST)
    if not form.is_valid():
        return detail_page(request, app, bound={action: form}, status=400)
    try:
        spec.run(account_of(request), application_id, form.cleaned_data)
    except StaleVersion as error:
        back = reverse(DETAIL, args=[application_id])
        return conflict_page(request, error, seen=form.cleaned_data["version"], back_url=back)
    messages.success(request, _("已{action}").format(action=spec.label))
    return redirect(DETAIL, application_id=application_id)


@workbench_page
@require_POST
def reveal(request: HttpRequest, application_id: int) -> HttpResponse:
    """显示: the applicant's full name, ID number and phone, for a stated reason (audited)."""
    app = _access(request, application_id)
    form = RevealForm(request.POST)
    if app.person is None or not form.is_valid():
        return detail_page(request, app, reveal_form=form, status=400)
    found = access_person_identifiers(
        actor=account_of(request), person=app.person, reason=form.cleaned_data["reason"]
    )
    revealed = {"name": app.person.name, **found}
    revealed["phone_masked"] = mask_phone(found["phone"]) if found["phone"] else ""
    return detail_page(request, app, revealed=revealed)


@workbench_page
@require_GET
def material(request: HttpRequest, material_id: int) -> HttpResponse:
    """A material attached to an application in my district (read audited; 404 otherwise)."""
    found = selectors.access_material_by_id(actor=account_of(request), material_id=material_id)
    return material_file(found)
