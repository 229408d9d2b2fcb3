"""The detail pane: every field of the selected patent, readable, with local edits marked."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from roadshow_desk.domain.labels import field_label, format_value
from roadshow_desk.domain.models import Patent
from roadshow_desk.store.db import Database

# (section title key, fields) in reading order; long texts are shown as paragraphs.
_SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "identification",
        (
            "application_no",
            "publication_no",
            "grant_no",
            "patent_type",
            "legal_status",
            "application_date",
            "publication_date",
            "grant_date",
            "priority_date",
        ),
    ),
    (
        "parties",
        ("institution", "applicants", "current_owners", "inventors", "applicant_address", "agency"),
    ),
    (
        "classification",
        ("technical_field", "ipc_main", "ipc_all", "strategic_emerging_industry"),
    ),
    (
        "value",
        (
            "score",
            "self_grade",
            "claims_count",
            "family_size",
            "cited_by_count",
            "overseas_family",
            "pledge_financing",
            "patent_award",
        ),
    ),
    ("offer", ("conversion_modes", "open_licence_terms", "price_guide", "public_contact")),
)
_TEXTS = ("abstract", "advantages", "application_scenarios")

_STYLE = """
h2 { margin: 0 0 4px 0; }
.sub { color: #555; margin: 0 0 8px 0; }
h3 { margin: 14px 0 4px 0; color: #1a4f8b; }
td.section { padding-top: 10px; }
td.k { color: #555; padding: 2px 14px 2px 0; white-space: nowrap; vertical-align: top; }
td.v { padding: 2px 0; vertical-align: top; }
.none { color: #999; }
.edited { color: #b35c00; font-size: small; }
p.text { margin: 0 0 6px 0; line-height: 140%; }
"""


def _load(database: Database, patent_id: int) -> tuple[dict[str, Any], set[str]] | None:
    with database.session() as session:
        patent = session.get(Patent, patent_id)
        if patent is None or patent.deleted_at is not None:
            return None
        values = {
            name: getattr(patent, name)
            for _key, fields in _SECTIONS
            for name in fields
            if name != "institution"
        }
        values["institution"] = patent.institution.name if patent.institution else ""
        values["title"] = patent.title
        for name in _TEXTS:
            values[name] = getattr(patent, name)
        return values, set(patent.local_edits or {})


class PatentDetailPane(QWidget):
    """Shows one patent; its Edit button asks the page to open the editor."""

    edit_requested = Signal(int)
    """The user wants to edit the shown patent (its id)."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.patent_id: int | None = None
        self.browser = QTextBrowser()
        self.browser.setObjectName("browser_patent")
        self.browser.setOpenLinks(False)
        self.browser.document().setDefaultStyleSheet(_STYLE)
        self.browser.document().setDocumentMargin(12)
        self.edit_button = QPushButton(self.tr("Edit patent…"))
        self.edit_button.setObjectName("button_edit_patent")
        self.edit_button.clicked.connect(self._on_edit)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(8, 4, 8, 8)
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.browser, 1)
        layout.addLayout(buttons)
        self.show_patent(None)

    def section_title(self, key: str) -> str:
        return {
            "identification": self.tr("Identification and dates"),
            "parties": self.tr("Owners and inventors"),
            "classification": self.tr("Classification"),
            "value": self.tr("Value indicators"),
            "offer": self.tr("Conversion offer"),
        }[key]

    def show_patent(self, patent_id: int | None) -> None:
        loaded = _load(self.database, patent_id) if patent_id is not None else None
        self.patent_id = patent_id if loaded is not None else None
        self.edit_button.setEnabled(loaded is not None)
        if loaded is None:
            hint = self.tr("Select a patent to see its details.")
            self.browser.setHtml(f"<p class='none'>{html.escape(hint)}</p>")
            return
        values, edited = loaded
        self.browser.setHtml(self.render_html(values, edited))

    def render_html(self, values: dict[str, Any], edited: set[str]) -> str:
        edited_text = self.tr("edited locally")
        marker = f" <span class='edited'>✎ {html.escape(edited_text)}</span>"
        none = "<span class='none'>—</span>"

        def shown(name: str) -> str:
            text = format_value(name, values.get(name))
            cell = html.escape(text) if text else none
            return cell + (marker if name in edited else "")

        subtitle = " · ".join(
            part
            for part in (
                html.escape(values["application_no"]),
                html.escape(format_value("patent_type", values.get("patent_type"))),
                html.escape(format_value("legal_status", values.get("legal_status"))),
            )
            if part
        )
        title = html.escape(values.get("title") or "") + (marker if "title" in edited else "")
        parts = [f"<h2>{title}</h2>", f"<p class='sub'>{subtitle}</p>"]
        if values.get("abstract"):
            parts.append(f"<h3>{html.escape(field_label('abstract'))}</h3>")
            parts.append(f"<p class='text'>{shown('abstract')}</p>")
        rows = []
        for key, fields in _SECTIONS:
            rows.append(
                f"<tr><td colspan='2'><h3>{html.escape(self.section_title(key))}</h3></td></tr>"
            )
            rows.extend(
                f"<tr><td class='k' width='32%'>{html.escape(field_label(name))}</td>"
                f"<td class='v'>{shown(name)}</td></tr>"
                for name in fields
            )
        parts.append(f"<table cellspacing='0' width='100%'>{''.join(rows)}</table>")
        for name in _TEXTS[1:]:
            parts.append(f"<h3>{html.escape(field_label(name))}</h3>")
            parts.append(f"<p class='text'>{shown(name)}</p>")
        if not values.get("abstract"):
            parts.append(f"<h3>{html.escape(field_label('abstract'))}</h3>")
            parts.append(f"<p class='text'>{shown('abstract')}</p>")
        return "".join(parts)

    def _on_edit(self) -> None:
        if self.patent_id is not None:
            self.edit_requested.emit(self.patent_id)
