"""The public API and pages in-process: filters, keyset pages in every sort, downloads, and no
restricted field anywhere a viewer can reach."""
from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient

from civcas.publish.web import create_app

from .conftest import ARABIC, SECRET_AUTHOR, SECRET_NOTE


@pytest.fixture
def client(populated):
    store, _ = populated
    return TestClient(create_app(store))


def codes(body):
    return [i["code"] for i in body["items"]]


def test_filters(client):
    assert codes(client.get("/api/incidents", params={"country": "syria"}).json()) == ["CS0002", "CS0003"]
    assert codes(client.get("/api/incidents", params={"grade": "confirmed,weak"}).json()) == ["CS0001", "CS0003"]
    assert codes(client.get("/api/incidents", params={"strike_status": "declared"}).json()) == ["CS0001", "CS0004"]
    assert codes(client.get("/api/incidents", params={"place": "raq"}).json()) == ["CS0002"]
    assert codes(client.get("/api/incidents", params={"place": "الرقة"}).json()) == ["CS0002"]
    assert codes(client.get("/api/incidents", params={"date_from": "2017-03-02", "date_to": "2017-06-05"}).json()) \
        == ["CS0001", "CS0002", "CS0003"]
    assert codes(client.get("/api/incidents", params={"belligerent": "coal"}).json()) == \
        ["CS0001", "CS0002", "CS0003", "CS0004"]


@pytest.mark.parametrize("sort,desc,expected", [
    ("date", False, ["CS0003", "CS0001", "CS0002", "CS0004"]),
    ("date", True, ["CS0004", "CS0002", "CS0001", "CS0003"]),
    ("killed", True, ["CS0001", "CS0003", "CS0002", "CS0004"]),
    ("code", True, ["CS0004", "CS0003", "CS0002", "CS0001"]),
    ("id", True, ["CS0004", "CS0003", "CS0002", "CS0001"]),
])
def test_keyset_pages_in_every_sort(client, sort, desc, expected):
    seen, url = [], f"/api/incidents?sort={sort}&desc={str(desc).lower()}&limit=1"
    while url:
        body = client.get(url).json()
        seen += codes(body)
        url = body["next"]
    assert seen == expected


def test_downloads_follow_the_filter(client):
    r = client.get("/api/incidents.csv", params={"country": "Iraq"})
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [row["code"] for row in rows] == ["CS0001", "CS0004"]
    assert "analyst_notes" not in rows[0]
    gj = client.get("/api/incidents.geojson", params={"grade": "fair"}).json()
    assert gj["type"] == "FeatureCollection" and len(gj["features"]) == 1
    assert gj["features"][0]["geometry"]["coordinates"] == [39.01, 35.95]
    r = client.get("/api/incidents.geojson", params={"limit": 2})
    assert len(r.json()["features"]) == 2 and 'rel="next"' in r.headers["link"] and "after=2" in r.headers["link"]
    tallies = list(csv.DictReader(io.StringIO(client.get("/api/tallies.csv").text)))
    assert len(tallies) == 5 and {t["tally_kind"] for t in tallies} == {"official_acknowledged", "independent_estimate"}
    assert client.get("/api/claims.csv").text.startswith("id,document_id,type")
    page = client.get("/incidents", params={"country": "Iraq"}).text
    assert "/api/incidents.csv?country=Iraq" in page and "/api/incidents.geojson?country=Iraq" in page


def test_csv_neutralises_formulas(populated):
    from civcas.publish.exports import csv_lines

    text = "".join(csv_lines(iter([{"a": "=HYPERLINK(1)", "b": 2}]), ["a", "b"]))
    assert text.splitlines()[1].startswith("'=HYPERLINK")


def test_no_restricted_field_reaches_the_public(client):
    for url in ["/api/incidents", "/api/incidents/CS0002", "/api/incidents.csv", "/api/incidents.geojson",
                "/incidents", "/incidents/CS0002", "/api/timeline", "/"]:
        text = client.get(url).text
        assert SECRET_NOTE not in text and "analyst_notes" not in text, url
        assert SECRET_AUTHOR not in text, url
    detail = client.get("/api/incidents/CS0002").json()
    assert detail["grade_reason"] == "two independent sources name the victims"
    assert all("author" not in s for s in detail["sources"])
    assert 'href="javascript:' not in client.get("/incidents/CS0002").text


def test_incident_page_shows_claims_strikes_assessments_and_why(client, populated):
    page = client.get("/incidents/CS0003").text
    assert "9 civilians were killed" in page and "near Hajin" in page and "under assessment" in page
    assert 'data-precision="4"' in page
    assert "two independent sources" in client.get("/incidents/CS0002").text
    detail = client.get("/api/incidents/CS0003").json()
    assert detail["claims"][0]["status"] == "suggested" and detail["strikes"][0]["location"] == "near Hajin"


def test_home_chart_points_link_to_quotes(client):
    page = client.get("/").text
    assert 'id="tally-chart"' in page and "#claim-" in page
    tallies = client.get("/api/tallies").json()["items"]
    hrefs = {t["href"] for t in tallies}
    for href in hrefs:
        assert f'href="{href}"' in page
    assert "624" in page and "3,800–5,900" in page


def test_timeline_by_month_and_grade(client):
    months = client.get("/api/timeline").json()["items"]
    march = next(m for m in months if m["month"] == "2017-03")
    assert march["by_grade"]["confirmed"] == {"incidents": 1, "min": 20, "max": 35}
    assert march["min"] == 29 and march["max"] == 47
    assert 'id="timeline-chart"' in client.get("/incidents").text


def test_monthly_report_page(client):
    assert client.get("/reports/monthly/2017-03").status_code == 200
    assert client.get("/reports/monthly/2017-13").status_code == 404
    body = client.get("/api/reports/monthly/2017-03").json()
    assert body["month"] == "2017-03" and "gap" in body
    assert "2017-07" in client.get("/reports/monthly").text


def test_errors_are_json_with_a_message(client):
    r = client.get("/api/incidents", params={"date_from": "yesterday"})
    assert r.status_code == 422 and "yesterday" in r.json()["error"]
    r = client.get("/api/incidents", params={"sort": "nonsense"})
    assert r.status_code == 422 and "sort" in r.json()["error"]
    assert client.get("/api/incidents/NOPE").json() == {"error": "no incident NOPE"}
    assert client.get("/api/nothing-here").json()["error"]


def test_openapi_describes_the_lists(client):
    spec = client.get("/openapi.json").json()
    for path in ["/api/incidents", "/api/incidents.{kind}", "/api/claims", "/api/documents", "/api/tallies",
                 "/api/timeline"]:
        assert path in spec["paths"], path
    names = {p["name"] for p in spec["paths"]["/api/incidents"]["get"]["parameters"]}
    assert {"date_from", "date_to", "country", "place", "belligerent", "grade", "strike_status", "sort",
            "after", "limit"} <= names


def test_arabic_interface_and_text_direction(client, populated):
    _, ids = populated
    page = client.get("/?lang=ar")
    assert '<html lang="ar" dir="rtl">' in page.text and "السجلّان" in page.text
    assert page.cookies.get("civcas_lang") == "ar"
    assert '<html lang="ar"' in client.get("/incidents").text  # the cookie remembers
    fresh = TestClient(client.app)
    assert '<html lang="ar"' in fresh.get("/", headers={"Accept-Language": "ar-IQ,ar;q=0.9"}).text
    assert '<html lang="en"' in fresh.get("/", headers={"Accept-Language": "fr, en;q=0.5"}).text
    doc = fresh.get(f"/documents/{ids['arabic_doc']}").text
    assert 'dir="auto" lang="ar"' in doc and ARABIC in doc
    assert '<span dir="rtl" lang="ar">الرقة</span>' in fresh.get("/incidents/CS0002").text


def test_document_script_is_inert_text(client, populated):
    _, ids = populated
    page = client.get(f"/documents/{ids['hostile_doc']}").text
    assert "<script>document.title" not in page and "&lt;script&gt;document.title" in page
    assert json.loads(client.get(f"/api/documents/{ids['hostile_doc']}").text)["text"].startswith("<script>")


def test_database_built_json_equals_the_dict_page(store):
    """The API's hot path (rows as JSON from the database) says exactly what the dict path says,
    on SQLite and PostgreSQL alike."""
    from civcas.publish import queries

    from .conftest import populate

    populate(store)
    for f in [queries.IncidentFilter(), queries.IncidentFilter(country="Syria", sort="date", desc=True),
              queries.IncidentFilter(sort="killed")]:
        with store.engine.connect() as conn:
            rows, last = queries.list_incidents_json(conn, f, 3, 0)
        with store.session() as s:
            expected = queries.list_incidents(s, f, 3, 0)
        assert [json.loads(r) for r in rows] == expected
        assert last == expected[-1]["id"]
