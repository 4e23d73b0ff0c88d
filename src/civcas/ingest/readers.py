"""Readers turn one file into documents.  Each format is a small class behind one interface,
chosen by the file's extension (the way Bellingcat's auto-archiver chooses its steps), so a new
format is one class and one line in READERS.

A reader never half-succeeds: it returns every document of the file, or raises `Rejected` with a
one-line reason that says what is wrong and where.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from civcas.errors import Rejected
from civcas.records import DocumentRecord

MAX_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl")




@dataclass
class Metadata:
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    published: dt.date | None = None
    language: str | None = None

    def merged(self, other: "Metadata") -> "Metadata":
        """Fields of `other` win where they are set (a sidecar beats what we sniffed)."""
        return Metadata(**{k: getattr(other, k) or getattr(self, k) for k in self.__dataclass_fields__})


def sha256(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def parse_date(value: Any) -> dt.date | None:
    """Metadata dates: ISO dates and datetimes first (fast, exact), then dateparser for the rest."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", text)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            raise Rejected(f"published date {text!r} is not a real date") from None
    import dateparser

    parsed = dateparser.parse(text, settings={"PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": False},
                              languages=["en", "ar", "fr"])
    if parsed is None:
        raise Rejected(f"cannot read the published date {text!r}")
    return parsed.date()


def metadata_from(obj: dict[str, Any]) -> Metadata:
    def first(*keys: str) -> Any:
        for k in keys:
            if obj.get(k) not in (None, ""):
                return obj[k]
        return None

    return Metadata(
        url=_str(first("url", "original_url", "link")),
        title=_str(first("title", "page_title", "article_title", "headline")),
        publisher=_str(first("publisher", "source", "outlet", "site")),
        published=parse_date(first("published", "publication_date", "date", "published_date")),
        language=_str(first("language", "lang")),
    )


def _str(value: Any) -> str | None:
    if value is None:
        return None
    return str(value).strip()[:1000] or None


def decode(raw: bytes, where: str) -> str:
    """Strict decoding: a wrong encoding is named, never guessed into mojibake."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise Rejected(f"{where}: invalid UTF-16 at byte {exc.start}") from None
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise Rejected(f"{where}: binary content (NUL byte at offset {nul}), not a text document")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Rejected(f"{where}: not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start}); "
                       "convert the file to UTF-8") from None
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 8:
        raise Rejected(f"{where}: binary content ({controls} control characters in the first 4 KB)")
    return text


def clean_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.strip("\n")


def guess_language(text: str) -> str:
    sample = text[:5000]
    letters = [ch for ch in sample if ch.isalpha()]
    if not letters:
        return "und"
    arabic = sum(1 for ch in letters if "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f")
    return "ar" if arabic / len(letters) > 0.3 else "en"


def sniff_header(text: str) -> Metadata:
    """Saved articles often open with a title line, an outlet line and a date line; read them,
    but only from the first few short lines, so that body dates are never taken for the dateline."""
    from civcas.extract import find_published

    lines = [ln.strip() for ln in text.split("\n")[:6]]
    title = lines[0] if lines and 0 < len(lines[0]) <= 200 else None
    return Metadata(title=title, published=find_published(text))


def make_document(raw: bytes, text: str, meta: Metadata, origin: str, media_type: str) -> DocumentRecord:
    text = clean_text(text)
    if not text.strip():
        raise Rejected(f"{origin}: no text in the document")
    return DocumentRecord(
        sha256=sha256(raw), raw=raw, text=text, url=meta.url, title=meta.title,
        publisher=meta.publisher, language=meta.language or guess_language(text),
        published=meta.published, retrieved_at=dt.datetime.now(dt.timezone.utc), origin=origin,
        media_type=media_type,
    )


class Reader:
    suffixes: ClassVar[tuple[str, ...]] = ()
    media_type: ClassVar[str] = "text/plain"

    def read(self, raw: bytes, origin: str, sidecar: Metadata) -> list[DocumentRecord]:
        raise NotImplementedError


class TextReader(Reader):
    suffixes = (".txt",)

    def read(self, raw: bytes, origin: str, sidecar: Metadata) -> list[DocumentRecord]:
        text = decode(raw, origin)
        meta = sniff_header(text).merged(sidecar)
        return [make_document(raw, text, meta, origin, self.media_type)]


class MarkdownReader(Reader):
    """Markdown with optional YAML front matter (title, publisher, url, published, language)."""

    suffixes = (".md", ".markdown")
    media_type = "text/markdown"

    def read(self, raw: bytes, origin: str, sidecar: Metadata) -> list[DocumentRecord]:
        import frontmatter
        import yaml

        text = decode(raw, origin)
        try:
            post = frontmatter.loads(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" line {mark.line + 1}" if mark else ""
            raise Rejected(f"{origin}:{where} malformed front matter") from None
        if not isinstance(post.metadata, dict):
            raise Rejected(f"{origin}: front matter is not a mapping")
        meta = metadata_from(post.metadata)
        if not post.metadata:
            meta = sniff_header(post.content)
        return [make_document(raw, post.content, meta.merged(sidecar), origin, self.media_type)]


class HtmlReader(Reader):
    """Main text by trafilatura: boilerplate, scripts and styles never reach the stored text."""

    suffixes = (".html", ".htm")
    media_type = "text/html"

    def read(self, raw: bytes, origin: str, sidecar: Metadata) -> list[DocumentRecord]:
        import trafilatura

        html = decode(raw, origin)
        text = trafilatura.extract(html, output_format="txt", include_comments=False,
                                   include_tables=True, favor_recall=True)
        if not text:
            raise Rejected(f"{origin}: no readable article text in the HTML")
        found = trafilatura.extract_metadata(html)
        meta = Metadata()
        if found is not None:
            meta = Metadata(url=found.url, title=found.title, publisher=found.sitename,
                            published=_safe_date(found.date))
        if meta.published is None:
            meta.published = sniff_header(text).published
        return [make_document(raw, text, meta.merged(sidecar), origin, self.media_type)]


def _safe_date(value: str | None) -> dt.date | None:
    try:
        return parse_date(value)
    except Rejected:
        return None


class JsonReader(Reader):
    """A document object, a list of them, or {"documents": [...]}; each needs a `text` field."""

    suffixes = (".json",)
    media_type = "application/json"

    def read(self, raw: bytes, origin: str, sidecar: Metadata) -> list[DocumentRecord]:
        text = decode(raw, origin)
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise Rejected(f"{origin}: line {exc.lineno} column {exc.colno}: invalid JSON ({exc.msg})") from None
        if isinstance(data, dict) and isinstance(data.get("documents"), list):
            data = data["documents"]
        items = data if isinstance(data, list) else [data]
        return [json_document(item, f"{origin}#{i}" if len(items) > 1 else origin, sidecar)
                for i, item in enumerate(items)]


class JsonlReader(Reader):
    suffixes = (".jsonl",)
    media_type = "application/json"

    def read(self, raw: bytes, origin: str, sidecar: Metadata) -> list[DocumentRecord]:
        text = decode(raw, origin)
        docs = []
        for lineno, line in enumerate(text.split("\n"), 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                raise Rejected(f"{origin}:{lineno}: invalid JSON ({exc.msg} at column {exc.colno})") from None
            docs.append(json_document(item, f"{origin}:{lineno}", sidecar))
        if not docs:
            raise Rejected(f"{origin}: no documents in the file")
        return docs


def json_document(item: Any, origin: str, sidecar: Metadata) -> DocumentRecord:
    if not isinstance(item, dict):
        raise Rejected(f"{origin}: a document must be a JSON object")
    text = item.get("text") or item.get("content") or item.get("body") or item.get("article_content")
    if not isinstance(text, str) or not text.strip():
        raise Rejected(f"{origin}: the document has no `text` field")
    # The document's own bytes: its object, canonically serialised, so the same record twice
    # is stored once wherever it appears.
    raw = json.dumps(item, ensure_ascii=False, sort_keys=True).encode("utf-8")
    meta = metadata_from(item).merged(sidecar)
    if meta.published is None:
        meta.published = sniff_header(text).published
    return make_document(raw, text, meta, origin, "application/json")


READERS: tuple[Reader, ...] = (TextReader(), MarkdownReader(), HtmlReader(), JsonReader(), JsonlReader())


def reader_for(path: Path) -> Reader | None:
    suffix = path.suffix.lower()
    return next((r for r in READERS if suffix in r.suffixes), None)


def sidecar_for(path: Path) -> Metadata:
    """`article.txt.meta.json` or `article.meta.json` beside the file carries its metadata."""
    for candidate in (path.with_name(path.name + ".meta.json"), path.with_suffix(".meta.json")):
        if candidate.is_file() and candidate != path:
            try:
                data = json.loads(candidate.read_text(encoding="utf-8"))
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                raise Rejected(f"{candidate}: unreadable sidecar metadata ({exc})") from None
            if not isinstance(data, dict):
                raise Rejected(f"{candidate}: sidecar metadata must be a JSON object")
            return metadata_from(data)
    return Metadata()


def read_file(path: Path, max_bytes: int = MAX_BYTES) -> list[DocumentRecord]:
    origin = str(path)
    reader = reader_for(path)
    if reader is None:
        raise Rejected(f"{origin}: unsupported file type {path.suffix or '(none)'!r}; "
                       f"civcas reads {', '.join(TEXT_SUFFIXES)}")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise Rejected(f"{origin}: cannot read ({exc.strerror})") from None
    if size == 0:
        raise Rejected(f"{origin}: empty file")
    if size > max_bytes:
        raise Rejected(f"{origin}: file too large ({size / 1e6:.1f} MB; the limit is "
                       f"{max_bytes / 1e6:.0f} MB, raise it with --max-bytes)")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise Rejected(f"{origin}: cannot read ({exc.strerror})") from None
    return reader.read(raw, origin, sidecar_for(path))


def is_sidecar(path: Path) -> bool:
    return path.name.endswith(".meta.json")
