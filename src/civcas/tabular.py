"""Reading CSV rows with the line each starts on, so every importer can say `file:line: why`.

`csv.reader` counts physical lines, and a quoted field may span several; a row starts on the
line after the previous row ended.  A row the csv module cannot read is reported, not fatal.
"""
from __future__ import annotations

import csv
from typing import Iterator


def numbered_rows(reader, first_line: int = 2) -> Iterator[tuple[int, list | dict | None, str | None]]:  # noqa: ANN001
    """(line, row, None) for each row, or (line, None, reason) for one the csv module rejects."""
    start = first_line
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield start, None, f"unreadable CSV row ({exc})"
            start = reader.line_num + 1
            continue
        line_no, start = start, reader.line_num + 1
        yield line_no, row, None
