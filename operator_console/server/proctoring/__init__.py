"""The proctor's review of finished attempts, the verdicts they record, and item statistics."""
