"""The audience display: privacy walk, text sizes, long titles, the QR code."""

from __future__ import annotations

import numpy as np
import pytest
import zxingcpp
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel, QWidget

from roadshow_data import LONG_TITLE, LONG_TOKEN_TITLE, PRIVATE_VALUES
from roadshow_desk.domain.roadshow import Phase, Position
from roadshow_desk.domain.roadshow_plan import public_slide
from roadshow_desk.ui.roadshow.audience import AudienceDisplay
from roadshow_desk.ui.roadshow.controller import RoadshowOptions
from roadshow_desk.ui.roadshow.qr_image import QrCache
from roadshow_desk.ui.roadshow.text_block import TextBlock

SIZES = [(1024, 768), (1920, 1080)]


def widget_texts(root: QWidget) -> list[str]:
    """Every text a widget tree carries: label texts, titles, tooltips, accessible names."""
    texts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, QLabel):
            texts.append(widget.text())
        texts += [
            widget.windowTitle(),
            widget.toolTip(),
            widget.statusTip(),
            widget.whatsThis(),
            widget.accessibleName(),
            widget.accessibleDescription(),
        ]
    return [text for text in texts if text]


def display_for(qtbot, size, theme="dark") -> AudienceDisplay:  # type: ignore[no-untyped-def]
    display = AudienceDisplay(theme_name=theme, qr_cache=QrCache())
    qtbot.addWidget(display)
    display.resize(*size)
    display.show()
    qtbot.waitExposed(display)
    return display


def qr_text(label: QLabel) -> str:
    image = label.pixmap().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    width, height = image.width(), image.height()
    buffer = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    array = buffer.reshape(height, image.bytesPerLine())[:, :width].copy()
    results = zxingcpp.read_barcodes(array)
    assert len(results) == 1
    return results[0].text


@pytest.mark.parametrize("theme", ["dark", "light"])
@pytest.mark.parametrize("size", SIZES)
def test_privacy_walk_no_private_value_in_any_widget_in_any_state(
    make_controller, plan, qtbot, theme, size
) -> None:  # type: ignore[no-untyped-def]
    controller = make_controller(plan, options=RoadshowOptions(theme=theme, title_cards=True))
    controller.start()
    display = controller.display
    display.showNormal()
    display.resize(*size)
    private = sorted(set(PRIVATE_VALUES))
    assert len(private) > 40
    states = 0
    seen_titles: set[str] = set()

    def check() -> None:
        nonlocal states
        texts = widget_texts(display)
        payloads = [panel.payload for panel in (display.patent_page.qr, display.card_page.qr)]
        everything = "\n".join(texts + payloads)
        for value in private:
            assert value not in everything, (value, controller.run.position, controller.run.blank)
        states += 1
        seen_titles.update(texts)

    check()
    while controller.run.next():
        check()
        controller.refresh()
        check()
        controller.run.toggle_black()
        controller.refresh()
        check()
        controller.run.toggle_white()
        controller.refresh()
        check()
        controller.run.toggle_white()
        controller.refresh()
    assert controller.run.phase is Phase.END
    assert states > 4 * len(plan.slots)
    # The walk read real slides: every public title was on screen at some point.
    for slot in plan.slots:
        if slot.public is not None:
            assert slot.public.title in seen_titles


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_text_sizes_at_1024x768(qtbot, plan, theme) -> None:  # type: ignore[no-untyped-def]
    display = display_for(qtbot, (1024, 768), theme)
    for position in (Position(Phase.SLOT, 0), Position(Phase.TITLE, 0), Position(Phase.END, 6)):
        display.show_slide(public_slide(plan, position))
        qtbot.wait(1)
        page = display.stack.currentWidget()
        blocks = [b for b in page.findChildren(TextBlock) if b.isVisible() and b.text()]
        assert blocks
        for block in blocks:
            assert block.font().pixelSize() >= 28, block.objectName()
        title = (
            display.patent_page.title if page is display.patent_page else display.card_page.heading
        )
        assert title.font().pixelSize() >= 48
        code = page.findChild(QLabel, "audience_qr")
        if code.isVisible():
            assert code.height() >= 768 / 4
            assert code.geometry().bottom() < 768


@pytest.mark.parametrize("size", [*SIZES, (800, 600), (1280, 1024)])
@pytest.mark.parametrize("title", [LONG_TITLE, LONG_TOKEN_TITLE])
def test_long_titles_wrap_and_are_never_clipped(qtbot, plan, size, title) -> None:  # type: ignore[no-untyped-def]
    display = display_for(qtbot, size)
    index = next(i for i, slot in enumerate(plan.slots) if slot.heading == title)
    for phase, block in (
        (Phase.SLOT, display.patent_page.title),
        (Phase.TITLE, display.card_page.heading),
    ):
        display.show_slide(public_slide(plan, Position(phase, index)))
        qtbot.wait(1)
        assert block.text() == title
        width = block.contentsRect().width()
        assert block.height() >= block.heightForWidth(block.width())  # the height it needs
        lines = block.displayed_lines()
        assert len(lines) >= 2
        assert "".join(lines) == title  # every character is drawn, none elided
        for _start, _length, line_width in block._layout(width):
            assert line_width <= width + 0.5  # and no line runs past the edge
        bottom = block.mapTo(display, block.rect().bottomLeft()).y()
        assert bottom < display.height() - display.metrics.margin_y // 2


def test_body_text_is_shortened_to_fit_below_a_long_title(qtbot, plan) -> None:  # type: ignore[no-untyped-def]
    display = display_for(qtbot, (1024, 768))
    index = next(i for i, slot in enumerate(plan.slots) if slot.heading == LONG_TITLE)
    display.show_slide(public_slide(plan, Position(Phase.SLOT, index)))
    qtbot.wait(1)
    body = display.patent_page.body
    shown = [block for block in body.texts if block.isVisible()]
    assert shown
    for block in shown:
        assert block.geometry().bottom() <= body.height()
        assert block.height() >= block.heightForWidth(block.width())
    assert any(block.is_elided() for block in shown) or len(shown) < 3
    elided = [b for b in shown if b.is_elided()]
    for block in elided:
        assert block.displayed_lines()[-1].endswith("…")


def test_the_qr_code_decodes_to_the_sign_up_link_and_is_a_quarter_of_the_height(
    qtbot, plan
) -> None:  # type: ignore[no-untyped-def]
    display = display_for(qtbot, (1024, 768))
    slide = public_slide(plan, Position(Phase.SLOT, 0))
    display.show_slide(slide)
    qtbot.wait(1)
    code = display.patent_page.qr.code
    assert slide.qr_payload.startswith("https://fair.example.cn/s?e=")
    assert slide.qr_payload.endswith("&p=" + plan.slots[0].public.application_no)
    assert qr_text(code) == slide.qr_payload
    assert code.pixmap().height() >= 768 / 4


def test_switching_slides_reuses_cached_qr_codes(make_controller, plan, qtbot) -> None:  # type: ignore[no-untyped-def]
    controller = make_controller(plan, options=RoadshowOptions(title_cards=False))
    cache = controller.display.qr_cache
    controller.start()  # builds the session's codes before the first slide
    misses = cache.misses
    for _ in range(2):
        for key in [Qt.Key.Key_PageDown] * 7 + [Qt.Key.Key_PageUp] * 7:
            qtbot.keyClick(controller.display, key)
    assert cache.misses == misses
    assert cache.hits > 20


def test_a_slot_without_a_patent_shows_its_name(qtbot, plan) -> None:  # type: ignore[no-untyped-def]
    display = display_for(qtbot, (1024, 768))
    display.show_slide(public_slide(plan, Position(Phase.SLOT, len(plan.slots) - 1)))
    assert display.patent_page.title.text() == "茶歇"
    assert not any(block.isVisible() for block in display.patent_page.body.texts)


def test_themes_are_dark_high_contrast_and_light(qtbot, plan) -> None:  # type: ignore[no-untyped-def]
    dark = display_for(qtbot, (1024, 768), "dark")
    light = display_for(qtbot, (1024, 768), "light")
    for display in (dark, light):
        display.show_slide(public_slide(plan, Position(Phase.SLOT, 0)))
    qtbot.wait(1)
    dark_image = dark.grab().toImage()
    light_image = light.grab().toImage()
    assert dark_image.pixelColor(5, 5).name() == "#000000"
    assert light_image.pixelColor(5, 5).name() == "#ffffff"
    assert dark.patent_page.title.palette().windowText().color().name() == "#ffffff"
    assert light.patent_page.title.palette().windowText().color().name() == "#111111"
