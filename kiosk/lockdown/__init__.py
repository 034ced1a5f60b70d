"""Lockdown checks that need no Qt: prohibited programs, the machine, an unclean last exit.

The screen-side lockdown (full screen, swallowed shortcuts, keyboard grab) lives with the screens.
"""
