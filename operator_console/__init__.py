"""The room server, its operator console, and the hall's link to the central system."""
