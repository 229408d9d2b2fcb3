"""Screening in the window: search and facets on the library, the rubric dialog, match
suggestions for detail panes (installed by :func:`roadshow_desk.ui.screening.library.install`)."""
