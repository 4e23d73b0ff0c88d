"""Geocoding throughput and GeoNames import time, on one core.

Usage: python bench/geocode.py [--rows 200000] [--dump path/to/CC.txt]

* cached: the same names again (what ingest sees: reports repeat a few hundred names);
* unseen: names not asked before (cache cleared for each), parsed and resolved from scratch;
* import: a GeoNames country dump into a fresh SQLite file.  No real dump is available offline,
  so unless --dump is given a realistic synthetic one is generated (19 columns, Arabic and Latin
  alternate names, P/A/S feature classes, admin codes) and the output says so.
"""
from __future__ import annotations

import argparse
import csv
import random
import sys
import tempfile
import time
from pathlib import Path

from civcas.places import Gazetteer
from civcas.places.importer import import_geonames, iter_geonames_rows

TOPONYMS = Path(__file__).resolve().parents[1] / "tests/places/toponyms.tsv"
_SYL = ["ba", "da", "ra", "ja", "ka", "ma", "na", "sa", "sha", "ta", "za", "qa", "ha", "kha", "wa", "ya",
        "bi", "di", "ri", "mi", "ni", "si", "ti", "zu", "qu", "hu", "lu", "mu"]
_AR = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


def queries() -> list[str]:
    lines = [ln for ln in TOPONYMS.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return [r["query"] for r in csv.DictReader(lines, delimiter="\t")]


def bench_geocode(g: Gazetteer) -> None:
    qs = queries()
    for q in qs:
        g.geocode(q)
    n = 200_000
    t = time.perf_counter()
    for i in range(n):
        g.geocode(qs[i % len(qs)])
    dt = time.perf_counter() - t
    print(f"cached   : {n / dt:>10,.0f} geocodes/s  ({n:,} calls over {len(qs)} distinct toponyms)")
    t = time.perf_counter()
    for q in qs:
        g._cache.clear()
        g.geocode(q)
    dt = time.perf_counter() - t
    print(f"unseen   : {len(qs) / dt:>10,.0f} geocodes/s  ({len(qs)} toponyms, cache cleared before each)")
    rnd = random.Random(1)
    junk = ["".join(rnd.choice(_SYL) for _ in range(3)) for _ in range(2000)]
    t = time.perf_counter()
    for q in junk:
        g.geocode(q)
    dt = time.perf_counter() - t
    print(f"no-match : {len(junk) / dt:>10,.0f} geocodes/s  ({len(junk)} random names)")


def synthetic_dump(path: Path, rows: int) -> None:
    rnd = random.Random(42)
    fcodes = [("P", "PPL")] * 80 + [("P", "PPLX")] * 5 + [("P", "PPLA2")] * 2 + [("A", "ADM3")] * 3 + \
             [("S", "MSQE")] * 4 + [("H", "WAD")] * 4 + [("T", "HLL")] * 2

    def gen():
        for i in range(rows):
            name = " ".join("".join(rnd.choice(_SYL) for _ in range(rnd.randint(2, 4))).capitalize()
                            for _ in range(rnd.randint(1, 2)))
            alts = [name.lower(), name.replace("a", "e"), "".join(rnd.choice(_AR) for _ in range(rnd.randint(3, 7)))]
            fc, code = rnd.choice(fcodes)
            yield {"geonameid": 10_000_000 + i, "name": name, "asciiname": name, "alternatenames": ",".join(alts),
                   "latitude": round(rnd.uniform(32.3, 37.3), 5), "longitude": round(rnd.uniform(35.7, 42.4), 5),
                   "feature_class": fc, "feature_code": code, "country_code": "SY",
                   "admin1_code": f"{rnd.randint(1, 14):02d}", "population": rnd.choice([0, 0, 0, 120, 800, 5000]),
                   "elevation": "", "dem": rnd.randint(0, 900), "timezone": "Asia/Damascus",
                   "modification_date": "2024-03-01"}

    with open(path, "w", encoding="utf-8") as fh:
        fh.writelines(iter_geonames_rows(gen()))


def bench_import(rows: int, dump: Path | None) -> None:
    import sqlalchemy

    from civcas.store.schema import Base

    with tempfile.TemporaryDirectory() as d:
        if dump is None:
            dump = Path(d) / "SY.txt"
            t = time.perf_counter()
            synthetic_dump(dump, rows)
            print(f"import   : SYNTHETIC GeoNames-format dump of {rows:,} rows (no real dump offline), "
                  f"generated in {time.perf_counter() - t:.1f}s, {dump.stat().st_size / 1e6:.0f} MB")
        else:
            print(f"import   : real dump {dump}")
        engine = sqlalchemy.create_engine(f"sqlite:///{d}/bench.db")
        Base.metadata.create_all(engine)
        t = time.perf_counter()
        res = import_geonames(engine, dump)
        dt = time.perf_counter() - t
        print(f"import   : {res.places:,} places, {res.names:,} names in {dt:.1f}s "
              f"({res.places / dt:,.0f} places/s), {len(res.errors)} bad lines")
        t = time.perf_counter()
        g = Gazetteer.from_engine(engine, include_default=True)
        print(f"load     : {len(g):,} places indexed from the DB in {time.perf_counter() - t:.1f}s")
        engine.dispose()


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=200_000)
    ap.add_argument("--dump", type=Path)
    ap.add_argument("--skip-import", action="store_true")
    a = ap.parse_args(argv[1:])
    t = time.perf_counter()
    g = Gazetteer.default()
    print(f"default  : {len(g)} places loaded in {time.perf_counter() - t:.2f}s (single core, CPython)")
    bench_geocode(g)
    if not a.skip_import:
        bench_import(a.rows, a.dump)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
