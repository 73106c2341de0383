"""Synthetic corpora and the scale benchmark (``dckg bench generate`` / ``dckg bench run``).

Nothing here is imported by ``dckg query`` or ``dckg build``: the benchmark is a
separate tool that drives the library the way a user would, in fresh processes.
"""
