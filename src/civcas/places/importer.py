"""Load GeoNames dumps into the `places` / `place_names` tables.

GeoNames country files (IQ.txt, SY.txt) and allCountries.txt share one 19-column layout;
alternateNamesV2.txt adds spellings to places already loaded; admin1CodesASCII.txt gives admin1
names.  The whole file goes in as one transaction: an import that fails half-way (bad disk, ^C,
a bug) leaves the gazetteer exactly as it was, so nobody geocodes against half a country.
A malformed line is not a reason to lose the rest: it is reported with its line number and skipped.
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, TextIO

from sqlalchemy import func, insert, select, text

from civcas.places.admin import admin1_name
from civcas.places.kinds import kind_for_feature
from civcas.places.normalize import norm_key, skeleton
from civcas.store.schema import Place, PlaceName

BATCH = 5000
GEONAMES_COLUMNS = 19
SKIP_LANGS = frozenset({"link", "post", "iata", "icao", "faac", "tcid", "unlc", "wkdt", "fr_1793", "abbr"})
Progress = Callable[[int], Any]


@dataclass
class ImportResult:
    path: str
    kind: str                                  # geonames | alternatenames | admin1
    lines: int = 0
    places: int = 0
    names: int = 0
    skipped_existing: int = 0
    skipped_unknown: int = 0                  # alternate names for places not loaded
    errors: list[tuple[int, str]] = field(default_factory=list)   # (line number, message)

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "kind": self.kind, "lines": self.lines, "places": self.places,
                "names": self.names, "skipped_existing": self.skipped_existing,
                "skipped_unknown": self.skipped_unknown,
                "errors": [{"line": n, "error": m} for n, m in self.errors]}


def _open_text(path: Path) -> TextIO:
    if path.suffix == ".zip":
        zf = zipfile.ZipFile(path)
        inner = next(n for n in zf.namelist() if n.endswith(".txt") and not n.lower().startswith("readme"))
        return io.TextIOWrapper(zf.open(inner), encoding="utf-8", newline="")
    if path.suffix == ".gz":
        import gzip

        return gzip.open(path, "rt", encoding="utf-8", newline="")
    return open(path, encoding="utf-8", newline="")


def detect_kind(path: Path, first_line: str) -> str:
    name = path.name.lower()
    if "alternatename" in name:
        return "alternatenames"
    if name.startswith("admin1"):
        return "admin1"
    ncols = first_line.rstrip("\r\n").count("\t") + 1
    if ncols == GEONAMES_COLUMNS:
        return "geonames"
    if ncols in (8, 10):
        return "alternatenames"
    if ncols == 4:
        return "admin1"
    return "geonames"


def import_geonames(engine: Any, path: str | Path, progress: Progress | None = None,
                    admin1_names: dict[str, str] | None = None) -> ImportResult:
    """Import one GeoNames file (kind detected from its name and column count) in one transaction.

    `progress(lines_read)` is called every batch; raising from it aborts and rolls back.
    """
    path = Path(path)
    with _open_text(path) as fh:
        first = fh.readline()
    kind = detect_kind(path, first)
    res = ImportResult(str(path), kind)
    with engine.begin() as conn, _open_text(path) as fh:
        if kind == "geonames":
            _import_places(conn, fh, res, progress, admin1_names)
        elif kind == "alternatenames":
            _import_altnames(conn, fh, res, progress)
        else:
            _import_admin1(conn, fh, res, progress)
    return res


def _lines(fh: TextIO) -> Iterator[tuple[int, str]]:
    for n, line in enumerate(fh, 1):
        line = line.rstrip("\r\n")
        if not line or line.startswith("#"):
            continue
        yield n, line


def _bulk_insert(conn: Any, model: Any, rows: list[dict[str, Any]]) -> None:
    """executemany straight through the driver: several times faster than Core insert() for
    hundreds of thousands of plain rows, and still inside the caller's transaction."""
    if not rows:
        return
    cols = list(rows[0])
    style = conn.dialect.paramstyle
    mark = "?" if style == "qmark" else ("%s" if style in ("format", "pyformat") else None)
    if mark is None:
        conn.execute(insert(model), rows)
        return
    table = model.__table__.name
    sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join([mark] * len(cols))})"
    conn.exec_driver_sql(sql, [tuple(r[c] for c in cols) for r in rows])


def _next_id(conn: Any, column: Any) -> int:
    return int(conn.execute(select(func.coalesce(func.max(column), 0))).scalar_one()) + 1


def _fix_sequence(conn: Any, table: str) -> None:
    """Explicit ids bypass PostgreSQL's sequence; move it past them so later inserts don't collide."""
    if conn.dialect.name == "postgresql":
        conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                          f"(SELECT COALESCE(MAX(id), 1) FROM {table}))"))


def _import_places(conn: Any, fh: TextIO, res: ImportResult, progress: Progress | None,
                   admin1_names: dict[str, str] | None) -> None:
    existing = {gid for (gid,) in conn.execute(select(Place.geonames_id).where(Place.geonames_id.is_not(None)))}
    next_pid = _next_id(conn, Place.id)
    next_nid = _next_id(conn, PlaceName.id)
    places: list[dict[str, Any]] = []
    names: list[dict[str, Any]] = []

    def flush() -> None:
        nonlocal places, names
        _bulk_insert(conn, Place, places)
        _bulk_insert(conn, PlaceName, names)
        places, names = [], []
        if progress is not None:
            progress(res.lines)

    for n, line in _lines(fh):
        res.lines += 1
        cols = line.split("\t")
        if len(cols) != GEONAMES_COLUMNS:
            res.errors.append((n, f"expected {GEONAMES_COLUMNS} tab-separated columns, got {len(cols)}"))
            continue
        try:
            gid = int(cols[0])
            lat, lon = float(cols[4]), float(cols[5])
            pop = int(cols[14]) if cols[14].strip() else 0
        except ValueError as exc:
            res.errors.append((n, f"bad number: {exc}"))
            continue
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            res.errors.append((n, f"coordinates out of range: {lat}, {lon}"))
            continue
        name = cols[1].strip()
        if not name:
            res.errors.append((n, "empty name"))
            continue
        if gid in existing:
            res.skipped_existing += 1
            continue
        existing.add(gid)
        cc = cols[8].strip() or None
        pid = next_pid
        next_pid += 1
        places.append({"id": pid, "geonames_id": gid, "name": name[:200],
                       "kind": kind_for_feature(cols[6], cols[7], pop), "lat": lat, "lon": lon,
                       "country": cc[:2] if cc else None,
                       "admin1": (admin1_name(cc, cols[10].strip(), admin1_names) or None),
                       "admin2": cols[11].strip()[:100] or None, "population": pop or None,
                       "source": f"geonames:{gid}"})
        spellings = _distinct([name, cols[2].strip(), *cols[3].split(",")])
        for sp in spellings:
            if not sp:
                continue
            names.append({"id": next_nid, "place_id": pid, "name": sp[:300], "key": norm_key(sp)[:300],
                          "skeleton": skeleton(sp)[:300], "language": None, "source": "geonames"})
            next_nid += 1
        res.places += 1
        res.names += len(spellings)
        if len(places) >= BATCH:
            flush()
    flush()
    _fix_sequence(conn, "places")
    _fix_sequence(conn, "place_names")


def _distinct(names: Iterable[str]) -> list[str]:
    """Spellings that differ only in case or spacing add nothing to the index."""
    seen: set[str] = set()
    out = []
    for n in names:
        n = n.strip()
        f = " ".join(n.casefold().split())
        if n and f not in seen:
            seen.add(f)
            out.append(n)
    return out


def _import_altnames(conn: Any, fh: TextIO, res: ImportResult, progress: Progress | None) -> None:
    by_gid = dict(conn.execute(select(Place.geonames_id, Place.id).where(Place.geonames_id.is_not(None))).all())
    have = {(pid, nm) for pid, nm in conn.execute(select(PlaceName.place_id, PlaceName.name))}
    next_nid = _next_id(conn, PlaceName.id)
    rows: list[dict[str, Any]] = []
    for n, line in _lines(fh):
        res.lines += 1
        cols = line.split("\t")
        if len(cols) < 4:
            res.errors.append((n, f"expected at least 4 tab-separated columns, got {len(cols)}"))
            continue
        try:
            gid = int(cols[1])
        except ValueError as exc:
            res.errors.append((n, f"bad geonameid: {exc}"))
            continue
        lang, name = cols[2].strip(), cols[3].strip()
        if lang in SKIP_LANGS or not name:
            continue
        pid = by_gid.get(gid)
        if pid is None:
            res.skipped_unknown += 1
            continue
        if (pid, name) in have:
            res.skipped_existing += 1
            continue
        have.add((pid, name))
        rows.append({"id": next_nid, "place_id": pid, "name": name[:300], "key": norm_key(name)[:300],
                     "skeleton": skeleton(name)[:300], "language": lang[:10] or None, "source": "geonames:alternatenames"})
        next_nid += 1
        res.names += 1
        if len(rows) >= BATCH:
            _bulk_insert(conn, PlaceName, rows)
            rows = []
            if progress is not None:
                progress(res.lines)
    _bulk_insert(conn, PlaceName, rows)
    if progress is not None:
        progress(res.lines)
    _fix_sequence(conn, "place_names")


def _import_admin1(conn: Any, fh: TextIO, res: ImportResult, progress: Progress | None) -> None:
    """admin1CodesASCII.txt: rename admin1 codes already stored ("SY.07") to their names."""
    mapping: dict[str, str] = {}
    for n, line in _lines(fh):
        res.lines += 1
        cols = line.split("\t")
        if len(cols) < 2 or "." not in cols[0]:
            res.errors.append((n, "expected 'CC.code<TAB>name'"))
            continue
        mapping[cols[0].strip()] = cols[1].strip()
    for code, name in mapping.items():
        r = conn.execute(Place.__table__.update().where(Place.admin1 == code).values(admin1=name[:100]))
        res.places += r.rowcount or 0
    if progress is not None:
        progress(res.lines)


def seed_default(engine: Any) -> ImportResult:
    """Copy the bundled gazetteer into the database so that its places get database ids."""
    from civcas.places.gazetteer import Gazetteer

    g = Gazetteer.default()
    res = ImportResult("<bundled>", "bundled")
    with engine.begin() as conn:
        existing = {gid for (gid,) in conn.execute(select(Place.geonames_id).where(Place.geonames_id.is_not(None)))}
        have_src = {(s, nm) for s, nm in conn.execute(select(Place.source, Place.name))}
        next_pid = _next_id(conn, Place.id)
        next_nid = _next_id(conn, PlaceName.id)
        places, names = [], []
        for e in g.entries:
            if (e.geonames_id and e.geonames_id in existing) or (e.source, e.name) in have_src:
                res.skipped_existing += 1
                continue
            places.append({"id": next_pid, "geonames_id": e.geonames_id, "name": e.name[:200], "kind": e.kind,
                           "lat": e.lat, "lon": e.lon, "country": e.country, "admin1": e.admin1,
                           "admin2": e.admin2, "population": e.population or None, "source": e.source})
            for sp in dict.fromkeys(e.names):
                names.append({"id": next_nid, "place_id": next_pid, "name": sp[:300],
                              "key": norm_key(sp)[:300], "skeleton": skeleton(sp)[:300],
                              "language": "ar" if _is_ar(sp) else None,
                              "source": e.source})
                next_nid += 1
            next_pid += 1
        if places:
            conn.execute(insert(Place), places)
        if names:
            conn.execute(insert(PlaceName), names)
        res.places, res.names = len(places), len(names)
        _fix_sequence(conn, "places")
        _fix_sequence(conn, "place_names")
    return res


def _is_ar(s: str) -> bool:
    from civcas.places.normalize import has_arabic

    return has_arabic(s)


def iter_geonames_rows(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    """Format dicts as GeoNames 19-column lines (used by tests and the synthetic benchmark)."""
    order = ["geonameid", "name", "asciiname", "alternatenames", "latitude", "longitude", "feature_class",
             "feature_code", "country_code", "cc2", "admin1_code", "admin2_code", "admin3_code",
             "admin4_code", "population", "elevation", "dem", "timezone", "modification_date"]
    for r in rows:
        yield "\t".join(str(r.get(k, "")) for k in order) + "\n"
