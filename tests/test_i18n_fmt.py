"""The placeholder helper every user-visible sentence with a value goes through."""

from roadshow_desk.i18n import fmt


def test_placeholders_are_filled_in_the_translations_order() -> None:
    assert fmt("%1 rows written to %2.", 12, "a.xlsx") == "12 rows written to a.xlsx."
    assert fmt("已将 %2 写入 %1 行。", 12, "a.xlsx") == "已将 a.xlsx 写入 12 行。"


def test_a_value_holding_a_placeholder_is_not_filled_again() -> None:
    # Chained str.replace("%1", …).replace("%2", …) turned this file name into "5 rows".
    assert fmt("%1 rows written to %2.", "report %2.xlsx", 5) == "report %2.xlsx rows written to 5."


def test_missing_arguments_and_two_digit_placeholders() -> None:
    assert fmt("%1 of %2", 3) == "3 of %2"
    args = [str(i) for i in range(1, 12)]
    assert fmt("%11-%1", *args) == "11-1"
    assert fmt("100% sure: %1", "yes") == "100% sure: yes"


def test_no_sentence_is_filled_by_chained_replace() -> None:
    """Placeholders go through fmt: chained ``.replace("%1", …)`` fills a value twice."""
    import re
    from pathlib import Path

    import roadshow_desk

    package = Path(roadshow_desk.__file__).parent
    chained = re.compile(r"""\.replace\(\s*["']%\d""")
    offenders = [
        f"{path.relative_to(package)}:{number}"
        for path in sorted(package.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if chained.search(line)
    ]
    assert offenders == []
