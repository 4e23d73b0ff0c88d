"""What every importer of other people's files shares: decoding their bytes, naming a bad row
by `file:line`, and reading CSV rows with the line each starts on.

`csv.reader` counts physical lines, and a quoted field may span several; a row starts on the
line after the previous row ended.  A row the csv module cannot read is reported, not fatal.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from typing import Iterator


@dataclass
class ParseError:
    """One row or file we could not read; `line` is 1-based in the file, None for the whole file."""

    file: str
    line: int | None
    message: str
    severity: str = "error"          # "warning": the data was read, but a reader should know why

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.message}"


def decode(raw: bytes) -> tuple[str | None, str | None]:
    """Text and a note, or None and the reason.  UTF-8 first; cp1252 is what Office exports."""
    if not raw.strip():
        return None, "file is empty"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), None
        except UnicodeDecodeError:
            return None, "file starts with a UTF-16 mark but does not decode as UTF-16"
    sample = raw[:8192]
    controls = sum(1 for b in sample if b < 32 and b not in (0, 9, 10, 12, 13))
    if sample.count(b"\x00") > max(2, len(sample) // 100) or controls > len(sample) * 0.05:
        return None, "binary content, not a text, CSV or HTML release"
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            return None, f"not UTF-8 (bad byte at offset {exc.start}) and not Windows-1252 either"
        return text, f"not UTF-8 (bad byte at offset {exc.start}); read as Windows-1252"
    return text, None


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
