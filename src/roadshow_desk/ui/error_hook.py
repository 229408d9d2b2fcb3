"""What becomes of an error nothing caught: a line on the status bar and a trace in a file.

Qt calls :data:`sys.excepthook` for an exception raised in a slot (a timer's refresh, a
button); the default prints to standard error, which a windowed app on Windows does not
have, so the error would vanish and the page would silently stop refreshing.
:func:`install` puts a hook before the one in place (the one before still runs, so the
tests' capture of such errors keeps failing them):

* the traceback is appended to ``errors.log`` in the user's data folder
  (:mod:`roadshow_desk.store.error_log`; the self-check counts its entries), the file a
  support question starts with;
* the status bar says one sentence: a database that cannot be reached (a server restarting)
  is said as such; anything else names the log file.

No dialog: an error repeating on a timer must not pile up modal windows at a fair's desk.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication

from roadshow_desk.i18n import fmt

Hook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def lost_database(error: BaseException) -> bool:
    """Whether ``error`` is a database that cannot be reached (not a bug)."""
    if "sqlalchemy" not in sys.modules and "roadshow_desk.store.postgres" not in sys.modules:
        return False  # nothing has talked to a database yet
    from roadshow_desk.store.postgres import is_unreachable

    return is_unreachable(error)


def install(show: Callable[[str], None]) -> Hook:
    """Install the hook; ``show`` puts a sentence on the status bar. Returns the hook that
    was in place (which the new one calls after its own work)."""
    previous: Hook = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        try:
            from roadshow_desk.store.error_log import write_log

            path = write_log(kind, error, trace)
            if lost_database(error):
                show(
                    QCoreApplication.translate(
                        "ErrorHook",
                        "The database cannot be reached just now; what is shown may be out "
                        "of date until it is back.",
                    )
                )
            else:
                show(
                    fmt(
                        QCoreApplication.translate(
                            "ErrorHook", "Something went wrong; the details are in %1."
                        ),
                        str(path),
                    )
                )
        except Exception:  # the hook itself must never raise (a full disk, a closed window)
            pass
        previous(kind, error, trace)

    sys.excepthook = hook
    return previous
