"""Reading any table a user hands us: ``.xlsx``, ``.xls``, ``.ods``, ``.csv``/``.txt``.

This module is generic: the patent importer and the enterprise/intention importers all call
it. The API::

    from roadshow_desk.exchange.tables import read_table, Table

    table = read_table(path, header_score=spec.header_score)   # spec: columns.FieldSpec
    table.header          # column names, made unique: "申请日", "申请日 (2)", ...
    table.original_header # the names exactly as in the file (rejects reports reuse them)
    table.rows            # list of rows; each a list of cells, len(row) == len(header)
    table.row_numbers     # the 1-based line (CSV) or sheet row (workbook) of each row
    table.encoding        # "utf-8", "utf-8-sig", "gb18030", ... (None for workbooks)
    table.sheet, table.sheets, table.delimiter, table.header_row_number, table.format

What it copes with, without asking the user:

* the format is told by the file's bytes, not its name (a workbook renamed ``.csv`` reads);
* text encodings: UTF-8 with or without BOM, UTF-16 with BOM, GBK/GB18030, and a UTF-8 BOM
  in front of GBK bytes (a wrong label);
* delimiters: comma, tab, semicolon (chosen by which one gives consistent rows);
* line breaks inside quoted cells (the row number is the line the record starts on);
* ragged rows: cells beyond the header that are empty in every row (a trailing comma on
  every line) are dropped, non-empty ones become extra columns; short rows are padded;
* banner rows and merged cells above the header: the header is the row among the first
  :data:`HEADER_SEARCH_ROWS` that ``header_score`` likes best (or, without a scorer, the
  first row that is at least half as full as the fullest one);
* duplicate column names: kept, numbered (``申请日``, ``申请日 (2)``, ``申请日 (3)``) so a
  mapping can name each; importers map the first one by synonym and leave the others;
* workbook cells keep their types (``str``, ``int``, ``float``, ``bool``, ``date``,
  ``datetime``); CSV cells are ``str``; empty cells are ``""``; embedded images and charts
  are ignored; of several sheets the one whose header scores best is read.

A file that cannot be used raises :class:`roadshow_desk.errors.InputError` with one
translated sentence (unreadable, binary, empty, undecodable).
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from roadshow_desk.domain.progress import NO_PROGRESS, Progress
from roadshow_desk.errors import InputError
from roadshow_desk.i18n import translate

#: How many rows from the top are searched for the header row.
HEADER_SEARCH_ROWS = 30
#: Characters of text looked at to choose the delimiter.
SNIFF_CHARS = 64 * 1024
DELIMITERS = (",", "\t", ";")

#: ``header_score(cells) -> int``: how much a row looks like the header (0: not at all).
HeaderScore = Callable[[Sequence[Any]], int]

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


@dataclass
class Table:
    """Rows of cells read from a file, with where each came from."""

    path: Path
    header: list[str]
    rows: list[list[Any]]
    row_numbers: list[int]
    original_header: list[str] = field(default_factory=list)
    header_row_number: int = 1
    format: str = "csv"  # "csv", "xlsx", "xls", "ods"
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    sheets: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.rows)

    def column(self, name: str) -> int:
        """The index of the column called ``name`` (as in :attr:`header`)."""
        return self.header.index(name)


def fmt(text: str, *args: object) -> str:
    """Fill Qt-style ``%1``, ``%2`` ... placeholders of a translated text."""
    for number in range(len(args), 0, -1):  # %10 before %1
        text = text.replace(f"%{number}", str(args[number - 1]))
    return text


def cell_text(value: Any) -> str:
    """A cell as text: whole floats without ``.0``, dates ISO, ``None`` empty."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


# --------------------------------------------------------------------------- entry point


def read_table(
    path: str | Path,
    *,
    header_score: HeaderScore | None = None,
    sheet: str | None = None,
    progress: Progress = NO_PROGRESS,
) -> Table:
    """Read the table in ``path`` (see the module notes); raises :class:`InputError`."""
    path = Path(path)
    name = path.name
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except FileNotFoundError:
        raise InputError(fmt(translate("Import", "The file “%1” does not exist."), name)) from None
    except IsADirectoryError:
        raise InputError(
            fmt(translate("Import", "“%1” is a folder, not a table file."), name)
        ) from None
    except OSError as exc:
        raise InputError(
            fmt(translate("Import", "The file “%1” cannot be opened: %2."), name, exc.strerror)
        ) from None
    progress.set_text(fmt(translate("Import", "Reading %1…"), name))
    if head.startswith(_ZIP_MAGIC) or head.startswith(_OLE_MAGIC):
        table = _read_workbook(path, header_score, sheet)
    else:
        table = _read_text(path, header_score)
    progress.check()  # a Cancel pressed while reading takes effect here
    return table


# --------------------------------------------------------------------------- workbooks


def _read_workbook(path: Path, header_score: HeaderScore | None, sheet: str | None) -> Table:
    import python_calamine as calamine

    name = path.name
    try:
        workbook = calamine.CalamineWorkbook.from_path(str(path))
    except calamine.PasswordError:
        raise InputError(
            fmt(
                translate(
                    "Import",
                    "The workbook “%1” is protected with a password; save an unprotected "
                    "copy and import that.",
                ),
                name,
            )
        ) from None
    except Exception:  # ZipError, XmlError, CalamineError, OSError: all mean the same
        raise InputError(
            fmt(
                translate(
                    "Import",
                    "“%1” cannot be read as a spreadsheet: it is damaged or not an Excel file.",
                ),
                name,
            )
        ) from None
    try:
        names = [
            meta.name for meta in workbook.sheets_metadata if str(meta.typ).endswith("WorkSheet")
        ] or list(workbook.sheet_names)
        if sheet is not None and sheet not in names:
            raise InputError(
                fmt(translate("Import", "The workbook “%1” has no sheet “%2”."), name, sheet)
            )
        best: tuple[int, int, str, list[list[Any]]] | None = None
        for index, sheet_name in enumerate([sheet] if sheet else names):
            try:
                rows = workbook.get_sheet_by_name(sheet_name).to_python(skip_empty_area=False)
            except Exception:
                raise InputError(
                    fmt(
                        translate(
                            "Import",
                            "The sheet “%2” of “%1” cannot be read: the workbook is damaged.",
                        ),
                        name,
                        sheet_name,
                    )
                ) from None
            if not any(any(cell != "" for cell in row) for row in rows[:HEADER_SEARCH_ROWS]):
                continue
            score = _best_header(rows, header_score)[1] if header_score else 0
            if best is None or score > best[0]:
                best = (score, index, sheet_name, rows)
            if header_score is None:
                break
    finally:
        workbook.close()
    if best is None:
        raise InputError(
            fmt(translate("Import", "The workbook “%1” has no data in any sheet."), name)
        )
    _, _, sheet_name, rows = best
    kind = _workbook_format(path)
    return _assemble(path, rows, None, header_score, kind, sheet=sheet_name, sheets=names)


def _workbook_format(path: Path) -> str:
    suffix = path.suffix.lower().lstrip(".")
    if suffix in ("xls", "ods", "xlsx", "xlsm", "xlsb"):
        return "xlsx" if suffix in ("xlsm", "xlsb") else suffix
    with path.open("rb") as handle:
        return "xls" if handle.read(8) == _OLE_MAGIC else "xlsx"


# --------------------------------------------------------------------------- text files


def detect_encoding(data: bytes, name: str = "") -> tuple[str, str]:
    """``(encoding, text)`` of a text file's bytes; raises :class:`InputError`.

    The order: BOM (UTF-8, UTF-16), strict UTF-8, GB18030 (a superset of GBK and GB2312)
    when the result reads as Chinese, then charset-normalizer's best guess.
    """
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        try:
            return "utf-16", data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    elif b"\x00" in data[:8192]:
        raise _binary(name)
    if data.startswith(b"\xef\xbb\xbf"):
        body = data[3:]
        try:
            return "utf-8-sig", body.decode("utf-8")
        except UnicodeDecodeError:
            data = body  # a UTF-8 label on other bytes: look at the bytes themselves
    try:
        return "utf-8", data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = ""
    if text and _reads_as_chinese(text):
        return "gb18030", text
    from charset_normalizer import from_bytes

    guess = from_bytes(data[:200_000]).best()
    if guess is not None and guess.encoding:
        try:
            return str(guess.encoding), data.decode(str(guess.encoding))
        except (UnicodeDecodeError, LookupError):
            pass
    if text:
        return "gb18030", text
    raise InputError(
        fmt(
            translate(
                "Import",
                "The text encoding of “%1” cannot be recognised; save it as UTF-8 or as an "
                "Excel workbook.",
            ),
            name,
        )
    )


def _reads_as_chinese(text: str) -> bool:
    """Whether most non-ASCII characters are common CJK ideographs or CJK punctuation."""
    sample = text[:100_000]
    other = [ch for ch in sample if ord(ch) > 0x7F]
    if not other:
        return True
    good = sum(
        1
        for ch in other
        if "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef"
    )
    return good >= 0.9 * len(other)


def _binary(name: str) -> InputError:
    return InputError(
        fmt(
            translate(
                "Import",
                "“%1” is neither a spreadsheet nor a text table (it contains binary data).",
            ),
            name,
        )
    )


def choose_delimiter(text: str) -> str:
    """The delimiter (of :data:`DELIMITERS`) that splits the first records most consistently."""
    sample = text[:SNIFF_CHARS]
    if len(text) > SNIFF_CHARS:  # do not judge by a record cut in half
        cut = sample.rfind("\n")
        if cut > 0:
            sample = sample[:cut]
    best = (",", (-1.0, 0))
    for delimiter in DELIMITERS:
        try:
            counts = [len(row) for row in csv.reader(io.StringIO(sample), delimiter=delimiter)]
        except csv.Error:
            continue
        counts = [count for count in counts if count > 0][:50]
        if not counts:
            continue
        widest = max(counts)
        if widest < 2:
            continue
        # Rows as wide as the widest, or one short of it (a trailing delimiter), agree.
        agree = sum(1 for count in counts if count >= widest - 1) / len(counts)
        score = (agree, widest)
        if score > best[1]:
            best = (delimiter, score)
    return best[0]


class _Unterminated(Exception):
    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


def _parse_csv(text: str, delimiter: str, *, strict: bool) -> tuple[list[list[Any]], list[int]]:
    """Records and the line each starts on (blank lines skipped)."""
    rows: list[list[Any]] = []
    numbers: list[int] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=strict)
    start = 1
    try:
        for row in reader:
            if row and (len(row) > 1 or row[0].strip()):
                rows.append(row)
                numbers.append(start)
            start = reader.line_num + 1
    except csv.Error as error:
        if "unexpected end of data" in str(error):
            raise _Unterminated(start) from None
        raise
    return rows, numbers


def _read_text(path: Path, header_score: HeaderScore | None) -> Table:
    name = path.name
    data = path.read_bytes()
    if not data.strip():
        raise InputError(fmt(translate("Import", "The file “%1” is empty."), name))
    encoding, text = detect_encoding(data, name)
    del data
    if "\x00" in text[:8192]:
        raise _binary(name)
    delimiter = choose_delimiter(text)
    try:
        rows, numbers = _parse_csv(text, delimiter, strict=True)
    except _Unterminated as unterminated:
        raise InputError(
            fmt(
                translate(
                    "Import",
                    "“%1” cannot be read: a quoted cell that starts on line %2 never ends (a "
                    "closing quote mark is missing).",
                ),
                name,
                unterminated.line,
            )
        ) from None
    except csv.Error:  # stray quote marks inside cells: read them as ordinary characters
        rows, numbers = _parse_csv(text, delimiter, strict=False)
    del text
    return _assemble(
        path, rows, numbers, header_score, "csv", encoding=encoding, delimiter=delimiter
    )


# --------------------------------------------------------------------------- header and shape


def _filled(row: Sequence[Any]) -> int:
    return sum(1 for cell in row if cell is not None and cell != "" and str(cell).strip())


def _best_header(rows: list[list[Any]], header_score: HeaderScore | None) -> tuple[int, int]:
    """``(index, score)`` of the header row among the first rows."""
    top = rows[:HEADER_SEARCH_ROWS]
    if header_score is not None:
        best_index, best_score = -1, 0
        for index, row in enumerate(top):
            score = header_score(row)
            if score > best_score:
                best_index, best_score = index, score
        if best_index >= 0:
            return best_index, best_score
    fullest = max((_filled(row) for row in top), default=0)
    for index, row in enumerate(top):
        if fullest and _filled(row) * 2 >= fullest:
            return index, 0
    return 0, 0


def _assemble(
    path: Path,
    rows: list[list[Any]],
    numbers: list[int] | None,
    header_score: HeaderScore | None,
    kind: str,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
    sheets: list[str] | None = None,
) -> Table:
    if numbers is None:  # workbook: the sheet row number (skip_empty_area=False keeps them)
        numbers = list(range(1, len(rows) + 1))
        keep = [index for index, row in enumerate(rows) if row.count("") != len(row)]
        if len(keep) != len(rows):
            rows = [rows[index] for index in keep]
            numbers = [numbers[index] for index in keep]
    if not rows:
        raise InputError(fmt(translate("Import", "The file “%1” is empty."), path.name))
    header_index, _ = _best_header(rows, header_score)
    original = [cell_text(cell).strip() for cell in rows[header_index]]
    body = rows[header_index + 1 :]
    body_numbers = numbers[header_index + 1 :]
    width = len(original)
    widest = max((len(row) for row in body), default=width)
    if widest > width:  # ragged: keep extra columns only if some row fills them
        used = width
        for row in body:
            if len(row) > used:
                for position in range(len(row) - 1, used - 1, -1):
                    cell = row[position]
                    if cell is not None and cell != "" and str(cell).strip():
                        used = position + 1
                        break
        original += [""] * (used - width)
        width = used
    while (
        width
        and not original[width - 1]
        and not any(len(row) >= width and _nonempty(row[width - 1]) for row in body)
    ):
        width -= 1  # trailing columns with neither a name nor data
    original = original[:width]
    for index, row in enumerate(body):
        if len(row) != width:
            body[index] = (list(row) + [""] * (width - len(row)))[:width]
        elif not isinstance(row, list):
            body[index] = list(row)
    return Table(
        path=path,
        header=unique_names(original),
        rows=body,
        row_numbers=body_numbers,
        original_header=original,
        header_row_number=numbers[header_index],
        format=kind,
        encoding=encoding,
        delimiter=delimiter,
        sheet=sheet,
        sheets=sheets or [],
    )


def _nonempty(cell: Any) -> bool:
    return cell is not None and cell != "" and bool(str(cell).strip())


def unique_names(names: Sequence[str]) -> list[str]:
    """Column names made unique: repeats numbered ``name (2)``, blanks ``Column N``."""
    seen: dict[str, int] = {}
    result = []
    for position, raw in enumerate(names, start=1):
        base = " ".join(str(raw).split()) or fmt(translate("Import", "Column %1"), position)
        count = seen.get(base, 0) + 1
        seen[base] = count
        result.append(base if count == 1 else f"{base} ({count})")
    return result
