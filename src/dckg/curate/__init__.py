"""Making the graph from curated sources: build, add, and OWL RL inference."""
