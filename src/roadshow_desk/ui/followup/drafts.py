"""Text typed for a lead and not filed yet (a note, a drop reason), kept per lead.

A draft belongs to the lead it was typed for: selecting another lead shows that lead's own
drafts, never the previous lead's text, so Enter or Drop cannot file it under the wrong
lead. Drafts are keyed by the intention's UUID (the same lead in any database copy, never
another lead of another file) and kept in the settings, so closing the window loses none:
the next start shows them again in their lead's boxes.
"""

from __future__ import annotations

import json

from roadshow_desk.ui.settings import Settings

SETTINGS_KEY = "followup/drafts"
FIELDS = ("note", "reason")


class LeadDrafts:
    """Drafts by lead UUID and field (``"note"``, ``"reason"``), saved as they change."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._drafts: dict[str, dict[str, str]] = {}
        try:
            stored = json.loads(str(settings.value(SETTINGS_KEY)) or "{}")
        except ValueError:
            stored = {}
        if isinstance(stored, dict):
            for uuid, fields in stored.items():
                if isinstance(fields, dict):
                    kept = {
                        name: str(fields[name])
                        for name in FIELDS
                        if str(fields.get(name, "")).strip()
                    }
                    if kept:
                        self._drafts[str(uuid)] = kept

    def get(self, uuid: str, field: str) -> str:
        return self._drafts.get(uuid, {}).get(field, "")

    def put(self, uuid: str, field: str, text: str) -> None:
        """Keep ``text`` as the lead's draft of ``field`` (blank text forgets it)."""
        fields = self._drafts.setdefault(uuid, {})
        if text.strip():
            fields[field] = text
        else:
            fields.pop(field, None)
        if not fields:
            del self._drafts[uuid]
        self._save()

    def forget(self, uuid: str, field: str) -> None:
        self.put(uuid, field, "")

    def leads(self) -> list[str]:
        """The UUIDs of the leads that have a draft."""
        return list(self._drafts)

    def _save(self) -> None:
        self.settings.set_value(SETTINGS_KEY, json.dumps(self._drafts, ensure_ascii=False))
