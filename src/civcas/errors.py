"""Errors meant for the user: the CLI prints their message as one line and exits non-zero.

Kept in a module of its own, importing nothing, so the CLI can catch them without loading the
database layer just to print --help."""


class CivcasError(Exception):
    """Base of every error whose message is written for the user."""


class Rejected(CivcasError):
    """A file or record that cannot become a document; str(exc) is the user's one line."""


class StoreError(CivcasError):
    """A store that cannot be opened or used."""
