"""Test programs, question banks, form assembly and scoring. Pure Python, no Qt."""
