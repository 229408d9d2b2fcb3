"""Everything Qt: application set-up, main window, one sub-package per workflow.

Importing the package registers the ``icons:`` search path (``resources/icons``), so
``QIcon("icons:name.svg")`` works in every page, form and test without further set-up.
"""

from PySide6.QtCore import QDir

from roadshow_desk.paths import resource_path

ICONS_DIR = resource_path("icons")

if str(ICONS_DIR) not in QDir.searchPaths("icons"):
    QDir.addSearchPath("icons", str(ICONS_DIR))
