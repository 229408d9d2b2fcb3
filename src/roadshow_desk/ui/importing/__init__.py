"""Importing patent files from the window: menu, toolbar, drops, recent files, dialogs.

:class:`~roadshow_desk.ui.importing.controller.ImportController` is installed on the main
window by ``install(main_window)`` (listed in ``main_window.WINDOW_CONTROLLERS``). The work
itself is :func:`roadshow_desk.exchange.patent_import.import_patents`, run on a worker.
"""
