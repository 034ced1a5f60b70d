"""Sample banks shipped for the demo and the tests."""
