"""The hall's link to the central system, and the reference receiver (contracts §3)."""
