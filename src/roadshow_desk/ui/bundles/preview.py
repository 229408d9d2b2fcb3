"""The merge preview: what merging the chosen bundles will do, before anything is written.

Shows one row per record kind (new, updated, unchanged, conflicts, kept after delete,
possible duplicates), the bundles (station, region, range, already merged) and the
warnings; **Merge** accepts, **Cancel** leaves the database untouched.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from roadshow_desk.exchange.bundle_labels import kind_label
from roadshow_desk.exchange.bundle_merge import KINDS, BundleReport, MergeResult
from roadshow_desk.i18n import fmt
from roadshow_desk.ui.bundles.tables import fill_table, read_only_table, short_time


class MergePreviewDialog(QDialog):
    """The dry run's counts; accepted means "merge now"."""

    def __init__(self, result: MergeResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dialog_merge_preview")
        self.setWindowTitle(self.tr("Merge station bundles"))
        self.merge_result = result
        layout = QVBoxLayout(self)
        self.label_intro = QLabel(self._intro())
        self.label_intro.setObjectName("label_intro")
        self.label_intro.setWordWrap(True)
        layout.addWidget(self.label_intro)

        headers = [
            self.tr("Records"),
            self.tr("New"),
            self.tr("Updated"),
            self.tr("Unchanged"),
            self.tr("Conflicts"),
            self.tr("Kept after delete"),
            self.tr("Possible duplicates"),
        ]
        totals = result.totals()
        self.table_counts = read_only_table("table_counts", headers)
        fill_table(
            self.table_counts,
            [
                [kind_label(table), *(str(getattr(counts, kind)) for kind in KINDS)]
                for table, counts in totals.items()
            ],
        )
        self.table_counts.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        layout.addWidget(self.table_counts, 1)

        self.table_bundles = read_only_table(
            "table_bundles",
            [self.tr("File"), self.tr("Station"), self.tr("Region"), self.tr("Exported at")],
        )
        fill_table(
            self.table_bundles,
            [
                [
                    self._file_text(report),
                    report.station,
                    report.region,
                    short_time(report.exported_at),
                ]
                for report in result.bundles
            ],
        )
        self.table_bundles.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table_bundles)

        warnings = [*result.warnings, *(n for r in result.bundles for n in r.notes)]
        self.label_warnings = QLabel("\n".join(warnings))
        self.label_warnings.setObjectName("label_warnings")
        self.label_warnings.setWordWrap(True)
        self.label_warnings.setStyleSheet("color: #8a4b00;")
        self.label_warnings.setVisible(bool(warnings))
        layout.addWidget(self.label_warnings)

        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.button_box.setObjectName("button_box")
        self.button_merge = self.button_box.button(QDialogButtonBox.StandardButton.Ok)
        self.button_merge.setText(self.tr("&Merge"))
        self.button_merge.setObjectName("button_merge")
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)
        layout.addWidget(self.button_box)
        self.resize(720, 420)

    def _file_text(self, report: BundleReport) -> str:
        if report.already_merged_at is None:
            return report.file
        return fmt(self.tr("%1 (already merged)"), report.file)

    def _intro(self) -> str:
        if not self.merge_result.rows_written:
            return self.tr("The database already holds everything in these bundles.")
        return self.tr(
            "Nothing has been written yet. A backup is taken before the merge; conflicts and "
            "possible duplicates are kept for review."
        )

    def counts_of(self, table: str) -> dict[str, int]:
        """The counts shown for a record kind (for tests and checks)."""
        counts: Any = self.merge_result.totals().get(table)
        return {kind: getattr(counts, kind) for kind in KINDS} if counts else {}
