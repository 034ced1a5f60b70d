"""One module per screen; each reads the model and writes the candidate's input back to it."""
