"""Names of the record kinds a bundle carries, for summaries and the preview."""

from __future__ import annotations

from roadshow_desk.i18n import QT_TRANSLATE_NOOP, translate

_LABELS = {
    "enterprise": QT_TRANSLATE_NOOP("BundleKinds", "Enterprises"),
    "registration": QT_TRANSLATE_NOOP("BundleKinds", "Registrations and check-ins"),
    "roadshow_session": QT_TRANSLATE_NOOP("BundleKinds", "Roadshow sessions"),
    "slot": QT_TRANSLATE_NOOP("BundleKinds", "Slots"),
    "shortlist_entry": QT_TRANSLATE_NOOP("BundleKinds", "Shortlist entries"),
    "intention": QT_TRANSLATE_NOOP("BundleKinds", "Intentions"),
    "follow_up_entry": QT_TRANSLATE_NOOP("BundleKinds", "Follow-up entries"),
    "patent": QT_TRANSLATE_NOOP("BundleKinds", "Patents"),
}


def kind_label(table: str) -> str:
    """The translated name of a record kind (its table name when unknown)."""
    text = _LABELS.get(table)
    return translate("BundleKinds", text) if text else table
