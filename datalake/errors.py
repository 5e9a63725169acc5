"""The one error type users see: what went wrong, where, and what to do."""


class DatalakeError(Exception):
    """A problem the user can act on; its message is the one line the CLI prints."""
