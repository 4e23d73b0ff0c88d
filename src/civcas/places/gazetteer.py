"""An in-memory gazetteer index and the resolver that turns place phrases into Geocodes.

Everything is held in plain dicts keyed by spelling keys (see normalize.py) so that a lookup is a
couple of hash probes; the database is read once at load time.  Results are cached per
(query, context) because reports repeat the same few hundred names thousands of times.
"""
from __future__ import annotations

import csv
import gzip
import io
import math
import re
from dataclasses import dataclass, field, replace
from importlib import resources
from typing import Any, Iterable

from civcas.places import mgrs_ref
from civcas.places.admin import COUNTRY_NAMES
from civcas.places.context import (GeocodeContext, Parsed, detect_country, distance_km, offset, parse,
                                   parse_stripped, strip_fillers)
from civcas.places.kinds import ADMIN_KINDS, KIND_WEIGHT, PRECISION
from civcas.places.normalize import has_arabic, norm_key, skeleton
from civcas.records import Geocode

MAX_CANDIDATES = 5
SKELETON_MIN_SIMILARITY = 0.8
FUZZY_MIN_SIMILARITY = 0.85
# words that name no place but share a skeleton with some ("Centre" ~ "Quneitra")
STOPWORDS = frozenset({"centre", "center", "city", "town", "village", "area", "region", "unknown",
                       "various", "multiple", "location", "locations", "downtown", "the", "north",
                       "south", "east", "west", "district", "province", "governorate", "countryside"})
CACHE_LIMIT = 500_000


@dataclass(slots=True)
class Entry:
    idx: int
    name: str
    kind: str
    lat: float
    lon: float
    country: str | None
    admin1: str | None
    population: int
    source: str
    place_id: int | None = None
    geonames_id: int | None = None
    admin2: str | None = None
    names: list[str] = field(default_factory=list)

    def candidate(self, score: float) -> dict[str, Any]:
        return {"name": self.name, "lat": round(self.lat, 6), "lon": round(self.lon, 6),
                "country": self.country, "admin1": self.admin1, "kind": self.kind,
                "population": self.population or None, "place_id": self.place_id,
                "source": self.source, "score": round(score, 3)}


@dataclass
class _Hit:
    entry: Entry
    score: float
    level: str


class Gazetteer:
    """Name index over places; `geocode` is the one entry point callers need."""

    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self._norm: dict[str, list[int]] = {}
        self._skel: dict[str, list[int]] = {}
        self._by_geonames: dict[int, int] = {}
        self._governorates: dict[tuple[str | None, str], int] = {}
        self._cache: dict[tuple, Geocode] = {}
        self._deletions: dict[str, list[str]] | None = None
        self._keys: dict[int, tuple[int, frozenset[str], frozenset[str]]] = {}
        self._deletions_n = -1

    # ------------------------------------------------------------------ building
    def add_place(self, name: str, kind: str, lat: float, lon: float, country: str | None = None,
                  admin1: str | None = None, population: int | None = None, source: str = "",
                  names: Iterable[str] = (), place_id: int | None = None,
                  geonames_id: int | None = None, admin2: str | None = None,
                  index_name: bool = True) -> Entry:
        e = Entry(len(self.entries), name, kind, float(lat), float(lon), country, admin1 or None,
                  int(population or 0), source, place_id, geonames_id, admin2)
        self.entries.append(e)
        if geonames_id:
            self._by_geonames[geonames_id] = e.idx
        self.add_names(e, [name, *names] if index_name else names)
        if kind == "governorate" and admin1:
            self._governorates[(country, admin1)] = e.idx
        self._cache.clear()
        return e

    def add_names(self, e: Entry, names: Iterable[str]) -> None:
        for n in names:
            n = (n or "").strip()
            if n:
                self._index(e, n, None, None)
        self._cache.clear()

    def _index(self, e: Entry, n: str, key: str | None, skel: str | None) -> None:
        """Index one spelling; stored keys (from the DB) save recomputing them at load time."""
        e.names.append(n)
        forms: list[tuple[str | None, str | None, str]] = [(key, skel, n)]
        if " " in n:
            bare = strip_fillers(n)        # "قرية X" / "X village" are indexed as X too
            if bare and bare != n:
                forms.append((None, None, bare))
        idx = e.idx
        for k, s, form in forms:
            k = k if k is not None else norm_key(form)
            if k:
                lst = self._norm.get(k)
                if lst is None:
                    self._norm[k] = [idx]
                elif idx not in lst:
                    lst.append(idx)
            s = s if s is not None else skeleton(form)
            if len(s) >= 2:
                lst = self._skel.get(s)
                if lst is None:
                    self._skel[s] = [idx]
                elif idx not in lst:
                    lst.append(idx)

    def by_geonames_id(self, gid: int) -> Entry | None:
        i = self._by_geonames.get(gid)
        return self.entries[i] if i is not None else None

    def __len__(self) -> int:
        return len(self.entries)

    # ------------------------------------------------------------------ loading
    @classmethod
    def default(cls) -> "Gazetteer":
        """Bundled offline gazetteer for Iraq and Syria (GeoNames extract + hand-entered places)."""
        global _DEFAULT
        if _DEFAULT is None:
            g = cls()
            g.load_bundled()
            _DEFAULT = g
        return _DEFAULT.copy()

    def copy(self) -> "Gazetteer":
        g = Gazetteer()
        g.entries = [replace(e, names=list(e.names)) for e in self.entries]
        g._norm = {k: list(v) for k, v in self._norm.items()}
        g._skel = {k: list(v) for k, v in self._skel.items()}
        g._by_geonames = dict(self._by_geonames)
        g._governorates = dict(self._governorates)
        return g

    def load_bundled(self) -> None:
        for row in bundled_rows():
            gid = row.get("geonames_id")
            if gid and row.get("merge") and self.by_geonames_id(gid):
                e = self.by_geonames_id(gid)
                assert e is not None
                self.add_names(e, row["names"])
                if row.get("kind"):
                    e.kind = row["kind"]
                continue
            self.add_place(row["name"], row["kind"], row["lat"], row["lon"], row["country"],
                           row["admin1"], row["population"], row["source"], row["names"],
                           place_id=None, geonames_id=gid)

    @classmethod
    def from_engine(cls, engine: Any, include_default: bool = True) -> "Gazetteer":
        """Index the `places`/`place_names` tables; bundled places fill in what the DB lacks.

        Bundled places that the database already holds (same GeoNames id) are not doubled; the
        ones it lacks are added with place_id None so a caller can tell they are not DB rows.
        """
        from sqlalchemy import select

        from civcas.store.schema import Place, PlaceName

        g = cls()
        with engine.connect() as conn:
            by_pid: dict[int, Entry] = {}
            for r in conn.execute(select(Place.id, Place.name, Place.kind, Place.lat, Place.lon,
                                         Place.country, Place.admin1, Place.admin2, Place.population,
                                         Place.source, Place.geonames_id)):
                by_pid[r.id] = g.add_place(r.name, r.kind, r.lat, r.lon, r.country, r.admin1, r.population,
                                           r.source, (), place_id=r.id, geonames_id=r.geonames_id,
                                           admin2=r.admin2, index_name=False)
            for pid, nm, key, skel in conn.execute(select(PlaceName.place_id, PlaceName.name, PlaceName.key,
                                                          PlaceName.skeleton)):
                e = by_pid.get(pid)
                if e is not None and nm:
                    g._index(e, nm, key, skel)
            for e in by_pid.values():
                if e.name not in e.names:       # rows written without their own name as a spelling
                    g._index(e, e.name, None, None)
            g._cache.clear()
        if include_default:
            have_src = {(e.source, e.name) for e in g.entries}
            for row in bundled_rows():
                gid = row.get("geonames_id")
                # Looked up as we go: a hand-entered row that merges into a GeoNames place must
                # find it whether the database holds it or this loop has just added it.
                existing = g.by_geonames_id(gid) if gid else None
                if existing is not None:
                    if row.get("merge"):
                        g.add_names(existing, row["names"])
                        if row.get("kind") and existing.place_id is None:
                            existing.kind = row["kind"]
                    continue
                if (row["source"], row["name"]) in have_src:
                    continue
                if row.get("merge") and gid:
                    continue
                g.add_place(row["name"], row["kind"], row["lat"], row["lon"], row["country"],
                            row["admin1"], row["population"], row["source"], row["names"],
                            geonames_id=gid)
        return g

    # ------------------------------------------------------------------ lookup
    def lookup(self, name: str, country: str | None = None, near: tuple[float, float] | None = None,
               admin1: str | None = None, kinds: Iterable[str] | None = None,
               context_points: list[tuple[float, float]] | None = None) -> list[_Hit]:
        """Scored candidates for one bare name (no qualifiers), best first."""
        name = (name or "").strip()
        if not name or name.lower() in STOPWORDS:
            return []
        k = norm_key(name)
        s = skeleton(name)
        found: dict[int, str] = {}
        for i in self._norm.get(k, ()):
            found[i] = "name"
        if len(s) >= 2:
            for i in self._skel.get(s, ()):
                found.setdefault(i, "skeleton")
        if not found and len(s) >= 3 and len(k) >= 6:   # short names have too many neighbours
            for i in self._fuzzy_ids(s):
                found.setdefault(i, "fuzzy")
        if not found:
            return []
        kinds = set(kinds) if kinds else None
        hits = []
        for i, level in found.items():
            e = self.entries[i]
            if kinds and e.kind not in kinds:
                continue
            if level == "skeleton" and e.kind == "country":
                continue                     # "Iraq" and "Raqqa" share a skeleton
            if country and e.country and e.country != country:
                continue                     # the document's country rules namesakes out
            if level == "name":
                sc = 8.0
            else:
                sim = _similarity(name, self._script_keys(e))
                need = SKELETON_MIN_SIMILARITY if level == "skeleton" else FUZZY_MIN_SIMILARITY
                if sim < need:
                    continue                 # same consonants, different name ("Barouda"/"Yabrud")
                sc = (2.0 if len(s) >= 3 else 1.0) + 2.0 * sim - (1.0 if level == "fuzzy" else 0.0)
            sc += KIND_WEIGHT.get(e.kind, 0.1)
            sc += 0.3 * math.log10(1 + e.population)
            if e.kind == "neighbourhood" and not near:
                sc -= 1.0
            if admin1 and e.admin1:
                sc += 1.0 if _same_admin(admin1, e.admin1) else 0.0
            if near is not None:
                d = distance_km(near[0], near[1], e.lat, e.lon)
                sc += 4.0 if d <= 30 else (2.0 if d <= 60 else (0.5 if d <= 120 else -1.0))
            if context_points:
                d = min(distance_km(p[0], p[1], e.lat, e.lon) for p in context_points)
                sc += 1.5 if d <= 40 else (0.6 if d <= 100 else 0.0)
            hits.append(_Hit(e, sc, level))
        hits.sort(key=lambda h: (-h.score, h.entry.idx))
        return hits

    def _script_keys(self, e: Entry) -> tuple[frozenset[str], frozenset[str]]:
        keys = self._keys.get(e.idx)
        if keys is None or keys[0] != len(e.names):
            latin, arabic = set(), set()
            for n in e.names:
                (arabic if has_arabic(n) else latin).add(norm_key(n))
            keys = (len(e.names), frozenset(latin), frozenset(arabic))
            self._keys[e.idx] = keys
        return keys[1], keys[2]

    def _fuzzy_ids(self, s: str) -> set[int]:
        """Places whose skeleton is one consonant away ("Dayz Az Zawr" for "Dayr az Zawr").

        The deletion index is built on first use: most callers never need it."""
        if self._deletions is None or self._deletions_n != len(self._skel):
            dels: dict[str, list[str]] = {}
            for k in self._skel:
                if len(k) >= 3:
                    for j in range(len(k)):
                        dels.setdefault(k[:j] + k[j + 1:], []).append(k)
            self._deletions, self._deletions_n = dels, len(self._skel)
        keys: set[str] = set(self._deletions.get(s, ()))          # query lacks a consonant
        for j in range(len(s)):
            d = s[:j] + s[j + 1:]
            if d in self._skel and len(d) >= 3:
                keys.add(d)                                        # query has one too many
            keys.update(self._deletions.get(d, ()))                # one consonant differs
        out: set[int] = set()
        for k in keys:
            out.update(self._skel[k])
        return out

    def governorate_of(self, e: Entry) -> Entry | None:
        if e.kind == "governorate":
            return e
        i = self._governorates.get((e.country, e.admin1 or ""))
        return self.entries[i] if i is not None else None

    def country_entry(self, cc: str) -> Entry | None:
        for i in self._norm.get(norm_key(COUNTRY_NAMES.get(cc, cc)), ()):
            if self.entries[i].kind == "country":
                return self.entries[i]
        return None

    # ------------------------------------------------------------------ geocode
    def geocode(self, query: str, context: GeocodeContext | None = None) -> Geocode:
        """Resolve a place phrase as a report writes it; never claims more precision than it says."""
        ck = (query, context.key() if context else None)
        hit = self._cache.get(ck)
        if hit is not None:
            return replace(hit, candidates=list(hit.candidates))
        result = self._geocode(query, context)
        if len(self._cache) >= CACHE_LIMIT:
            self._cache.clear()
        self._cache[ck] = result
        return replace(result, candidates=list(result.candidates))

    def _geocode(self, query: str, context: GeocodeContext | None) -> Geocode:
        q = (query or "").strip()
        if not q or not re.search(r"[^\W\d_]", q):
            return Geocode(query=query, reason="empty query: no place named")
        ref = mgrs_ref.find(q)
        if ref is not None:
            return self._from_mgrs(query, ref)
        p = parse(q)
        whole = parse_stripped(q)
        country = p.country or (context.country if context else None)
        if not country and context and context.text:
            country = detect_country(context.text)
        if not country:
            country = detect_country(q) if p.level != "country" else None
        admin1 = context.admin1 if context else None
        ctx_points: list[tuple[float, float]] = []
        if context and context.places:
            for other in context.places:
                if other and other != query:
                    o = self.geocode(other, GeocodeContext(country=country))
                    if o.lat is not None and o.precision is not None and o.precision <= 2:
                        ctx_points.append((o.lat, o.lon))
        if whole and whole != (p.main or ""):
            hits = [h for h in self.lookup(whole, country, None, admin1, None, ctx_points) if h.level == "name"]
            if hits:
                return self._answer(query, hits[0].entry, hits, PRECISION.get(hits[0].entry.kind, 1))
        g = (self._in_container(query, p, country, admin1, ctx_points) if p.container
             else self._resolve(query, p, country, admin1, ctx_points))
        for alt in p.alternatives if g.lat is None else ():
            g2 = self._geocode(alt, context)
            if g2.lat is not None:
                g2.query = query
                return g2
        return g

    def _in_container(self, query: str, p: Parsed, country: str | None, admin1: str | None,
                      ctx_points: list[tuple[float, float]]) -> Geocode:
        """"Hajin: house near the mosque": the detail if we know it near Hajin, else Hajin."""
        chits = self._hits_for(p.container or "", country, admin1, ctx_points, None)
        inner = replace(p, container=None)
        if not chits:
            return self._resolve(query, inner, country, admin1, ctx_points)
        c = chits[0].entry
        if c.kind in ADMIN_KINDS:
            # "Anbar's Hit district": the container only narrows the namesakes down
            g = self._resolve(query, inner, country, c.admin1 or admin1, ctx_points)
            if g.lat is not None and (_same_admin(c.admin1, g.admin1) or
                                      distance_km(c.lat, c.lon, g.lat, g.lon) <= 250):
                return g
            return self._answer(query, c, chits, PRECISION.get(c.kind, 4))
        if inner.level == "district":
            inner.level = None               # "Al Sha'afa: Al-Kashma district" is a part of a village
        g = self._resolve(query, inner, country, admin1, ctx_points + [(c.lat, c.lon)])
        if g.lat is not None and distance_km(c.lat, c.lon, g.lat, g.lon) <= 30:
            return g
        prec = PRECISION.get(c.kind, 1)
        if c.kind not in ADMIN_KINDS and not (p.sub_place or p.between or p.relation in (None, "in")):
            prec = max(prec, 2)
        return self._answer(query, c, chits, prec)

    def _resolve(self, query: str, p: Parsed, country: str | None, admin1: str | None,
                 ctx_points: list[tuple[float, float]]) -> Geocode:
        if p.level == "country" and p.country:
            e = self.country_entry(p.country)
            if e:
                return self._answer(query, e, [_Hit(e, 10.0, "name")], 5)
        if p.between:
            return self._between(query, p, country, admin1, ctx_points)
        anchor_hits: list[_Hit] = []
        anchor: Entry | None = None
        if p.anchor:
            anchor_level = p.anchor_level or (p.level if not p.main else None)
            anchor_hits = self._hits_for(p.anchor, country, admin1, ctx_points, anchor_level)
            if anchor_hits:
                anchor = anchor_hits[0].entry
        if p.main and p.relation == "pair":
            return self._pair(query, p, country, admin1, ctx_points)
        if p.main:
            near = (anchor.lat, anchor.lon) if anchor is not None and anchor.kind not in ("country",) else None
            kinds = _level_kinds(p.level)
            a1 = anchor.admin1 if anchor is not None and anchor.kind == "governorate" else admin1
            hits = self.lookup(p.main, country, near if anchor is None or anchor.kind != "governorate" else None,
                               a1, kinds, ctx_points)
            if anchor is not None:
                limit = 250 if anchor.kind in ADMIN_KINDS else 60
                hits = [h for h in hits if distance_km(anchor.lat, anchor.lon, h.entry.lat, h.entry.lon) <= limit
                        or (anchor.kind == "governorate" and _same_admin(anchor.admin1, h.entry.admin1))]
            if not hits and anchor is not None and anchor.kind not in ADMIN_KINDS:
                # "X in eastern Deir ez-Zor": the anchor may name the governorate, not the city
                gov = self.governorate_of(anchor)
                if gov is not None:
                    hits = [h for h in self.lookup(p.main, country, None, gov.admin1, _level_kinds(p.level), ctx_points)
                            if _same_admin(gov.admin1, h.entry.admin1)
                            or distance_km(anchor.lat, anchor.lon, h.entry.lat, h.entry.lon) <= 150]
            if not hits and p.level:
                hits = self.lookup(p.main, country, None, admin1, None, ctx_points)
            if hits:
                best = hits[0].entry
                prec = PRECISION.get(best.kind, 1)
                if p.level == "governorate" and best.kind != "governorate":
                    gov = self.governorate_of(best)
                    if gov is not None:
                        return self._answer(query, gov, hits, 4)
                    return self._answer(query, best, hits, 4)
                if p.level == "district" and best.kind not in ("district", "subdistrict"):
                    return self._answer(query, best, hits, 3)
                return self._answer(query, best, hits, prec)
            if p.feature_of and anchor is None:
                fh = self.lookup(p.feature_of, country, None, admin1, None, ctx_points)
                if fh:
                    e = fh[0].entry
                    prec = PRECISION.get(e.kind, 1) if e.kind in ADMIN_KINDS else 2
                    return self._answer(query, e, fh, prec,
                                        note=f"'{p.main}' not in gazetteer; located by '{p.feature_of}'")
            if anchor is not None:
                prec = PRECISION.get(anchor.kind, 1)
                if anchor.kind not in ADMIN_KINDS:
                    if not (p.sub_place and anchor.kind in ("city", "town")):
                        prec = max(prec, 2)
                return self._answer(query, anchor, anchor_hits, prec,
                                    note=f"'{p.main}' not in gazetteer; located by '{p.anchor}'")
            part = self._known_prefix(p.main, country, admin1, ctx_points)
            if part is not None:
                head, hits = part
                e = hits[0].entry
                prec = PRECISION.get(e.kind, 1) if e.kind in ADMIN_KINDS else 2
                return self._answer(query, e, hits, prec,
                                    note=f"'{p.main}' not in gazetteer; located by its known part '{head}'")
            return Geocode(query=query, reason=f"no gazetteer entry matches '{p.main}'")
        if anchor is not None:
            prec = PRECISION.get(anchor.kind, 1)
            lat, lon = anchor.lat, anchor.lon
            if p.relation in ("near", "direction") and anchor.kind not in ADMIN_KINDS:
                prec = max(prec, 2)
                if p.relation == "direction" and p.offset_km:
                    lat, lon = offset(lat, lon, p.direction, min(p.offset_km, 100.0))
                    if p.offset_km > 25:
                        prec = 3
            elif p.relation == "part" and anchor.kind not in ADMIN_KINDS:
                km = 3.0 if anchor.population >= 200_000 else (1.5 if anchor.population >= 20_000 else 0.5)
                lat, lon = offset(lat, lon, p.direction, km)
            return self._answer(query, anchor, anchor_hits, prec, lat=lat, lon=lon)
        what = p.anchor or p.main or query
        return Geocode(query=query, reason=f"no gazetteer entry matches '{what}'")

    def _known_prefix(self, name: str, country: str | None, admin1: str | None,
                      ctx_points: list[tuple[float, float]]) -> tuple[str, list[_Hit]] | None:
        """"Hajin pocket", "Raqqa al Samra": a longer name that starts with a known place is,
        at best, near it (precision 2).  Only exact spellings count, never the skeleton."""
        ws = name.split()
        for n in range(len(ws) - 1, 0, -1):
            head = " ".join(ws[:n])
            if len(head) < 4 or head.lower() in STOPWORDS or norm_key(head) in ("", "abu", "umm", "tal", "ayn", "dayr", "kafr", "jabal", "wadi", "bir", "khirbat", "mazraa", "kasrat", "tal", "hayy", "jisr", "ras"):
                continue
            hits = [h for h in self.lookup(head, country, None, admin1, None, ctx_points) if h.level == "name"]
            if hits:
                return head, hits
        return None

    def _pair(self, query: str, p: Parsed, country: str | None, admin1: str | None,
              ctx_points: list[tuple[float, float]]) -> Geocode:
        """"X, Y": reports write both "village, district" and "city, quarter"; take the more
        specific of the two when they are close, else the better-matched one."""
        a = self.lookup(p.main or "", country, None, admin1, None, ctx_points)
        b = self._hits_for(p.anchor or "", country, admin1, ctx_points, p.anchor_level)
        pairs = [(x, y) for x in a[:5] for y in b[:5] if x.entry is not y.entry]
        if a and b and pairs:
            best = min(pairs,
                       key=lambda xy: distance_km(xy[0].entry.lat, xy[0].entry.lon, xy[1].entry.lat, xy[1].entry.lon))
            x, y = best
            if distance_km(x.entry.lat, x.entry.lon, y.entry.lat, y.entry.lon) <= 60:
                pick = x if _SPECIFIC.get(x.entry.kind, 0) >= _SPECIFIC.get(y.entry.kind, 0) else y
                hits = [pick] + [h for h in (a + b) if h is not pick]
                return self._answer(query, pick.entry, hits, PRECISION.get(pick.entry.kind, 1))
            a = [h for h in a if h.level == "name"] or a
            b = [h for h in b if h.level == "name"] or b
            first = a[0] if a[0].score >= b[0].score - 1.0 else b[0]
            return self._answer(query, first.entry, a + b, PRECISION.get(first.entry.kind, 1))
        if a:
            return self._answer(query, a[0].entry, a, PRECISION.get(a[0].entry.kind, 1))
        if b:
            e = b[0].entry
            prec = PRECISION.get(e.kind, 1)
            if e.kind not in ADMIN_KINDS and not (p.sub_place and e.kind in ("city", "town")):
                prec = max(prec, 2)
            return self._answer(query, e, b, prec, note=f"'{p.main}' not in gazetteer; located by '{p.anchor}'")
        return Geocode(query=query, reason=f"no gazetteer entry matches '{p.main}' or '{p.anchor}'")

    def _hits_for(self, name: str, country: str | None, admin1: str | None,
                  ctx_points: list[tuple[float, float]], level: str | None) -> list[_Hit]:
        hits = self.lookup(name, country, None, admin1, _level_kinds(level), ctx_points)
        if not hits and level:
            hits = self.lookup(name, country, None, admin1, None, ctx_points)
            if hits and level == "governorate":
                gov = self.governorate_of(hits[0].entry)
                if gov is not None:
                    hits = [_Hit(gov, hits[0].score, "admin")] + hits
        return hits

    def _between(self, query: str, p: Parsed, country: str | None, admin1: str | None,
                 ctx_points: list[tuple[float, float]]) -> Geocode:
        found = []
        for part in p.between:
            sub = parse(part)
            nm = sub.main or sub.anchor
            hits = self.lookup(nm, country, None, admin1, None, ctx_points) if nm else []
            hits = [h for h in hits if h.entry.kind not in ADMIN_KINDS] or hits
            if hits:
                found.append(hits)
        if not found:
            return Geocode(query=query, reason="no gazetteer entry matches either end of 'between'")
        if len(found) == 2:
            a, b = found[0][0].entry, found[1][0].entry
            # pick the closest pair of namesakes
            best = min(((x, y) for x in found[0][:5] for y in found[1][:5]),
                       key=lambda xy: distance_km(xy[0].entry.lat, xy[0].entry.lon, xy[1].entry.lat, xy[1].entry.lon))
            a, b = best[0].entry, best[1].entry
            d = distance_km(a.lat, a.lon, b.lat, b.lon)
            if d <= 50:
                g = self._answer(query, a, found[0] + found[1], 2, lat=(a.lat + b.lat) / 2, lon=(a.lon + b.lon) / 2)
                g.name = f"between {a.name} and {b.name}"
                g.place_id = None
                return g
        hits = found[0]
        return self._answer(query, hits[0].entry, hits, max(2, PRECISION.get(hits[0].entry.kind, 1)))

    def _answer(self, query: str, e: Entry, hits: list[_Hit], precision: int, lat: float | None = None,
                lon: float | None = None, note: str | None = None) -> Geocode:
        seen, cands = set(), []
        for h in hits:
            if h.entry.idx in seen:
                continue
            seen.add(h.entry.idx)
            cands.append(h.entry.candidate(h.score))
            if len(cands) >= MAX_CANDIDATES:
                break
        return Geocode(query=query, name=e.name, lat=round(lat if lat is not None else e.lat, 6),
                       lon=round(lon if lon is not None else e.lon, 6), country=e.country,
                       admin1=e.admin1, precision=precision, place_id=e.place_id, candidates=cands,
                       reason=note)

    def _from_mgrs(self, query: str, ref: tuple[str, float, float]) -> Geocode:
        text, lat, lon = ref
        near = self.nearest(lat, lon)
        cands = []
        country = admin1 = None
        if near is not None:
            e, d = near
            cands.append({**e.candidate(0.0), "distance_km": round(d, 2)})
            if d <= 60:
                country, admin1 = e.country, e.admin1
        return Geocode(query=query, name=f"MGRS {text}", lat=round(lat, 6), lon=round(lon, 6),
                       country=country, admin1=admin1, precision=1, candidates=cands)

    def nearest(self, lat: float, lon: float) -> tuple[Entry, float] | None:
        best = None
        for e in self.entries:
            if e.kind in ADMIN_KINDS:
                continue
            if abs(e.lat - lat) > 1.5:
                continue
            d = distance_km(lat, lon, e.lat, e.lon)
            if best is None or d < best[1]:
                best = (e, d)
        return best


def _similarity(query: str, keys: tuple[frozenset[str], frozenset[str]]) -> float:
    """How close the query's spelling is to the nearest same-script spelling of a place, 0..1."""
    from difflib import SequenceMatcher

    arabic = has_arabic(query)
    q = norm_key(query)
    cands = keys[1] if arabic else keys[0]
    if not cands:
        return 0.75                      # only the skeleton to go on: neutral
    if q in cands:
        return 1.0
    best = 0.0
    sm = SequenceMatcher(None, "", q, autojunk=False)   # seq2 (the query) is analysed once
    for k in cands:
        sm.set_seq1(k)
        if sm.real_quick_ratio() <= best or sm.quick_ratio() <= best:
            continue
        r = sm.ratio()
        if r > best:
            best = r
    return best


def _same_admin(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    return norm_key(a) == norm_key(b) or skeleton(a) == skeleton(b)


def _level_kinds(level: str | None) -> set[str] | None:
    if level == "governorate":
        return {"governorate"}
    if level == "district":
        return {"district", "subdistrict"}
    if level == "country":
        return {"country"}
    return None


_SPECIFIC = {"other": 6, "neighbourhood": 5, "village": 4, "town": 3, "city": 2, "subdistrict": 1,
             "district": 1, "governorate": 0, "country": -1}
_DEFAULT: Gazetteer | None = None
_ROWS: list[dict[str, Any]] | None = None


def bundled_rows() -> list[dict[str, Any]]:
    """Rows of the bundled files: the GeoNames extract, then the hand-entered supplement."""
    global _ROWS
    if _ROWS is not None:
        return _ROWS
    rows: list[dict[str, Any]] = []
    data = resources.files("civcas.places") / "data"
    with gzip.open(io.BytesIO((data / "geonames_iq_sy.tsv.gz").read_bytes()), "rt", encoding="utf-8") as fh:
        lines = [ln for ln in fh if not ln.startswith("#")]
    for r in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        rows.append({"geonames_id": int(r["geonames_id"]), "name": r["name"], "kind": r["kind"],
                     "lat": float(r["lat"]), "lon": float(r["lon"]), "country": r["country"] or None,
                     "admin1": r["admin1"] or None, "population": int(r["population"] or 0),
                     "source": f"geonames:{r['geonames_id']}",
                     "names": [n for n in r["names"].split("|") if n]})
    by_name: dict[str, dict[str, Any]] = {}
    for r0 in sorted(rows, key=lambda r: r["population"]):
        by_name[r0["name"]] = r0            # the most populous of a name wins
    text = (data / "curated.tsv").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    for r in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        gid = int(r["geonames_id"]) if (r.get("geonames_id") or "").strip() else None
        lat = r.get("lat", "").strip()
        if not gid and not lat:
            target = by_name.get(r["name"].strip())
            if target is None:
                continue                    # names a GeoNames place this extract lacks
            gid = target["geonames_id"]
        rows.append({"geonames_id": gid, "merge": bool(gid) and not lat, "name": r["name"].strip(),
                     "kind": (r.get("kind") or "").strip() or None,
                     "lat": float(lat) if lat else None, "lon": float(r["lon"]) if lat else None,
                     "country": (r.get("country") or "").strip() or None,
                     "admin1": (r.get("admin1") or "").strip() or None,
                     "population": int((r.get("population") or "0").strip() or 0),
                     "source": "civcas:curated",
                     "names": [n.strip() for n in (r.get("names") or "").split("|") if n.strip()]})
    _ROWS = rows
    return rows
