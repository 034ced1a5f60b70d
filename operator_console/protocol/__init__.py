"""What every program of the hall shares: the wire models split by who speaks them, the IIN rule,
canonical JSON and request signatures, the HTTP call core, and the conventions of contracts §1-2
(settings files with environment overrides, one clear line for a person and the story in the log).

The room server, the console, the kiosks and the reference central system all import this package;
it imports none of them.
"""
