"""Checking new article files before they join the graph: shapes, vocabulary, quotes."""
