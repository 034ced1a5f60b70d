"""The candidate's screens (Qt). Everything below them (journal, client, sitting) is Qt-free."""
