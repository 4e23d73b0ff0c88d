"""Tally: the two ledgers month by month, and the gap between them."""
