"""The hall's administration: users, kiosks, bank packages and rosters, and the audit chain.

Every action here is checked again by the room server (an operator's token is refused with 403);
the screen is only shown to administrators.
"""
