"""办理结果告知单: the decision of a finished application as an A4 PDF the applicant keeps.

Not an e-certificate (it is not signed; certificates are issued by ``certificates``):
it restates what the platform recorded — the item, the decision and its text, and
the timeline — with the applicant masked. Uses the certificates' embedded CJK fonts.
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace

from hrss.core import clock
from hrss.service_hall.certificates.fonts import BODY, HEADING, register_fonts
from hrss.service_hall.models import ApplicationEvent
from hrss.service_hall.pages_common import ACTION_LABELS, status_label
from hrss.service_hall.pages_detail import applicant_display
from hrss.service_hall.selectors import ApplicationDetail
from hrss.service_hall.workflow import Status

ACCENT = (31, 78, 154)
LINE = 7


def _time(moment: datetime | None) -> str:
    return f"{clock.localise(moment):%Y-%m-%d %H:%M}" if moment else ""


def _new_pdf(title: str) -> FPDF:
    pdf = FPDF(orientation="portrait", unit="mm", format="A4")
    register_fonts(pdf)
    pdf.set_margins(20, 16, 20)
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.set_title(title)
    pdf.set_lang("zh-CN")
    pdf.add_page()
    pdf.set_text_color(*ACCENT)
    pdf.set_font(HEADING.family, "B", 13)
    bureau = getattr(settings, "HRSS_BUREAU_NAME", "")
    pdf.cell(0, 8, bureau, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(HEADING.family, "B", 20)
    pdf.cell(0, 13, title, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0, 0, 0)
    pdf.ln(4)
    return pdf


def _facts(pdf: FPDF, rows: list[tuple[str, str]]) -> None:
    for label, value in rows:
        pdf.set_font(HEADING.family, "B", 11)
        pdf.cell(34, LINE, f"{label}:")
        pdf.set_font(BODY.family, size=11)
        pdf.multi_cell(0, LINE, value or "—", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(3)


def _timeline(pdf: FPDF, events: list[ApplicationEvent]) -> None:
    pdf.set_font(HEADING.family, "B", 12)
    pdf.cell(0, 9, "办理过程", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(BODY.family, size=10)
    heads = FontFace(family=HEADING.family, emphasis="BOLD", size_pt=10, fill_color=(232, 238, 248))
    with pdf.table(col_widths=(40, 50, 80), line_height=LINE, headings_style=heads) as grid:
        for values in (("时间", "环节", "状态"),) + tuple(
            (_time(e.at), str(ACTION_LABELS.get(e.action, e.action)), status_label(e.to_status))
            for e in events
        ):
            row = grid.row()
            for value in values:
                row.cell(value)


def _fact_rows(detail: ApplicationDetail, district_name: str) -> list[tuple[str, str]]:
    app = detail.application
    approved = app.status == Status.COMPLETED
    return [
        ("申请编号", str(app.pk)),
        ("办理事项", f"{app.item.name}({app.item.code})"),
        ("申请人", applicant_display(app)),
        ("办理地", district_name),
        ("提交时间", _time(app.submitted_at)),
        ("办结时间", _time(app.completed_at or app.closed_at)),
        ("办理结果", "已办结" if approved else "不予批准"),
        ("结果说明" if approved else "不予批准理由", app.result),
    ]


def result_pdf(detail: ApplicationDetail, district_name: str) -> bytes:
    """The 告知单 of an application that is completed or rejected."""
    pdf = _new_pdf("办理结果告知单")
    _facts(pdf, _fact_rows(detail, district_name))
    _timeline(pdf, detail.timeline)
    pdf.ln(4)
    pdf.set_font(BODY.family, size=9.5)
    pdf.multi_cell(
        0,
        6,
        "本告知单由湖北人社一网通办平台根据办件记录生成,供申请人留存,不是电子证照。"
        "对结果有异议的,可依法申请行政复议或者提起行政诉讼。咨询电话 12333。",
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    return bytes(pdf.output())
