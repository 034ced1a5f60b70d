"""One module per console screen; each reads the console model and refreshes on its news."""
