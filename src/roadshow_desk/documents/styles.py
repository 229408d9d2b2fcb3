"""One place for paper sizes, margins, type sizes, colours and paragraph styles of every PDF.

Data is always drawn as text: :func:`para` escapes every character that reportlab's
paragraph parser would read as markup (``&``, ``<``, ``>``), so a title like
``<b>电池</b> & 储能`` prints exactly so. Only the constant markup written in this package
(line breaks) reaches the parser.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from roadshow_desk.errors import InputError
from roadshow_desk.i18n import translate

MM = 72 / 25.4
"""Points per millimetre."""

PAPERS: dict[str, tuple[float, float]] = {
    "A4": (210 * MM, 297 * MM),
    "A5": (148 * MM, 210 * MM),
}

# Colours (r, g, b in 0..1): dark enough to print well on office lasers and in greyscale.
INK = (0.10, 0.10, 0.12)
MUTED = (0.38, 0.40, 0.44)
ACCENT = (0.09, 0.27, 0.52)
RULE = (0.70, 0.72, 0.76)
TINT = (0.92, 0.94, 0.97)

ELLIPSIS = "……"
_SENTENCE_ENDS = "。！？；!?;."


def paper_size(paper: str, landscape: bool = False) -> tuple[float, float]:
    """The (width, height) in points of ``"A4"`` or ``"A5"``."""
    try:
        width, height = PAPERS[paper.upper()]
    except KeyError:
        raise InputError(
            translate("Documents", "The paper size must be A4 or A5, not {paper}.").format(
                paper=paper
            )
        ) from None
    return (height, width) if landscape else (width, height)


def escape(text: object) -> str:
    """``text`` made safe for a reportlab Paragraph: markup characters escaped, line breaks
    kept as ``<br/>``, control characters dropped."""
    value = "" if text is None else str(text)
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    value = "".join(ch for ch in value if ch >= " " or ch == "\n")
    lines = [line.strip() for line in value.replace("\r\n", "\n").split("\n")]
    return "<br/>".join(line for line in lines if line)


def shorten(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, at a sentence end when one falls in the
    second half, otherwise mid-sentence; a cut text ends with ``……``."""
    value = " ".join(text.split())
    if limit <= 0:
        return ""
    if len(value) <= limit:
        return value
    head = value[: limit - len(ELLIPSIS)]
    cut = max(head.rfind(mark) for mark in _SENTENCE_ENDS)
    if cut >= len(head) // 2:
        return head[: cut + 1] + ELLIPSIS if head[cut] not in "。.!?！？" else head[: cut + 1]
    return head.rstrip("，,、；;：: ") + ELLIPSIS


@dataclass(frozen=True)
class Look:
    """Page geometry and type for one paper size; every document builds from one of these."""

    paper: str
    font: str
    page_width: float
    page_height: float
    margin: float
    footer_height: float
    scale: float
    styles: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def frame_width(self) -> float:
        return self.page_width - 2 * self.margin

    @property
    def frame_height(self) -> float:
        return self.page_height - 2 * self.margin - self.footer_height

    @property
    def frame_bottom(self) -> float:
        return self.margin + self.footer_height

    def size(self, points: float) -> float:
        """A type size given for A4, scaled for the paper."""
        return round(points * self.scale, 1)


def look(paper: str, font: str, landscape: bool = False) -> Look:
    """The :class:`Look` of ``paper`` with the registered reportlab font ``font``."""
    width, height = paper_size(paper, landscape)
    small = paper.upper() == "A5"
    scale = 0.86 if small else 1.0
    margin = (12 if small else 17) * MM
    result = Look(
        paper=paper.upper(),
        font=font,
        page_width=width,
        page_height=height,
        margin=margin,
        footer_height=(7 if small else 8) * MM,
        scale=scale,
    )
    result.styles.update(_styles(result))
    return result


def _styles(lk: Look) -> dict[str, Any]:
    from reportlab.lib.colors import Color
    from reportlab.lib.enums import TA_CENTER, TA_LEFT
    from reportlab.lib.styles import ParagraphStyle

    ink, muted, accent = Color(*INK), Color(*MUTED), Color(*ACCENT)

    def style(name: str, size: float, leading: float, **extra: Any) -> ParagraphStyle:
        options: dict[str, Any] = {
            "fontName": lk.font,
            "fontSize": lk.size(size),
            "leading": lk.size(leading),
            "textColor": ink,
            "wordWrap": "CJK",
            "alignment": TA_LEFT,
            "allowWidows": 1,
            "allowOrphans": 1,
        }
        options.update(extra)
        return ParagraphStyle(name, **options)

    return {
        "body": style("body", 10, 15.5),
        "body_large": style("body_large", 11, 19),
        "small": style("small", 8.5, 12, textColor=muted),
        "label": style("label", 9, 13, textColor=muted),
        "section": style("section", 10.5, 15, textColor=accent, spaceBefore=4),
        "section_large": style("section_large", 12, 17, textColor=accent, spaceBefore=10),
        "title": style("title", 19, 26, spaceAfter=4),
        "title_half": style("title_half", 13.5, 18.5),
        "heading": style("heading", 15, 21, textColor=accent),
        "cover_title": style("cover_title", 28, 38, alignment=TA_CENTER),
        "cover_line": style("cover_line", 13, 20, alignment=TA_CENTER, textColor=muted),
        "cover_small": style("cover_small", 10.5, 16, alignment=TA_CENTER, textColor=muted),
        "centre": style("centre", 10, 15, alignment=TA_CENTER),
        "card_title": style("card_title", 30, 40, alignment=TA_CENTER),
        "card_line": style("card_line", 15, 21, alignment=TA_CENTER, textColor=muted),
        "badge_name": style("badge_name", 15, 20, alignment=TA_CENTER),
        "badge_line": style("badge_line", 9, 12.5, alignment=TA_CENTER, textColor=muted),
    }


def para(text: object, style: Any) -> Any:
    """A Paragraph of data ``text`` (escaped: never read as markup)."""
    from reportlab.platypus import Paragraph

    return Paragraph(escape(text), style)


#: Characters that must not end a line (opening brackets and quotes: they stay with what
#: follows) and that must not start one (closing brackets, 、。，：；！？ and the like), as
#: Chinese line-breaking rules (GB/T 15834, W3C clreq) have it.
NOT_AT_LINE_END = "（([{［｛〔【〖《〈「『“‘"
NOT_AT_LINE_START = "）)]}］｝〕】〗》〉」』”’、。，．,.：:；;！!？?…—～％%·"


def break_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` broken into lines no wider than ``width`` (points, in ``font`` at ``size``),
    as Chinese typesetting breaks them: never after an opening bracket or quote, never
    before a closing one or a comma, and not inside a run of Latin letters and digits.
    A line that cannot be broken by those rules is broken anyway (no text is lost)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[str] = []
    line = ""
    for char in " ".join(text.split()):
        if not line or stringWidth(line + char, font, size) <= width:
            line += char
            continue
        joined = line + char
        cut = len(line)  # the next line would start at joined[cut]
        while cut > 1 and not _may_break(joined[cut - 1], joined[cut]):
            cut -= 1
        if cut <= 1:
            cut = len(line)
        lines.append(joined[:cut].rstrip())
        line = joined[cut:].lstrip()
    if line:
        lines.append(line)
    return lines


def _may_break(before: str, after: str) -> bool:
    if before in NOT_AT_LINE_END or after in NOT_AT_LINE_START:
        return False
    return not (before.isascii() and before.isalnum() and after.isascii() and after.isalnum())


def para_lines(text: str, style: Any, width: float) -> Any:
    """A Paragraph of data ``text`` broken by :func:`break_lines` for ``width`` (a title:
    the opening bracket of "会（宁波站）" never hangs alone at a line's end)."""
    from reportlab.platypus import Paragraph

    lines = break_lines(text, style.fontName, style.fontSize, width)
    return Paragraph("<br/>".join(escape(line) for line in lines), style)


def bold(flowable: Any, color: tuple[float, float, float] = INK, weight: float = 0.3) -> Any:
    """Draw ``flowable``'s text filled and stroked (text render mode 2) for a bolder weight;
    the CJK system fonts have no bold face. The text stays text (searchable, extractable)."""
    from reportlab.platypus.flowables import Flowable

    class _Bold(Flowable):
        def __init__(self) -> None:
            super().__init__()
            self.inner = flowable

        def wrap(self, width: float, height: float) -> tuple[float, float]:
            self.width, self.height = self.inner.wrap(width, height)
            return self.width, self.height

        def split(self, width: float, height: float) -> list[Any]:
            return [bold(part, color, weight) for part in self.inner.split(width, height)]

        def getSpaceBefore(self) -> float:
            return float(self.inner.getSpaceBefore())

        def getSpaceAfter(self) -> float:
            return float(self.inner.getSpaceAfter())

        def draw(self) -> None:
            canvas = self.canv
            canvas.saveState()
            canvas.setStrokeColorRGB(*color)
            canvas.setLineWidth(weight)
            canvas.addLiteral("2 Tr")
            self.inner.drawOn(canvas, 0, 0)
            canvas.addLiteral("0 Tr")
            canvas.restoreState()

    return _Bold()
