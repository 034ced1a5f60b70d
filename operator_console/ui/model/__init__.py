"""The console's model: what every screen reads, and the operations every screen calls.

One broadcast, `news`, carries the kinds of what changed (`seat`, `session`, `admission`,
`detector`, `incident`, `sync`, `link`, `desk`, `history`, `message`, `expired`); each screen
decides from the kinds whether to refresh (as Anki's `op_executed` does). Every call to the room
server runs off the screen's thread; its answer comes back through the same broadcast.

`console.ConsoleModel` is the model the screens hold; its operations come in parts, one a module:
the sessions, the desk, the seats, the delivery upstream, on the ground of `base`.
"""
