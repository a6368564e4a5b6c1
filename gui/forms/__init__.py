"""The forms on the right of the window: one for the report header, a goal, a measure."""
