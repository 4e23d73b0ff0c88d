"""Declared strikes: the military's own ledger, read from its releases, and matched to incidents."""
from civcas.strikes.releases import (ParseError, ReleaseParse, iter_releases, parse_many,
                                     parse_release_text, parse_releases)

__all__ = ["ParseError", "ReleaseParse", "iter_releases", "parse_many", "parse_release_text",
           "parse_releases"]
