"""``python -m dckg``: the command line."""

from dckg.cli import main

main()
