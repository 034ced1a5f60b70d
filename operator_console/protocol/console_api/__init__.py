"""The operator API (contracts §6): what consoles send the room server and what it answers, one
module per part of the hall's work (sessions, desk, hall, review, sync, administration)."""
