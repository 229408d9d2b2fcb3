"""The intention capture panel: keyboard first, scanner aware, saved at once."""
