"""What the applicant is told when their application moves (站内消息 and SMS templates).

Texts name the item and what to do next; they never carry an ID number, a phone or a
full name. SMS go out by template name with the item name as the only parameter.
"""

from __future__ import annotations

from dataclasses import dataclass

from hrss.service_hall.workflow import Action


@dataclass(frozen=True)
class MessageTemplate:
    name: str  # the SMS template registered with the carrier
    title: str
    body: str  # str.format with item, note

    def render(self, *, item: str, note: str) -> tuple[str, str]:
        return self.title.format(item=item), self.body.format(item=item, note=note).strip()


TEMPLATES: dict[str, MessageTemplate] = {
    Action.RETURN: MessageTemplate(
        "application_returned",
        "「{item}」需要补正",
        "您申请的「{item}」需要补正,请一次性按以下内容补正后重新提交:\n{note}",
    ),
    Action.ACCEPT: MessageTemplate(
        "application_accepted", "「{item}」已受理", "您申请的「{item}」已受理,请留意办理进度。"
    ),
    Action.APPROVE: MessageTemplate(
        "application_approved", "「{item}」审核通过", "您申请的「{item}」已审核通过。\n{note}"
    ),
    Action.REJECT: MessageTemplate(
        "application_rejected",
        "「{item}」未予批准",
        "您申请的「{item}」未予批准。理由:{note}\n如有异议,可依法申请行政复议或提起行政诉讼。",
    ),
    Action.COMPLETE: MessageTemplate(
        "application_completed", "「{item}」已办结", "您申请的「{item}」已办结。\n{note}"
    ),
}


def template_for(action: str) -> MessageTemplate | None:
    return TEMPLATES.get(action)
