"""Entry point of the frozen build (both executables): the same ``roadshow-desk`` command line
as the virtual environment's, which opens the window without a subcommand."""

import multiprocessing

from roadshow_desk.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    raise SystemExit(main())
