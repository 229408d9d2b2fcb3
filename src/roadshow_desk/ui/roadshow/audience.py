"""The audience display: one patent at a time on the projector, large and legible.

It shows a :class:`~roadshow_desk.domain.roadshow_plan.PublicSlide` and nothing else: the
slide is built from the patent's public view (an allow-list), so presenter notes,
enterprises, intentions and scores cannot reach the projector through this window.

Slides: the patent (title, institution and field, type and legal status, key advantages,
application scenarios, conversion modes with open-licence terms, a large QR code, the
event's name), the session title card announcing the next slot, and the end card; plus a
black or white screen. Sizes follow the window (:mod:`.look`); the title wraps and is never
clipped, body text is shortened with "…" to fit what is left.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from roadshow_desk.domain.labels import label
from roadshow_desk.domain.public_view import PublicPatentView
from roadshow_desk.domain.roadshow import Blank
from roadshow_desk.domain.roadshow_plan import PublicSlide, SlideKind
from roadshow_desk.i18n import fmt
from roadshow_desk.ui.roadshow.look import DEFAULT_THEME, Metrics, Theme, metrics_for, theme
from roadshow_desk.ui.roadshow.qr_image import QR_CACHE, QrCache
from roadshow_desk.ui.roadshow.text_block import TextBlock

SEPARATOR = " · "
KeyHandler = Callable[[QKeyEvent], bool]


def _set_color(widget: QWidget, color: QColor) -> None:
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, color)
    widget.setPalette(palette)


def _font(base: QFont, pixels: int, bold: bool = False) -> QFont:
    font = QFont(base)
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


class SlideBody(QWidget):
    """Sections (heading + text) placed by hand so that they share the height they get.

    Every section gets at least its heading and one line; the rest of the height goes to
    the sections in turn, a line at a time, until each has all its lines or the height is
    used up; a shortened section ends with "…". A section that cannot get one line is
    hidden (a lower section gives way first).
    """

    SECTIONS = 3

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headings = [TextBlock(parent=self) for _ in range(self.SECTIONS)]
        self.texts = [TextBlock(parent=self, line_factor=1.35) for _ in range(self.SECTIONS)]
        for number, (heading, text) in enumerate(zip(self.headings, self.texts, strict=True)):
            heading.setObjectName(f"audience_section_heading_{number}")
            text.setObjectName(f"audience_section_text_{number}")
            heading.set_max_lines(1)
        self.gap = 4
        self.section_gap = 16
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.setSizePolicy(policy)

    def set_sections(self, sections: list[tuple[str, str]]) -> None:
        padded = (sections + [("", "")] * self.SECTIONS)[: self.SECTIONS]
        for (title, body), heading, text in zip(padded, self.headings, self.texts, strict=True):
            heading.setText(title)
            text.setText(body)
        self.relayout()

    def set_fonts(self, heading_font: QFont, text_font: QFont, spacing: int) -> None:
        for heading, text in zip(self.headings, self.texts, strict=True):
            heading.setFont(heading_font)
            text.setFont(text_font)
        self.gap = max(2, spacing // 3)
        self.section_gap = spacing
        self.relayout()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.relayout()

    def relayout(self) -> None:
        width = self.width()
        available = self.height()
        used = [i for i in range(self.SECTIONS) if self.texts[i].text()]
        natural = {i: self.texts[i].natural_lines(width) for i in used}
        head_h = {i: int(self.headings[i].line_step()) for i in used}
        step = {i: self.texts[i].line_step() for i in used}
        # Which sections get at least a heading and one line (top ones first).
        shown: list[int] = []
        spent = 0.0
        for i in used:
            need = head_h[i] + self.gap + step[i] + (self.section_gap if shown else 0)
            if spent + need > available:
                break
            shown.append(i)
            spent += need
        lines = dict.fromkeys(shown, 1)
        # Hand out the remaining height a line at a time, in order, until all fit.
        growing = True
        while growing:
            growing = False
            for i in shown:
                if lines[i] < natural[i] and spent + step[i] <= available:
                    lines[i] += 1
                    spent += step[i]
                    growing = True
        y = 0
        for i in range(self.SECTIONS):
            heading, text = self.headings[i], self.texts[i]
            if i not in lines:
                heading.hide()
                text.hide()
                continue
            if y:
                y += self.section_gap
            heading.setGeometry(0, y, width, head_h[i])
            y += head_h[i] + self.gap
            text.set_max_lines(lines[i])
            height = int(lines[i] * step[i])
            text.setGeometry(0, y, width, height)
            y += height
            heading.show()
            text.show()


class QrPanel(QWidget):
    """The QR code with a caption under it (the code always dark on white)."""

    def __init__(self, cache: QrCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cache = cache
        self.payload = ""
        self.code = QLabel(self)
        self.code.setObjectName("audience_qr")
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption = TextBlock(parent=self, center=True, line_factor=1.25)
        self.caption.setObjectName("audience_qr_caption")
        self.detail = TextBlock(parent=self, center=True, line_factor=1.25)
        self.detail.setObjectName("audience_qr_detail")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addStretch(1)
        layout.addWidget(self.code, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.caption)
        layout.addWidget(self.detail)
        layout.addStretch(1)
        self._target = 200
        self._minimum = 0

    def set_size(self, target: int, minimum: int) -> None:
        self._target, self._minimum = target, minimum
        self.setFixedWidth(max(target, minimum))
        self._refresh()

    def set_code(self, payload: str, caption: str, detail: str = "") -> None:
        self.payload = payload
        self.caption.setText(caption if payload else "")
        self.detail.setText(detail)
        self._refresh()

    def _refresh(self) -> None:
        if not self.payload:
            self.code.clear()
            self.code.hide()
            self.caption.hide()
            return
        pixmap = self.cache.pixmap(self.payload, self._target, self._minimum)
        self.code.setPixmap(pixmap)
        self.code.setFixedSize(pixmap.size())
        self.code.show()
        self.caption.show()


class PatentPage(QWidget):
    """One patent: heading row, title, institution and field, type and status, body, QR."""

    def __init__(self, cache: QrCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.event_label = TextBlock(parent=self)
        self.event_label.setObjectName("audience_event")
        self.event_label.set_max_lines(1)
        self.counter = TextBlock(parent=self)
        self.counter.setObjectName("audience_counter")
        self.counter.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self.title = TextBlock(parent=self, line_factor=1.2)
        self.title.setObjectName("audience_title")
        self.meta = TextBlock(parent=self)
        self.meta.setObjectName("audience_meta")
        self.badges = TextBlock(parent=self)
        self.badges.setObjectName("audience_badges")
        self.body = SlideBody(self)
        self.qr = QrPanel(cache, self)

        header = QHBoxLayout()
        header.addWidget(self.event_label, 1)
        header.addWidget(self.counter, 0, Qt.AlignmentFlag.AlignRight)
        left = QVBoxLayout()
        left.addWidget(self.title)
        left.addWidget(self.meta)
        left.addWidget(self.badges)
        left.addWidget(self.body, 1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addWidget(self.qr)
        self.outer = QVBoxLayout(self)
        self.outer.addLayout(header)
        self.outer.addLayout(columns, 1)
        self.left = left
        self.columns = columns
        self.header = header

    def apply_metrics(self, m: Metrics, base: QFont) -> None:
        body = _font(base, m.body_px)
        self.outer.setContentsMargins(m.margin_x, m.margin_y, m.margin_x, m.margin_y)
        self.outer.setSpacing(m.spacing * 2)
        self.left.setSpacing(m.spacing)
        self.columns.setSpacing(m.spacing * 3)
        for block in (self.event_label, self.counter, self.meta):
            block.setFont(body)
        self.badges.setFont(_font(base, m.body_px, bold=True))
        self.title.setFont(_font(base, m.title_px, bold=True))
        self.body.set_fonts(_font(base, m.body_px, bold=True), body, m.spacing * 2)
        self.qr.caption.setFont(body)
        self.qr.detail.setFont(body)
        self.qr.set_size(m.qr_side, m.qr_minimum)
        self._fit_counter()

    def _fit_counter(self) -> None:
        from PySide6.QtGui import QFontMetrics

        text = self.counter.text()
        width = QFontMetrics(self.counter.font()).horizontalAdvance(text) + 4 if text else 0
        self.counter.setFixedWidth(width)

    def apply_theme(self, look: Theme) -> None:
        for block in (self.event_label, self.counter, self.meta, self.qr.caption, self.qr.detail):
            _set_color(block, look.color("muted"))
        _set_color(self.title, look.color("text"))
        _set_color(self.badges, look.color("accent"))
        for heading in self.body.headings:
            _set_color(heading, look.color("accent"))
        for text in self.body.texts:
            _set_color(text, look.color("text"))

    def show_slide(self, slide: PublicSlide) -> None:
        patent = slide.patent
        self.event_label.setText(slide.event_name)
        self.counter.setText(f"{slide.number} / {slide.count}" if slide.count else "")
        self._fit_counter()
        if patent is None:  # a slot without a patent (a break, an introduction)
            self.title.setText(
                slide.presenter or QCoreApplication.translate("AudienceDisplay", "Break")
            )
            self.meta.setText(slide.session_title)
            self.badges.setText("")
            self.body.set_sections([])
            self.qr.set_code(
                slide.qr_payload, QCoreApplication.translate("AudienceDisplay", "Scan to sign up")
            )
            return
        self.title.setText(patent.title or patent.application_no)
        self.meta.setText(
            SEPARATOR.join(
                t for t in (patent.institution, patent.technical_field, patent.application_no) if t
            )
        )
        self.badges.setText(badges_text(patent))
        self.body.set_sections(sections_of(patent))
        self.qr.set_code(
            slide.qr_payload,
            QCoreApplication.translate("AudienceDisplay", "Scan to register interest"),
        )


def badges_text(patent: PublicPatentView) -> str:
    """Type and legal status, then the conversion modes offered: ``发明 · 有效 ｜ 转让 · 许可``."""
    status = [label(patent.patent_type)] if patent.patent_type is not None else []
    status.append(label(patent.legal_status))
    text = SEPARATOR.join(status)
    if patent.conversion_modes:
        text += "  |  " + SEPARATOR.join(label(mode) for mode in patent.conversion_modes)
    return text


def sections_of(patent: PublicPatentView) -> list[tuple[str, str]]:
    """(heading, text) of the body sections that have something to say."""
    sections: list[tuple[str, str]] = []
    if patent.advantages:
        sections.append(
            (QCoreApplication.translate("AudienceDisplay", "Key advantages"), patent.advantages)
        )
    if patent.application_scenarios:
        sections.append(
            (
                QCoreApplication.translate("AudienceDisplay", "Application scenarios"),
                patent.application_scenarios,
            )
        )
    if patent.open_licence_terms:
        sections.append(
            (
                QCoreApplication.translate("AudienceDisplay", "Open licence terms"),
                patent.open_licence_terms,
            )
        )
    return sections


class CardPage(QWidget):
    """The session title card (announcing the next slot) and the end card."""

    def __init__(self, cache: QrCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kicker = TextBlock(parent=self)
        self.kicker.setObjectName("audience_card_kicker")
        self.heading = TextBlock(parent=self, line_factor=1.2)
        self.heading.setObjectName("audience_card_heading")
        self.detail = TextBlock(parent=self)
        self.detail.setObjectName("audience_card_detail")
        self.qr = QrPanel(cache, self)
        text = QVBoxLayout()
        text.addStretch(1)
        text.addWidget(self.kicker)
        text.addWidget(self.heading)
        text.addWidget(self.detail)
        text.addStretch(1)
        self.columns = QHBoxLayout(self)
        self.columns.addLayout(text, 1)
        self.columns.addWidget(self.qr)
        self.text_layout = text

    def apply_metrics(self, m: Metrics, base: QFont) -> None:
        self.columns.setContentsMargins(m.margin_x, m.margin_y, m.margin_x, m.margin_y)
        self.columns.setSpacing(m.spacing * 3)
        self.text_layout.setSpacing(m.spacing * 2)
        self.kicker.setFont(_font(base, m.body_px, bold=True))
        self.heading.setFont(_font(base, m.title_px, bold=True))
        self.detail.setFont(_font(base, m.body_px))
        self.qr.caption.setFont(_font(base, m.body_px))
        self.qr.detail.setFont(_font(base, m.body_px))
        self.qr.set_size(m.qr_side, m.qr_minimum)

    def apply_theme(self, look: Theme) -> None:
        _set_color(self.kicker, look.color("accent"))
        _set_color(self.heading, look.color("text"))
        for block in (self.detail, self.qr.caption, self.qr.detail):
            _set_color(block, look.color("muted"))

    def show_slide(self, slide: PublicSlide) -> None:
        if slide.kind is SlideKind.END:
            self.kicker.setText(slide.session_title)
            self.heading.setText(QCoreApplication.translate("AudienceDisplay", "Thank you"))
            self.detail.setText(slide.event_name)
            self.qr.set_code(
                slide.qr_payload, QCoreApplication.translate("AudienceDisplay", "Scan to sign up")
            )
            return
        self.kicker.setText(
            fmt(
                SEPARATOR.join(
                    t
                    for t in (
                        slide.session_title,
                        QCoreApplication.translate("AudienceDisplay", "Next: %1 of %2"),
                    )
                    if t
                ),
                str(slide.number),
                str(slide.count),
            )
        )
        patent = slide.patent
        if patent is None:
            self.heading.setText(
                slide.presenter or QCoreApplication.translate("AudienceDisplay", "Break")
            )
            self.detail.setText(slide.event_name)
            self.qr.set_code(
                slide.qr_payload, QCoreApplication.translate("AudienceDisplay", "Scan to sign up")
            )
            return
        self.heading.setText(patent.title or patent.application_no)
        self.detail.setText(
            SEPARATOR.join(t for t in (patent.institution, slide.presenter, slide.event_name) if t)
        )
        self.qr.set_code(
            slide.qr_payload,
            QCoreApplication.translate("AudienceDisplay", "Scan to register interest"),
        )


class AudienceDisplay(QWidget):
    """The projector window (see the module notes)."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        theme_name: str = DEFAULT_THEME,
        qr_cache: QrCache | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("roadshow_audience")
        self.setWindowTitle(QCoreApplication.translate("AudienceDisplay", "Roadshow — audience"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.setAutoFillBackground(True)
        self.key_handler: KeyHandler | None = None
        self.qr_cache = qr_cache or QR_CACHE
        self.patent_page = PatentPage(self.qr_cache, self)
        self.card_page = CardPage(self.qr_cache, self)
        self.blank_page = QWidget(self)
        self.blank_page.setObjectName("audience_blank")
        self.blank_page.setAutoFillBackground(True)
        self.stack = QStackedLayout(self)
        for page in (self.patent_page, self.card_page, self.blank_page):
            self.stack.addWidget(page)
        self._slide: PublicSlide | None = None
        self._qr_payloads: list[str] = []
        self._blank = Blank.NONE
        self._metrics = metrics_for(1024, 768)
        self._theme = theme(theme_name)
        self.apply_theme(theme_name)
        self.resize(1024, 768)
        self._apply_metrics()

    # ------------------------------------------------------------------ API

    @property
    def slide(self) -> PublicSlide | None:
        return self._slide

    @property
    def blank(self) -> Blank:
        return self._blank

    @property
    def metrics(self) -> Metrics:
        return self._metrics

    @property
    def theme_name(self) -> str:
        return self._theme.name

    def show_slide(self, slide: PublicSlide) -> None:
        """Show ``slide`` (the only content this window ever receives)."""
        self._slide = slide
        if slide.kind is SlideKind.PATENT:
            self.patent_page.show_slide(slide)
        else:
            self.card_page.show_slide(slide)
        self._show_current()

    def prepare_qr_codes(self, payloads: list[str]) -> None:
        """Build the QR codes of a whole session now, and again whenever the size changes,
        so that no slide switch waits for a code."""
        self._qr_payloads = [payload for payload in payloads if payload]
        self._warm_qr_codes()

    def _warm_qr_codes(self) -> None:
        metrics = self._metrics
        self.qr_cache.warm(self._qr_payloads, metrics.qr_side, metrics.qr_minimum)

    def set_blank(self, blank: Blank) -> None:
        if blank is not self._blank:
            self._blank = blank
            self._paint_blank()
            self._show_current()

    def apply_theme(self, name: str) -> None:
        self._theme = theme(name)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, self._theme.color("background"))
        palette.setColor(QPalette.ColorRole.WindowText, self._theme.color("text"))
        self.setPalette(palette)
        self.patent_page.apply_theme(self._theme)
        self.card_page.apply_theme(self._theme)
        self._paint_blank()

    # ------------------------------------------------------------------ internals

    def _paint_blank(self) -> None:
        palette = self.blank_page.palette()
        color = QColor("#ffffff") if self._blank is Blank.WHITE else QColor("#000000")
        palette.setColor(QPalette.ColorRole.Window, color)
        self.blank_page.setPalette(palette)

    def _show_current(self) -> None:
        if self._blank is not Blank.NONE:
            page: QWidget = self.blank_page
        elif self._slide is not None and self._slide.kind is not SlideKind.PATENT:
            page = self.card_page
        else:
            page = self.patent_page
        self.stack.setCurrentWidget(page)
        layout = page.layout()
        if layout is not None:
            layout.activate()  # lay out now, so the next paint shows the finished slide

    def _apply_metrics(self) -> None:
        self._metrics = metrics_for(self.width(), self.height())
        base = QFont(self.font())
        self.patent_page.apply_metrics(self._metrics, base)
        self.card_page.apply_metrics(self._metrics, base)
        self._warm_qr_codes()
        if self._slide is not None:
            self.show_slide(self._slide)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size() != event.oldSize():
            self._apply_metrics()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.key_handler is not None and self.key_handler(event):
            event.accept()
            return
        super().keyPressEvent(event)
