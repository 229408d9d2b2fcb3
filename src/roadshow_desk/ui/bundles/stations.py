"""The Stations view: which desks have been merged up to when, and what is still unexported.

One row per station known to this database: this station (with how many of its records
changed since its last export), and every station whose bundles were merged here (its
region, the newest bundle's range and counts, when it was merged). Below, every receipt.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from roadshow_desk.exchange.bundle_receipts import (
    ReceiptRow,
    StationRow,
    list_receipts,
    list_stations,
)
from roadshow_desk.i18n import fmt
from roadshow_desk.ui.bundles.tables import fill_table, read_only_table, short_time
from roadshow_desk.ui.workflow import AppContext


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = read_only_table(name, headers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class StationsDialog(QDialog):
    """Stations and bundle receipts (File ▸ Stations and bundles…)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dialog_stations")
        self.setWindowTitle(self.tr("Stations and bundles"))
        self.context = context
        layout = QVBoxLayout(self)
        self.label_stations = QLabel(self.tr("Stations"))
        layout.addWidget(self.label_stations)
        self.table_stations = _table(
            "table_stations",
            [
                self.tr("Station"),
                self.tr("Region"),
                self.tr("Merged up to"),
                self.tr("Merged at"),
                self.tr("Bundles"),
                self.tr("Not yet exported"),
            ],
        )
        layout.addWidget(self.table_stations, 1)
        layout.addWidget(QLabel(self.tr("Bundles merged here")))
        self.table_receipts = _table(
            "table_receipts",
            [
                self.tr("Merged at"),
                self.tr("Station"),
                self.tr("Region"),
                self.tr("Covers up to"),
                self.tr("Records"),
                self.tr("File"),
                self.tr("Checksum"),
            ],
        )
        layout.addWidget(self.table_receipts, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(820, 480)
        self.reload()

    def reload(self) -> None:
        stations: list[StationRow] = list_stations(self.context.database, self.context.station)
        fill_table(
            self.table_stations,
            [
                [
                    fmt(self.tr("%1 (this laptop)"), station.name)
                    if station.is_this
                    else station.name,
                    station.region,
                    short_time(station.merged_up_to),
                    short_time(station.merged_at),
                    str(station.bundles),
                    "" if station.unexported is None else str(station.unexported),
                ]
                for station in stations
            ],
        )
        receipts: list[ReceiptRow] = list_receipts(self.context.database)
        fill_table(
            self.table_receipts,
            [
                [
                    short_time(receipt.merged_at),
                    receipt.station,
                    receipt.region,
                    short_time(receipt.covers_to),
                    str(receipt.records),
                    receipt.file_name,
                    receipt.sha256[:12],
                ]
                for receipt in receipts
            ],
        )
