"""Place kinds, their precision codes, and GeoNames feature codes mapped onto them.

One table here keeps the importer, the bundled data and the resolver agreeing on what a
"district" is and how precise a hit on one may be claimed to be.
"""
from __future__ import annotations

KINDS = ("country", "governorate", "district", "subdistrict", "city", "town", "village",
         "neighbourhood", "other")

# UCDP-style precision a hit on a place of this kind justifies (records.GEO_PRECISIONS).
PRECISION = {"country": 5, "governorate": 4, "district": 3, "subdistrict": 3, "city": 1, "town": 1,
             "village": 1, "neighbourhood": 1, "other": 1}

# Among namesakes, a populated place is what a report most often means; admin areas rank below
# a city of the same name ("Raqqa" is the city unless the text says "province").
KIND_WEIGHT = {"city": 1.0, "town": 0.8, "village": 0.6, "governorate": 0.7, "country": 0.9,
               "district": 0.4, "subdistrict": 0.3, "neighbourhood": 0.2, "other": 0.1}

ADMIN_KINDS = frozenset({"country", "governorate", "district", "subdistrict"})


def kind_for_feature(feature_class: str, feature_code: str, population: int | None) -> str:
    """GeoNames feature class/code to a civcas kind; populated places split by population."""
    code = (feature_code or "").upper()
    fclass = (feature_class or "").upper()
    if code.startswith("PCL"):
        return "country"
    if code in ("ADM1", "ADM1H"):
        return "governorate"
    if code in ("ADM2", "ADM2H"):
        return "district"
    if code in ("ADM3", "ADM4", "ADM3H", "ADM4H", "ADM5"):
        return "subdistrict"
    if code in ("PPLX", "PPLQX") or code == "SECTION":
        return "neighbourhood"
    if code in ("PPLC", "PPLA", "PPLG"):
        return "city"
    if fclass == "P" or code.startswith("PPL"):
        pop = population or 0
        if pop >= 100_000:
            return "city"
        if pop >= 10_000 or code in ("PPLA2", "PPLA3"):
            return "town"
        return "village"
    return "other"
