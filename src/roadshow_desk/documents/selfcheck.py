"""The self-check: is this installation ready for the desk? (``roadshow-desk selfcheck``,
Help ▸ Self-check.)

It looks and never writes: the version, the database (engine, where, schema revision), the
Chinese font the PDFs embed, the PostgreSQL driver. What only Qt can tell (the translations
loaded, the printers) is measured by the caller and handed in, so this module stays free of
Qt; it lives in ``documents`` because that is the highest layer without Qt that sees both the
store and the fonts. Every text is in the user's language.
"""

from __future__ import annotations

import importlib.util
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy.engine import make_url

from roadshow_desk.i18n import fmt, translate
from roadshow_desk.version import app_version

OK = "ok"
WARNING = "warning"
FAILED = "failed"

POSTGRESQL_DRIVERS = ("psycopg", "psycopg2", "pg8000")


@dataclass(frozen=True)
class Check:
    """One line of the self-check."""

    name: str
    """Stable key for scripts: ``version``, ``database``, ``schema``, ``font``, …"""
    label: str
    """What was checked, translated."""
    status: str
    """:data:`OK`, :data:`WARNING` (works, but worth knowing) or :data:`FAILED`."""
    text: str
    """What was found, one sentence or value, translated."""
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class SelfCheck:
    version: str
    checks: list[Check]

    @property
    def ok(self) -> bool:
        """No required check failed."""
        return all(check.status != FAILED for check in self.checks)

    def as_json(self) -> dict[str, Any]:
        return {"version": self.version, "ok": self.ok, "checks": [asdict(c) for c in self.checks]}

    def as_text(self) -> str:
        marks = {OK: "✓", WARNING: "!", FAILED: "✗"}
        lines = [f"{marks[c.status]} {c.label}: {c.text}" for c in self.checks]
        if self.ok:
            lines.append(translate("SelfCheck", "Ready: every required check passed."))
        else:
            lines.append(translate("SelfCheck", "Not ready: fix the checks marked ✗."))
        return "\n".join(lines)


@dataclass(frozen=True)
class Translations:
    """What the caller found about the loaded catalogues (measured with Qt)."""

    language: str
    app_catalogues: list[str]
    qt_catalogue: str | None
    """The file name of Qt's own catalogue loaded (``qtbase_zh_CN.qm``), if any."""


def check_version() -> Check:
    return Check("version", translate("SelfCheck", "Version"), OK, app_version())


def check_database(location: str | None) -> tuple[Check, Check]:
    """The database (engine and where) and its schema revision, read without writing."""
    from roadshow_desk.store.db import DatabaseError, create_engine_for, current_revision
    from roadshow_desk.store.locations import check_location
    from roadshow_desk.store.migrations import HEAD_REVISION

    label = translate("SelfCheck", "Database")
    schema_label = translate("SelfCheck", "Schema version")
    found = check_location(location or "")
    if not found.url:
        return (
            Check("database", label, FAILED, found.problem),
            Check("schema", schema_label, FAILED, translate("SelfCheck", "Unknown.")),
        )
    engine_name = make_url(found.url).get_backend_name()
    where = str(found.path) if found.path is not None else make_url(found.url).render_as_string()
    details = {"engine": engine_name, "location": where}
    if found.state == "problem":
        return (
            Check("database", label, FAILED, found.problem, details),
            Check("schema", schema_label, FAILED, translate("SelfCheck", "Unknown.")),
        )
    if found.missing:
        text = fmt(
            translate("SelfCheck", "%1, %2 (not created yet; the first start creates it)."),
            engine_name,
            where,
        )
        return (
            Check("database", label, OK, text, details),
            Check(
                "schema",
                schema_label,
                OK,
                fmt(translate("SelfCheck", "%1 (a new database gets it)."), HEAD_REVISION),
                {"revision": None, "head": HEAD_REVISION},
            ),
        )
    if found.path is not None:
        revision = _sqlite_revision(found.path)
    else:
        try:
            engine = create_engine_for(found.url)
            try:
                revision = current_revision(engine)
            finally:
                engine.dispose()
        except DatabaseError as exc:
            return (
                Check("database", label, FAILED, str(exc), details),
                Check("schema", schema_label, FAILED, translate("SelfCheck", "Unknown.")),
            )
        except Exception as exc:
            detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
            text = fmt(translate("SelfCheck", "%1 cannot be reached: %2"), where, detail)
            return (
                Check("database", label, FAILED, text, details),
                Check("schema", schema_label, FAILED, translate("SelfCheck", "Unknown.")),
            )
    database = Check("database", label, OK, f"{engine_name}, {where}", details)
    schema_details = {"revision": revision, "head": HEAD_REVISION}
    if revision is None:
        text = fmt(translate("SelfCheck", "%1 (a new database gets it)."), HEAD_REVISION)
    elif revision == HEAD_REVISION:
        text = revision
    else:
        text = fmt(
            translate("SelfCheck", "%1; it is upgraded to %2 (after a backup) when opened."),
            revision,
            HEAD_REVISION,
        )
    return database, Check("schema", schema_label, OK, text, schema_details)


def _sqlite_revision(path: Any) -> str | None:
    import sqlite3
    from urllib.parse import quote

    connection = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True)
    try:
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
        if "alembic_version" not in tables:
            return None
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    finally:
        connection.close()


def check_font(preferred: str | None = None) -> Check:
    """The Chinese font the PDFs embed and the window uses (required: without one, no PDF)."""
    from roadshow_desk.documents.fonts import FontNotFound, install_hint, require_cjk_font

    label = translate("SelfCheck", "Chinese font")
    try:
        font = require_cjk_font(preferred or None)
    except FontNotFound as exc:
        return Check("font", label, FAILED, str(exc) or install_hint())
    return Check(
        "font",
        label,
        OK,
        f"{font.family_name} — {font.path}",
        {"family": font.family_name, "file": str(font.path), "index": font.subfont_index},
    )


def check_translations(found: Translations | None) -> Check:
    label = translate("SelfCheck", "Translations")
    if found is None:
        return Check("translations", label, WARNING, translate("SelfCheck", "Not checked."))
    details = {
        "language": found.language,
        "catalogues": found.app_catalogues,
        "qt": found.qt_catalogue,
    }
    if found.language == "en":
        text = translate("SelfCheck", "English (built in).")
        return Check("translations", label, OK, text, details)
    if not found.app_catalogues:
        text = fmt(
            translate("SelfCheck", "No catalogue of %1 was found; the interface stays English."),
            found.language,
        )
        return Check("translations", label, FAILED, text, details)
    text = fmt(
        translate("SelfCheck", "%1: %2 catalogues of the app, Qt's own: %3."),
        found.language,
        len(found.app_catalogues),
        found.qt_catalogue or translate("SelfCheck", "missing"),
    )
    status = OK if found.qt_catalogue else WARNING
    return Check("translations", label, status, text, details)


def check_printers(printers: list[str] | None, default: str = "") -> Check:
    label = translate("SelfCheck", "Printers")
    if printers is None:
        text = translate("SelfCheck", "The list of printers cannot be read.")
        return Check("printers", label, WARNING, text)
    details = {"printers": printers, "default": default}
    if not printers:
        text = translate("SelfCheck", "No printer is set up; PDF files can still be saved.")
        return Check("printers", label, WARNING, text, details)
    names = ", ".join(printers)
    if default:
        names = fmt(translate("SelfCheck", "%1 (default: %2)"), names, default)
    return Check("printers", label, OK, names, details)


def postgresql_driver() -> str | None:
    """The importable PostgreSQL driver's module name, or ``None``."""
    for name in POSTGRESQL_DRIVERS:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


def check_postgresql(database: Check) -> Check:
    """A driver is required only when the database is a PostgreSQL server."""
    label = translate("SelfCheck", "PostgreSQL driver")
    driver = postgresql_driver()
    if driver is not None:
        return Check("postgresql", label, OK, driver, {"driver": driver})
    if database.details.get("engine") == "postgresql":
        text = translate("SelfCheck", "Not installed, but the database is on a PostgreSQL server.")
        return Check("postgresql", label, FAILED, text, {"driver": None})
    text = translate("SelfCheck", "Not installed (needed only for a PostgreSQL server).")
    return Check("postgresql", label, WARNING, text, {"driver": None})


def check_errors() -> Check:
    """The errors log (``store.error_log``): none recorded, or how many and the last one."""
    from roadshow_desk.store.error_log import recorded_errors

    label = translate("SelfCheck", "Errors recorded")
    found = recorded_errors()
    details = {"log": str(found.path), "count": found.count, "last": found.last_at}
    if not found.count:
        return Check("errors", label, OK, translate("SelfCheck", "None."), details)
    text = fmt(
        translate("SelfCheck", "%1, the last at %2 (%3); see %4"),
        found.count,
        found.last_at,
        found.last_line[:120],
        found.path,
    )
    return Check("errors", label, WARNING, text, details)


def run_selfcheck(
    database: str | None = None,
    *,
    font: str | None = None,
    translations: Translations | None = None,
    printers: list[str] | None = None,
    default_printer: str = "",
) -> SelfCheck:
    """Every check, in the order they are shown."""
    db_check, schema_check = check_database(database)
    checks = [
        check_version(),
        db_check,
        schema_check,
        check_font(font),
        check_translations(translations),
        check_printers(printers, default_printer),
        check_postgresql(db_check),
        check_errors(),
    ]
    return SelfCheck(app_version(), checks)
