"""The operator console's windows (PySide6): a client of the room server over HTTP only."""
