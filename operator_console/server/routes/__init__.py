"""HTTP routes of the room server: thin wrappers over the hall's named operations."""
