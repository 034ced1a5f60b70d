"""The proctor's review: the queue of finished attempts, the player with one timeline of the
whole sitting, a finding on each flag, and the verdict (clear, or a violation that annuls the
result and bans the candidate for 6 to 12 months)."""
