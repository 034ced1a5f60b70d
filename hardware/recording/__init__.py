"""Webcam recording in short, crash-safe segments, each sealed to the hall's key."""
