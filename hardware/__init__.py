"""Hall hardware behind small interfaces: the clock, the metal detector, the camera."""
