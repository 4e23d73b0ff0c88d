"""GeoNames admin1 codes of Iraq and Syria and the names reports use for them.

GeoNames rows carry admin1 as a bare code ("07"); a geocode should say "Deir ez-Zor".  Codes of
other countries are kept as "CC.code" unless an admin1Codes file was imported alongside.
"""
from __future__ import annotations

ADMIN1_NAMES: dict[str, str] = {
    "IQ.01": "Anbar", "IQ.02": "Basra", "IQ.03": "Muthanna", "IQ.04": "Qadisiyah",
    "IQ.05": "Sulaymaniyah", "IQ.06": "Babil", "IQ.07": "Baghdad", "IQ.08": "Duhok",
    "IQ.09": "Dhi Qar", "IQ.10": "Diyala", "IQ.11": "Erbil", "IQ.12": "Karbala", "IQ.13": "Kirkuk",
    "IQ.14": "Maysan", "IQ.15": "Nineveh", "IQ.16": "Wasit", "IQ.17": "Najaf",
    "IQ.18": "Salah ad-Din", "IQ.19": "Halabja",
    "SY.01": "Hasakah", "SY.02": "Latakia", "SY.03": "Quneitra", "SY.04": "Raqqa",
    "SY.05": "Suwayda", "SY.06": "Daraa", "SY.07": "Deir ez-Zor", "SY.08": "Rif Dimashq",
    "SY.09": "Aleppo", "SY.10": "Hama", "SY.11": "Homs", "SY.12": "Idlib", "SY.13": "Damascus",
    "SY.14": "Tartus",
}

COUNTRY_NAMES = {"SY": "Syria", "IQ": "Iraq"}


def admin1_name(country: str | None, code: str | None, extra: dict[str, str] | None = None) -> str | None:
    if not code:
        return None
    key = f"{country}.{code}" if country else code
    if extra and key in extra:
        return extra[key]
    return ADMIN1_NAMES.get(key, key)
