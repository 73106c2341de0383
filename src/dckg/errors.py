"""Errors that map onto the CLI's exit-code contract.

0 success; 1 "does not conform / a required result is missing"; 2 usage or input
error. Library functions raise these; the click layer turns them into a one-line
message on stderr and the exit code, never a traceback.
"""


class DckgError(Exception):
    """Bad input or usage: the CLI prints the message and exits 2."""

    exit_code = 2


class NotConformingError(DckgError):
    """The input was read but fails a check (SHACL, a violation query, a diff): exit 1."""

    exit_code = 1
