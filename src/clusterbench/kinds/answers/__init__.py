"""One module per answer type."""
