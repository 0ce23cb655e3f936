"""The caseworker's actions as data: form, service, label and keyboard shortcut of each.

The page draws a form for every action the application's status allows (and that this
caseworker may take); the view binds the posted form and calls the service with the
``version`` it carries.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import QueryDict
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from hrss.iam.models import Account
from hrss.service_hall import services
from hrss.service_hall.models import Application
from hrss.service_hall.pages_forms import (
    CompleteForm,
    NoteForm,
    RejectForm,
    ReturnForm,
    VersionForm,
)
from hrss.service_hall.selectors import can_handle
from hrss.service_hall.workflow import Action, Status, allowed_actions


@dataclass(frozen=True)
class ActionSpec:
    action: Action
    label: Promise
    form: type[VersionForm]
    service: Callable[..., Application]
    fields: tuple[str, ...]  # cleaned fields passed to the service (besides the version)
    key: str  # keyboard shortcut
    danger: bool = False

    def bind(self, app: Application, data: QueryDict | None = None) -> VersionForm:
        kwargs: dict[str, Any] = {"initial": {"version": app.version}, "prefix": self.action}
        if self.form is ReturnForm:
            kwargs["material_names"] = [m.name for m in app.item.materials.all()]
        return self.form(data, **kwargs) if data is not None else self.form(**kwargs)

    def run(self, actor: Account, application_id: int, data: dict[str, Any]) -> Application:
        extra = {name: data[name] for name in self.fields}
        return self.service(
            actor=actor, application_id=application_id, version=data["version"], **extra
        )


SPECS = (
    ActionSpec(Action.ACCEPT, _("受理"), NoteForm, services.application_accept, ("note",), "a"),
    ActionSpec(
        Action.START_REVIEW, _("开始审核"), VersionForm, services.application_start_review, (), "s"
    ),
    ActionSpec(
        Action.SEND_TO_SECOND_REVIEW,
        _("提交复核"),
        NoteForm,
        services.application_second_review,
        ("note",),
        "f",
    ),
    ActionSpec(
        Action.APPROVE, _("审核通过"), NoteForm, services.application_approve, ("note",), "p"
    ),
    ActionSpec(
        Action.COMPLETE, _("办结"), CompleteForm, services.application_complete, ("result",), "c"
    ),
    ActionSpec(
        Action.RETURN,
        _("退回补正"),
        ReturnForm,
        services.application_return,
        ("notice",),
        "r",
        True,
    ),
    ActionSpec(
        Action.REJECT,
        _("不予批准"),
        RejectForm,
        services.application_reject,
        ("reason",),
        "x",
        True,
    ),
)
ACTIONS = {spec.action.value: spec for spec in SPECS}
DECISIONS = frozenset({Action.APPROVE, Action.REJECT})


def _offered(actor: Account, app: Application) -> set[str]:
    """Actions worth a button: allowed now and not bound to be refused by the second-review rule."""
    allowed: set[str] = set(allowed_actions(app.status))
    if app.status == Status.IN_REVIEW:
        if app.item.needs_second_review:
            allowed -= DECISIONS
        else:
            allowed.discard(Action.SEND_TO_SECOND_REVIEW)
    if app.status == Status.SECOND_REVIEW and app.handler_id == actor.pk:
        allowed -= DECISIONS
    return allowed


def action_forms(actor: Account, app: Application, bound: dict[str, VersionForm]) -> list:
    """(spec, form) for each action this caseworker can take now, in a fixed order."""
    if not can_handle(actor, app):
        return []
    offered = _offered(actor, app)
    return [
        {"spec": spec, "form": bound.get(spec.action.value) or spec.bind(app)}
        for spec in SPECS
        if spec.action in offered
    ]


def second_review_note(actor: Account, app: Application) -> bool:
    """True when this caseworker sent the case to second review and must leave it to another."""
    return app.status == Status.SECOND_REVIEW and app.handler_id == actor.pk
