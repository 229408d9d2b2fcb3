"""The patent library: a lazy table over every patent, a detail pane, editing with undo."""
