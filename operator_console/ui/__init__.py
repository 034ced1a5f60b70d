"""The operator console's Qt screens: clients of the room server over HTTP."""
