"""Where the app's own files are: the one look-up of ``resources/`` and ``forms/``.

In the repository both folders sit at the top level, beside ``src/`` and ``pyproject.toml``;
the wheel carries them inside the package (``roadshow_desk/resources``, ``roadshow_desk/forms``:
hatch's ``force-include`` in pyproject.toml), and so does the frozen one-folder build
(``_internal/roadshow_desk/…``: packaging/roadshow-desk.spec). :func:`data_root` tells the
three apart, in this order:

* a frozen build (``sys.frozen``): the folder PyInstaller unpacked to (``sys._MEIPASS``);
* an installed wheel: the package's own folder, when it holds ``resources/``;
* a checkout (an editable install, or ``src/`` on the path): the repository's top level.

An editable install (``pip install -e``) also copies the two folders into
``site-packages/roadshow_desk/``; that folder has no ``__init__.py``, so Python imports the
checkout's package and this helper reads the checkout's folders, never those copies.

No Qt here: the store reads the demo tables through it too.
"""

from __future__ import annotations

import sys
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def data_root() -> Path:
    """The folder that holds ``resources/`` and ``forms/`` in this installation."""
    if getattr(sys, "frozen", False):
        bundle = getattr(sys, "_MEIPASS", None)
        base = Path(bundle) if bundle else Path(sys.executable).resolve().parent
        return base / PACKAGE_DIR.name
    if (PACKAGE_DIR / "resources").is_dir():
        return PACKAGE_DIR
    return PACKAGE_DIR.parents[1]


def resource_path(*parts: str) -> Path:
    """``resources/<parts>``: ``resource_path("i18n")``, ``resource_path("demo", "names.json")``."""
    return data_root().joinpath("resources", *parts)


def forms_path(*parts: str) -> Path:
    """``forms/<parts>``: the Qt Designer forms (``forms_path("library", "patent_dialog.ui")``)."""
    return data_root().joinpath("forms", *parts)
