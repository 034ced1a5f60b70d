"""The hall's link to the central system, and the reference receiver that plays it (contracts §3)."""
