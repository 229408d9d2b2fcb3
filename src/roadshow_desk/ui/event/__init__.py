"""The event workflow: setup, enterprise registry, check-in, roadshow sessions."""
