"""Errors a user can act on. The CLI prints them as one line, never a traceback."""


class UserError(Exception):
    """Bad input or set-up: the message names the file (and line) and what is wrong."""
