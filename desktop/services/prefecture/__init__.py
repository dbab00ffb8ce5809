"""Prefecture mode (DESIGN.md §4a): every town of the prefecture at once, needs and responses, the catalog."""
