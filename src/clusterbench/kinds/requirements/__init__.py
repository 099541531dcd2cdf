"""One module per requirement kind."""
