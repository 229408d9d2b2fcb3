"""The shortlist workflow: an event's patents in order, with undo (page, model, commands)."""
