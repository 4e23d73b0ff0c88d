"""Declared-strike parsers: small fixtures for every quirk, then the real shared files."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from civcas.strikes import ParseError, iter_releases, parse_release_text, parse_releases
from civcas.strikes.releases import anchor_town, words_to_int

FIX = Path(__file__).parent / "fixtures"


# --- daily release text and HTML ---------------------------------------------------------------

def test_text_release_sections_numbers_and_dates():
    r = parse_releases(FIX / "release_daily.txt")
    assert r.errors == []
    got = [(s.country, s.location, s.strikes) for s in r.strikes]
    assert got == [("Syria", "Raqqa", 4), ("Syria", "Dayr Az Zawr", 1), ("Syria", "Al Bab", 21),
                   ("Iraq", "Mosul", 12), ("Iraq", "Rawah", 1),
                   ("Syria", "Abu Kamal", 2), ("Syria", "Tabqah", 1), ("Iraq", "Qaim", 1)]
    first = r.strikes[0]
    # "... on March 8, 2017" names the strike day; the dateline is the release day.
    assert first.release_date == dt.date(2017, 3, 9) and first.date == dt.date(2017, 3, 8)
    assert first.targets.startswith("engaged two ISIS tactical units")
    assert first.text.startswith("Near Raqqa, four strikes")
    assert first.source == "CJTF-OIR" and first.origin.endswith("release_daily.txt:7")
    later = r.strikes[-1]
    assert later.release_date == dt.date(2017, 3, 10) and later.date == dt.date(2017, 3, 9)


def test_html_release_is_stripped_and_scripts_ignored():
    r = parse_releases(FIX / "release_daily.html")
    assert r.errors == []
    assert [(s.country, s.location, s.strikes) for s in r.strikes] == [
        ("Syria", "Manbij", 3), ("Iraq", "Haditha", 1), ("Iraq", "Kisik", 2)]
    assert all(s.release_date == dt.date(2016, 10, 4) for s in r.strikes)
    assert "&" in r.strikes[2].targets and "Fakeville" not in str(r.strikes)


def test_strike_line_before_any_date_is_an_error_not_a_guess():
    items = list(parse_release_text("Syria\nNear Raqqa, two strikes destroyed a bridge.\n", "x.txt"))
    assert len(items) == 1 and isinstance(items[0], ParseError) and items[0].line == 2


def test_old_style_in_syria_sentence():
    text = "Dec. 2, 2014\nIn Syria, five airstrikes conducted near Kobani struck two small units.\n"
    (s,) = list(parse_release_text(text))
    assert (s.country, s.location, s.strikes) == ("Syria", "Kobani", 5)


@pytest.mark.parametrize("word,n", [("four", 4), ("one", 1), ("an", 1), ("12", 12),
                                    ("twenty-one", 21), ("thirteen", 13), ("many", None),
                                    ("two three", None)])
def test_number_words(word, n):
    assert words_to_int(word) == n


# --- CENTCOM scraped CSV -----------------------------------------------------------------------

def test_centcom_csv_rows_and_bad_rows():
    r = parse_releases(FIX / "centcom_lines.csv")
    assert [(s.country, s.location, s.strikes) for s in r.strikes] == [
        ("Syria", "Ar Raqqah", 2), ("Iraq", "Hit", 1), ("Syria", "Kobani", 3), ("Iraq", "Tikrit", 4)]
    first = r.strikes[0]
    assert first.release_date == dt.date(2015, 7, 4) and first.date == dt.date(2015, 7, 3)
    assert r.strikes[1].release_date == dt.date(2015, 7, 4)          # 07/04 and 7/4 alike
    assert first.origin.endswith("centcom_lines.csv:2")
    assert [(e.line, e.message.split()[0]) for e in r.errors] == [(5, "release"), (6, "strike"), (7, "3")]
    assert all(e.file.endswith("centcom_lines.csv") for e in r.errors)


# --- Dutch MoD table ---------------------------------------------------------------------------

def test_dutch_rows_decimal_commas_mgrs_and_bad_rows():
    r = parse_releases(FIX / "nl_employments.csv")
    by_line = {int(s.origin.rsplit(":", 1)[1]): s for s in r.strikes}
    hajin = by_line[2]
    assert (hajin.lat, hajin.lon) == (34.9512, 40.6011) and hajin.geo_precision == 1
    assert hajin.mgrs == "37SFU512347" and hajin.time_utc == "14:05" and hajin.source == "NL MoD"
    assert hajin.date == dt.date(2017, 3, 3) and hajin.location == "Hajin" and hajin.country == "Syria"
    mosul = by_line[3]                         # no LAT/LONG: taken from the MGRS square
    assert mosul.lat == pytest.approx(36.23, abs=0.01) and mosul.lon == pytest.approx(43.15, abs=0.01)
    assert "semicolon inside" in mosul.text
    assert sorted(e.line for e in r.errors) == [4, 5, 6]
    assert by_line[7].country is None


@pytest.mark.parametrize("town,anchor", [
    ("Approximately 2 NM N of HAJIN", "HAJIN"), ("IVO Bayji", "Bayji"), ("2.6 NM North Hajin", "Hajin"),
    ("Eastside of the village of Shadadi", "Shadadi"), ("Ramadi, approximately 53nm west of Baghdad", "Ramadi"),
    ("Approximately 12NM north-northeast of Tall Afar", "Tall Afar"), ("Sinjar city", "Sinjar")])
def test_dutch_town_anchor(town, anchor):
    assert anchor_town(town) == anchor


# --- bad input ---------------------------------------------------------------------------------

def test_binary_junk_is_one_clear_error(tmp_path):
    p = tmp_path / "junk.csv"
    p.write_bytes(bytes(range(256)) * 20)
    r = parse_releases(p)
    assert r.strikes == [] and len(r.errors) == 1 and "binary" in r.errors[0].message


def test_cp1252_file_is_read_with_a_warning(tmp_path):
    p = tmp_path / "nl.csv"
    text = (FIX / "nl_employments.csv").read_text(encoding="utf-8").replace("Hajin", "Hajîn")
    p.write_bytes(text.encode("cp1252"))
    r = parse_releases(p)
    assert any("Windows-1252" in w.message for w in r.warnings)
    assert any(s.location == "Hajîn" for s in r.strikes)


def test_missing_and_empty_files(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert "empty" in parse_releases(empty).errors[0].message
    assert parse_releases(tmp_path / "nope.csv").errors[0].line is None


def test_iter_releases_yields_errors_inline():
    items = list(iter_releases(FIX / "centcom_lines.csv"))
    assert sum(isinstance(i, ParseError) for i in items) == 3


# --- the real shared files ---------------------------------------------------------------------

def test_all_centcom_lines_parse(shared_dir):
    path = shared_dir / "data" / "centcom-strike-releases" / "all.csv"
    if not path.exists():
        pytest.skip("all.csv absent")
    r = parse_releases(path)
    assert r.errors == []
    assert len(r.strikes) == 5605
    assert all(s.country in ("Iraq", "Syria") and s.location and s.strikes for s in r.strikes)
    assert sum(s.strikes for s in r.strikes) == 12644            # SOURCE.md's total
    assert not any(s.location in ("Iraq", "Syria") for s in r.strikes)
    assert min(s.release_date for s in r.strikes) == dt.date(2014, 10, 2)
    assert len({s.release_date for s in r.strikes}) == 618


def test_edited_centcom_lines_parse(shared_dir):
    path = shared_dir / "data" / "centcom-strike-releases" / "all-edited-refined.csv"
    if not path.exists():
        pytest.skip("all-edited-refined.csv absent")
    r = parse_releases(path)
    assert r.errors == [] and len(r.strikes) == 5531
    assert all(s.country in ("Iraq", "Syria") and s.location and s.strikes for s in r.strikes)


def test_dutch_rows_parse_with_coordinates(shared_dir):
    paths = sorted((shared_dir / "data" / "dutch-oir-strikes").glob("*.csv"))
    if not paths:
        pytest.skip("Dutch database absent")
    r = parse_releases(paths[0])
    assert r.errors == [] and len(r.strikes) == 2188
    assert all(s.lat and s.lon and s.mgrs and s.time_utc and s.geo_precision == 1 for s in r.strikes)
    assert all(32 < s.lat < 38 and 38 < s.lon < 46 for s in r.strikes)
    countries = [s.country for s in r.strikes]
    assert countries.count("Iraq") == 1853 and countries.count("Syria") == 331
    assert min(s.date for s in r.strikes) == dt.date(2014, 10, 7)
    assert max(s.date for s in r.strikes) == dt.date(2018, 12, 31)
    # The file reached us with some characters already replaced by U+FFFD: said, not hidden.
    assert any("U+FFFD" in w.message for w in r.warnings)


def test_quoted_and_dated_variants():
    r = parse_releases(FIX / "release_variants.txt")
    assert r.errors == []
    got = [(s.country, s.location, s.strikes, s.date) for s in r.strikes]
    assert got == [("Syria", "Tabqah", 6, dt.date(2017, 8, 21)),       # "On Aug. 21, near Tabqah, Syria, ..."
                   ("Syria", "Raqqah", 7, dt.date(2017, 8, 21)),       # inside a quotation, no comma
                   ("Iraq", "Tal Afar", 2, dt.date(2017, 8, 22))]      # "On Aug. 22 in Iraq, ..." then a line
    assert all(s.release_date == dt.date(2017, 8, 23) for s in r.strikes)
    assert r.strikes[1].targets.endswith("a mortar.")                  # closing quote dropped


def test_release_quotes_in_airwars_records_parse(shared_dir):
    """Airwars quotes the releases it matched; nearly every "Near X, N strikes" quote must parse."""
    import re

    from civcas.ingest.airwars import parse_airwars

    path = shared_dir / "data" / "airwars-syria" / "airwars-syria-coalition-incidents.jsonl"
    if not path.exists():
        pytest.skip("Airwars incidents absent")
    pattern = re.compile(r"[Nn]ear [A-Z][^,.]{0,40},? (?:\d+|[a-z]+(?:-[a-z]+)?) (?:air)?strikes?\b")
    quotes = [(i.date, a.strike_report) for i in parse_airwars(path).incidents for a in i.assessments
              if a.belligerent == "coalition" and a.strike_report and pattern.search(a.strike_report)]
    parsed = sum(1 for day, q in quotes
                 if any(not isinstance(x, ParseError) for x in parse_release_text(f"{day:%B %d, %Y}\n{q}")))
    assert len(quotes) > 1400 and parsed / len(quotes) >= 0.99


def test_stray_nul_byte_costs_one_line(tmp_path):
    p = tmp_path / "lines.csv"
    good = (FIX / "centcom_lines.csv").read_bytes().split(b"\n")
    p.write_bytes(b"\n".join(good[:2] + [good[2].replace(b"Hit", b"H\x00it")] + good[3:4]) + b"\n")
    r = parse_releases(p)
    assert [e.line for e in r.errors] == [3] and "NUL" in r.errors[0].message
    assert [s.location for s in r.strikes] == ["Ar Raqqah", "Kobani"]


def test_text_without_strikes_warns():
    items = list(parse_release_text("Oct. 4, 2016\nNo strikes were reported today.\n", "quiet.txt"))
    assert len(items) == 1 and items[0].severity == "warning"
