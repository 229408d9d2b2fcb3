"""Everything Qt: application set-up, main window, one sub-package per workflow.

Importing the package registers the ``icons:`` search path (``resources/icons``), so
``QIcon("icons:name.svg")`` works in every page, form and test without further set-up.
"""

from pathlib import Path

from PySide6.QtCore import QDir

ICONS_DIR = Path(__file__).resolve().parents[1] / "resources" / "icons"

if str(ICONS_DIR) not in QDir.searchPaths("icons"):
    QDir.addSearchPath("icons", str(ICONS_DIR))
