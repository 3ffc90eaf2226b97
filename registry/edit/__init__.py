"""Editing in the app: forms, pickers, the registry browser and the history of edits."""
