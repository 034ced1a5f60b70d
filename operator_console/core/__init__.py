"""The console core: the room server's operator API client, sign-in and the named operations of the
desk and the session. No Qt: the demo, the tests and the console window use the same operations."""
