"""The Qt front end (the only layer that imports PySide6): presenters, views, models."""
