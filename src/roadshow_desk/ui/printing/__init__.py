"""Print: brochure, sign-up sheets, booth cards, badges and agenda (preview, print, save)."""
