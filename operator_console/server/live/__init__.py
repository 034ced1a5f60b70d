"""The live picture the consoles follow: the change stream and the seat snapshots it serves."""
