"""The reference central system (contracts §3): receiver, store and sample rosters.

A separate program that shares only the protocol with the hall.
"""
