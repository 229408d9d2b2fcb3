"""Following leads up: the pipeline list, stage moves, owner, next action, dated log."""
