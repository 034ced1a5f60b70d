"""The session's report (PDF and CSV) and the words it prints in the hall's languages."""
