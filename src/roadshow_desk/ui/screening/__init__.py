"""Screening in the window: search and facets on the library, the rubric dialog, the score
breakdown with match suggestions (``ui.matches``) under the patent (installed by
:func:`roadshow_desk.ui.screening.library.install`)."""
