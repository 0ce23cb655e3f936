"""Time limits of a pension transfer, in Chinese working days (国办发〔2009〕66号 第8条).

Each leg runs from the previous step's date: accept ≤ 15 working days after the
application, send ≤ 15 after the acceptance, complete ≤ 15 after the funds were sent;
the whole case ≤ 45 after the application. Holidays and 调休 working days come from
``core.workdays`` (the administrators' calendar first). Reads only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import QuerySet

from hrss.core.models import calendar_overrides
from hrss.core.workdays import Overrides, add_working_days
from hrss.insurance import selectors
from hrss.insurance.models import ParameterName, PensionTransfer, PensionTransferEvent
from hrss.insurance.workflow import OPEN_STATUSES

LEGS = (
    # (step, date field of the step, date field the leg starts from)
    ("accept", "accepted_on", "applied_on"),
    ("send", "sent_on", "accepted_on"),
    ("complete", "completed_on", "sent_on"),
)
LEG_LABELS = {
    "accept": "转入地出具同意接收函",
    "send": "转出地转出关系和资金",
    "complete": "转入地办结",
}


@dataclass(frozen=True)
class Limits:
    step: int
    case: int


@dataclass(frozen=True)
class Lateness:
    due: dict[str, date]  # step → last allowed day (only for legs that have started)
    late_steps: list[str] = field(default_factory=list)
    case_due: date | None = None
    case_late: bool = False

    @property
    def late(self) -> bool:
        return bool(self.late_steps) or self.case_late

    def describe(self) -> list[str]:
        """The late steps in words, for a work list."""
        words = [f"{LEG_LABELS[s]}超过时限({self.due[s]:%Y-%m-%d})" for s in self.late_steps]
        if self.case_late and self.case_due:
            words.append(f"全程超过45个工作日({self.case_due:%Y-%m-%d})")
        return words


def transfer_limits(*, region: str, on: date) -> Limits:
    value = selectors.parameter_value
    return Limits(
        step=int(value(name=ParameterName.TRANSFER_STEP_WORKING_DAYS, region=region, on=on)),
        case=int(value(name=ParameterName.TRANSFER_CASE_WORKING_DAYS, region=region, on=on)),
    )


def transfer_lateness(
    *,
    transfer: PensionTransfer,
    on: date,
    limits: Limits | None = None,
    overrides: Overrides | None = None,
) -> Lateness:
    """Which legs were (or are) late on ``on``; a closed leg is judged by its own date."""
    limits = limits or transfer_limits(region=transfer.to_region, on=transfer.applied_on)
    if overrides is None:
        overrides = calendar_overrides(start=transfer.applied_on)
    due: dict[str, date] = {}
    late: list[str] = []
    for step, done_field, from_field in LEGS:
        started = getattr(transfer, from_field)
        if started is None:
            break
        due[step] = add_working_days(started, limits.step, overrides)
        done = getattr(transfer, done_field)
        if (done or on) > due[step] and (done or transfer.status in OPEN_STATUSES):
            late.append(step)
    case_due = add_working_days(transfer.applied_on, limits.case, overrides)
    end = transfer.completed_on or (on if transfer.status in OPEN_STATUSES else None)
    return Lateness(due, late, case_due, end is not None and end > case_due)


def transfer_list_late(
    *, on: date, region_prefix: str = ""
) -> list[tuple[PensionTransfer, Lateness]]:
    """Open cases past a limit on ``on``, for the staff work list (either place)."""
    qs: QuerySet[PensionTransfer] = PensionTransfer.objects.filter(status__in=OPEN_STATUSES)
    if region_prefix:
        qs = qs.filter(to_region__startswith=region_prefix) | qs.filter(
            from_region__startswith=region_prefix
        )
    transfers = list(qs.order_by("applied_on", "pk"))
    if not transfers:
        return []
    overrides = calendar_overrides(start=min(t.applied_on for t in transfers))
    limits: dict[tuple[str, date], Limits] = {}
    out = []
    for transfer in transfers:
        key = (transfer.to_region, transfer.applied_on)
        if key not in limits:
            limits[key] = transfer_limits(region=key[0], on=key[1])
        lateness = transfer_lateness(
            transfer=transfer, on=on, limits=limits[key], overrides=overrides
        )
        if lateness.late:
            out.append((transfer, lateness))
    return out


def transfer_timeline(*, transfer: PensionTransfer) -> QuerySet[PensionTransferEvent]:
    """The progress a person sees: the event rows, oldest first."""
    return transfer.events.order_by("at", "pk")
