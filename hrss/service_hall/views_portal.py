"""The applicant's pages: my applications, one application (progress, notice, materials,
submit, resubmit, withdraw, result), my files, my messages.

Every page works without JavaScript: plain links and ``<form method=post>`` (CSRF),
uploads as ``multipart/form-data``. Someone else's application answers the same 404
as a missing one (the access selector decides).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from hrss.core.errors import ValidationFailed
from hrss.service_hall import selectors, services
from hrss.service_hall.errors import ServiceHallError, StaleVersion, invalid
from hrss.service_hall.form_fields import FieldSpec, fields_for
from hrss.service_hall.models import Application
from hrss.service_hall.pages_common import (
    STATUS_LABELS,
    TYPE_NAMES,
    account_of,
    applicant_page,
    conflict_page,
    file_response,
    material_file,
    type_names,
)
from hrss.service_hall.pages_detail import detail_context
from hrss.service_hall.pages_forms import (
    ApplicationDataForm,
    SubmitForm,
    UploadForm,
    VersionForm,
    WithdrawForm,
)
from hrss.service_hall.pages_result_pdf import result_pdf
from hrss.service_hall.workflow import EDITABLE_STATES, Action, Status, allowed_actions

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
LIST_LIMIT = 200
DETAIL = "portal:application"


def _access(request: HttpRequest, application_id: int) -> Application:
    return selectors.access_application_by_id(
        actor=account_of(request), application_id=application_id
    )


def _valid(form: VersionForm) -> dict[str, Any]:
    """The hidden fields of an action form (only a stale or tampered page gets them wrong)."""
    if not form.is_valid():
        raise invalid("page.form_expired", _("页面已过期,请返回申请详情页刷新后再操作"))
    return form.cleaned_data


@applicant_page
@require_GET
def application_list(request: HttpRequest) -> HttpResponse:
    """我的申请: newest first, each with its status in words and its due date."""
    apps = selectors.application_list_for_applicant(actor=account_of(request))[:LIST_LIMIT]
    rows = [{"app": a, "status": STATUS_LABELS.get(a.status, a.status)} for a in apps]
    return render(request, "service_hall/portal/applications.html", {"rows": rows})


def _material_rows(app: Application, links: dict[str, Any], forms: dict[str, UploadForm]) -> list:
    return [
        {
            "m": m,
            "link": links.get(m.code),
            "types": type_names(m.accepted_type_list),
            "accept": ",".join(m.accepted_type_list),
            "max_mb": round(m.max_bytes / (1024 * 1024), 1),
            "form": forms.get(m.code) or UploadForm(prefix=m.code),
        }
        for m in app.item.materials.all()
    ]


def _gender(app: Application) -> int | None:
    return app.person.gender if app.person is not None else None


def _form_values(specs: tuple[FieldSpec, ...], form: dict[str, Any]) -> list[tuple[str, str]]:
    """The stored application form in words (choice labels, 是/否), for reading."""
    rows = []
    for spec in specs:
        value = form.get(spec.name)
        if value is None or value == "":
            continue
        if spec.kind == "bool":
            text = _("是") if value is True else _("否")
        else:
            text = str(dict(spec.choices).get(str(value), value))
        rows.append((str(spec.label), text))
    return rows


def _data_form_context(app: Application, data_form: ApplicationDataForm | None) -> dict[str, Any]:
    specs = fields_for(app.item.code)
    form = app.form or {}
    if specs and data_form is None and app.status in EDITABLE_STATES:
        data_form = ApplicationDataForm.drawn(specs, form, app.version, _gender(app))
    return {
        "data_form": data_form,
        "data_errors": [
            (name, error)
            for name, errors in (data_form.errors.items() if data_form is not None else [])
            for error in errors
        ],
        "form_values": _form_values(specs, form),
    }


def _detail_page(
    request: HttpRequest,
    app: Application,
    *,
    upload_forms: dict[str, UploadForm] | None = None,
    withdraw_form: WithdrawForm | None = None,
    data_form: ApplicationDataForm | None = None,
    status: int = 200,
) -> HttpResponse:
    detail = selectors.application_detail(application=app)
    links = {link.code: link for link in detail.materials}
    forms = upload_forms or {}
    context = {
        **detail_context(detail),
        **_data_form_context(app, data_form),
        "materials": _material_rows(app, links, forms),
        "upload_errors": [(code, f.errors.get("file")) for code, f in forms.items() if f.errors],
        "editable": app.status in EDITABLE_STATES,
        "submit_form": SubmitForm.fresh(app.version),
        "version_form": VersionForm(initial={"version": app.version}),
        "withdraw_form": withdraw_form or WithdrawForm(initial={"version": app.version}),
        "can_withdraw": Action.WITHDRAW in allowed_actions(app.status),
        "reusable_missing": any(
            m.reusable_kind and m.code not in links for m in app.item.materials.all()
        ),
    }
    return render(request, "service_hall/portal/application.html", context, status=status)


@applicant_page
@require_GET
def application_detail(request: HttpRequest, application_id: int) -> HttpResponse:
    """申请详情: steps, who holds it, due date, the notice if returned, materials, actions."""
    return _detail_page(request, _access(request, application_id))


def _upload_message(error: ServiceHallError, app: Application, code: str) -> str:
    """The refusal in plain words: what was chosen and what the material accepts."""
    required = next((m for m in app.item.materials.all() if m.code == code), None)
    if error.code != "material.type_not_accepted" or required is None:
        return error.message
    detected = TYPE_NAMES.get(str(error.extra.get("detected", "")), _("无法识别的格式"))
    return _("{name}只接受 {types} 文件,您选择的是 {detected}。请换一个文件再上传。").format(
        name=required.name, types=type_names(required.accepted_type_list), detected=detected
    )


@applicant_page
@require_POST
def upload(request: HttpRequest, application_id: int, code: str) -> HttpResponse:
    """Upload one material; a refused file is shown next to its field, with the fix."""
    app = _access(request, application_id)
    form = UploadForm(request.POST, request.FILES, prefix=code)
    if form.is_valid():
        chosen = form.cleaned_data["file"]
        try:
            services.material_upload(
                actor=account_of(request),
                application_id=application_id,
                code=code,
                filename=chosen.name or "",
                data=chosen.read(MAX_UPLOAD_BYTES + 1),
            )
        except ServiceHallError as error:
            form.add_error("file", _upload_message(error, app, code))
            form.mark_errors()
        else:
            messages.success(request, _("材料已上传"))
            return redirect(DETAIL, application_id=application_id)
    return _detail_page(request, app, upload_forms={code: form}, status=400)


@applicant_page
@require_POST
def update_form(request: HttpRequest, application_id: int) -> HttpResponse:
    """Save 申请信息; every refused field is shown next to it, all at once (400)."""
    app = _access(request, application_id)
    form = ApplicationDataForm(request.POST, specs=fields_for(app.item.code), gender=_gender(app))
    version = _valid(VersionForm(request.POST))["version"]
    try:
        services.application_update_form(
            actor=account_of(request),
            application_id=application_id,
            version=version,
            form=form.raw(),
        )
    except StaleVersion as error:
        back = reverse(DETAIL, args=[application_id])
        return conflict_page(request, error, seen=version, back_url=back)
    except ValidationFailed as failed:
        for problem in failed.errors:
            field = problem.extra.get("field")
            form.add_error(field if field in form.fields else None, problem.message)
        form.mark_errors()
        return _detail_page(request, app, data_form=form, status=400)
    messages.success(request, _("申请信息已保存"))
    return redirect(DETAIL, application_id=application_id)


@applicant_page
@require_POST
def reuse(request: HttpRequest, application_id: int) -> HttpResponse:
    """免提交: attach the materials already on file."""
    links = services.application_reuse_materials(
        actor=account_of(request), application_id=application_id
    )
    if links:
        messages.success(request, _("已复用 {n} 份已有材料").format(n=len(links)))
    else:
        messages.info(request, _("没有可复用的已有材料,请逐项上传"))
    return redirect(DETAIL, application_id=application_id)


def _after_submit(request: HttpRequest, app: Application) -> HttpResponse:
    if app.status == Status.RETURNED:
        messages.warning(request, _("系统预审发现需要补正的内容,请按下方一次性告知逐项处理"))
    else:
        messages.success(request, _("申请已提交,请留意办理进度和站内消息"))
    return redirect(DETAIL, application_id=app.pk)


@applicant_page
@require_POST
def submit(request: HttpRequest, application_id: int) -> HttpResponse:
    """Submit a draft with the key made when the page was drawn (a double click is one)."""
    data = _valid(SubmitForm(request.POST))
    try:
        app = services.application_submit(
            actor=account_of(request),
            application_id=application_id,
            version=data["version"],
            idempotency_key=data["idempotency_key"],
        )
    except StaleVersion as error:
        back = reverse(DETAIL, args=[application_id])
        return conflict_page(request, error, seen=data["version"], back_url=back)
    return _after_submit(request, app)


@applicant_page
@require_POST
def resubmit(request: HttpRequest, application_id: int) -> HttpResponse:
    """补正后重新提交: pre-review runs again; the time limit resumes."""
    data = _valid(VersionForm(request.POST))
    try:
        app = services.application_resubmit(
            actor=account_of(request), application_id=application_id, version=data["version"]
        )
    except StaleVersion as error:
        back = reverse(DETAIL, args=[application_id])
        return conflict_page(request, error, seen=data["version"], back_url=back)
    return _after_submit(request, app)


@applicant_page
@require_POST
def withdraw(request: HttpRequest, application_id: int) -> HttpResponse:
    """撤回申请 (before a decision)."""
    data = _valid(WithdrawForm(request.POST))
    try:
        services.application_withdraw(
            actor=account_of(request),
            application_id=application_id,
            version=data["version"],
            reason=data["reason"],
        )
    except StaleVersion as error:
        back = reverse(DETAIL, args=[application_id])
        return conflict_page(request, error, seen=data["version"], back_url=back)
    messages.success(request, _("申请已撤回"))
    return redirect(DETAIL, application_id=application_id)


@applicant_page
@require_GET
def result(request: HttpRequest, application_id: int) -> HttpResponse:
    """下载办理结果: the 告知单 PDF of a completed or rejected application."""
    app = _access(request, application_id)
    if app.status not in (Status.COMPLETED, Status.REJECTED):
        raise invalid("page.no_result_yet", _("申请尚未办结,暂无办理结果可下载"))
    context = detail_context(selectors.application_detail(application=app))
    data = result_pdf(context["detail"], context["district_name"])
    name = f"办理结果-{app.pk}.pdf"
    return file_response(data, content_type="application/pdf", filename=name)


@applicant_page
@require_GET
def material(request: HttpRequest, material_id: int) -> HttpResponse:
    """One of my files (anyone else's: the same 404 as a missing one)."""
    found = selectors.access_material_by_id(actor=account_of(request), material_id=material_id)
    return material_file(found)


@applicant_page
@require_GET
def notifications(request: HttpRequest) -> HttpResponse:
    """站内消息: messages about my applications, newest first, unread marked."""
    items = selectors.notification_list(actor=account_of(request))[: selectors.INBOX_LIMIT]
    return render(request, "service_hall/portal/notifications.html", {"items": items})


@applicant_page
@require_POST
def notification_read(request: HttpRequest, notification_id: int) -> HttpResponse:
    """Mark one message read, then go back to the list (or to its application)."""
    note = services.notification_mark_read(
        actor=account_of(request), notification_id=notification_id
    )
    if request.POST.get("open") and note.application_id:
        return redirect(DETAIL, application_id=note.application_id)
    return redirect("portal:notifications")
