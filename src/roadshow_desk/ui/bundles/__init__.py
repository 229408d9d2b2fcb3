"""Station bundles in the window: export, merge with a preview, the Stations view, sync status."""
