"""Lay a :class:`~.content.ProofDocument` out as an A4 PDF (fpdf2) with a QR code.

Chinese text uses the Noto CJK faces of :mod:`.fonts`, subset-embedded, so the
file reads the same on any machine. The stamp block at the end carries the issue
time (Asia/Shanghai), the verification code and a QR code of the public
verification URL. The bytes returned are exactly what is hashed, signed and stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import qrcode
from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace
from PIL.Image import Image

from hrss.core import clock
from hrss.service_hall.certificates.codes import format_code
from hrss.service_hall.certificates.content import NO_RECORD, ProofDocument, Table
from hrss.service_hall.certificates.fonts import BODY, HEADING, register_fonts

ACCENT = (31, 78, 154)
HEAD_FILL = (232, 238, 248)
QR_SIZE = 34  # mm
STAMP_HEIGHT = 48  # mm the stamp block needs at the bottom of a page
LINE = 7  # mm


@dataclass(frozen=True)
class Stamp:
    """What the issuer adds to the document: who, when, and where to check it."""

    bureau: str
    code: str
    issued_at: datetime
    verify_url: str  # the QR target: the page of this very certificate
    verify_home: str  # the page where a code can be typed in


class _ProofPdf(FPDF):
    footer_text = ""

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font(BODY.family, size=8.5)
        self.set_text_color(90, 90, 90)
        self.cell(0, 6, f"{self.footer_text}  第 {self.page_no()} 页 / 共 {{nb}} 页", align="C")


def _new_pdf(doc: ProofDocument, stamp: Stamp) -> _ProofPdf:
    pdf = _ProofPdf(orientation="portrait", unit="mm", format="A4")
    pdf.footer_text = f"{stamp.bureau} · {doc.title} · 验证码 {format_code(stamp.code)}"
    register_fonts(pdf)
    pdf.set_margins(20, 16, 20)
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.set_creation_date(stamp.issued_at)
    pdf.set_title(doc.title)
    pdf.set_author(stamp.bureau)
    pdf.set_creator("HRSS 一网通办")
    pdf.set_lang("zh-CN")
    pdf.add_page()
    return pdf


def _header(pdf: FPDF, doc: ProofDocument, stamp: Stamp) -> None:
    pdf.set_text_color(*ACCENT)
    pdf.set_font(HEADING.family, "B", 13)
    pdf.cell(0, 8, stamp.bureau, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(HEADING.family, "B", 20)
    pdf.cell(0, 13, doc.title, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_draw_color(*ACCENT)
    pdf.set_line_width(0.6)
    pdf.line(pdf.l_margin, pdf.get_y() + 1, pdf.w - pdf.r_margin, pdf.get_y() + 1)
    pdf.ln(5)
    pdf.set_text_color(0, 0, 0)
    pdf.set_font(BODY.family, size=10)
    pdf.cell(0, 6, f"验证码:{format_code(stamp.code)}", align="R")
    pdf.ln(8)


def _holder(pdf: FPDF, doc: ProofDocument) -> None:
    for label, value in doc.holder_lines:
        pdf.set_font(HEADING.family, "B", 11)
        pdf.cell(38, LINE, f"{label}:")
        pdf.set_font(BODY.family, size=11)
        pdf.cell(0, LINE, value, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(3)


def _table(pdf: FPDF, table: Table) -> None:
    pdf.set_font(HEADING.family, "B", 12)
    pdf.cell(0, 9, table.heading, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(BODY.family, size=10)
    if not table.rows:
        pdf.cell(0, LINE, NO_RECORD, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(2)
        return
    heads = FontFace(family=HEADING.family, emphasis="BOLD", size_pt=10, fill_color=HEAD_FILL)
    widths = table.widths or None
    with pdf.table(
        col_widths=widths, text_align="CENTER", line_height=LINE, headings_style=heads
    ) as grid:
        for values in (table.columns, *table.rows):
            row = grid.row()
            for value in values:
                row.cell(value)
    pdf.ln(3)


def qr_image(url: str) -> Image:
    """A QR code (error correction M) of ``url``, black on white."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=2)
    code.add_data(url)
    code.make(fit=True)
    image = code.make_image(fill_color="black", back_color="white").get_image()
    assert isinstance(image, Image)
    return image


def _stamp(pdf: FPDF, stamp: Stamp) -> None:
    if pdf.get_y() > pdf.h - pdf.b_margin - STAMP_HEIGHT:
        pdf.add_page()
    top = pdf.get_y() + 2
    issued = clock.localise(stamp.issued_at)
    text_width = pdf.w - pdf.l_margin - pdf.r_margin - QR_SIZE - 6
    pdf.set_xy(pdf.l_margin, top)
    pdf.set_font(BODY.family, size=10.5)
    lines = (
        f"签发机关:{stamp.bureau}",
        f"签发时间:{issued:%Y-%m-%d %H:%M}(北京时间)",
        f"验证码:{format_code(stamp.code)}",
        f"核验网址:{stamp.verify_home}",
        "扫描右侧二维码,或在核验网址输入验证码、上传本文件,可核验本证明真伪。"
        "本证明经 SM2 电子签名,文件内容被修改后核验不通过。",
    )
    pdf.multi_cell(text_width, 6, "\n".join(lines), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.image(qr_image(stamp.verify_url), x=pdf.w - pdf.r_margin - QR_SIZE, y=top, w=QR_SIZE)


def render_pdf(doc: ProofDocument, stamp: Stamp) -> bytes:
    """The finished PDF as bytes."""
    pdf = _new_pdf(doc, stamp)
    _header(pdf, doc, stamp)
    _holder(pdf, doc)
    for table in doc.tables:
        _table(pdf, table)
    pdf.set_font(BODY.family, size=11)
    pdf.multi_cell(0, LINE, doc.statement, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(4)
    _stamp(pdf, stamp)
    return bytes(pdf.output())
