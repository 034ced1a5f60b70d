"""The room server: the hall's truth behind an HTTP API. Imports no Qt."""
