"""Ingest stores good files once, names every bad one with its reason, and never half-writes."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from civcas.ingest import ingest_paths
from civcas.ingest.readers import Rejected, read_file
from civcas.store import repositories as repo

REPORT = ("Local activists said an air strike on the village of Hamra killed seven civilians, "
          "including three children, on Monday.\n")


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_same_bytes_twice_are_stored_once(store, tmp_path):
    a = write(tmp_path / "in" / "a.txt", REPORT)
    b = write(tmp_path / "in" / "copy" / "b.txt", REPORT)
    first = ingest_paths(store, [a, b], steps=[])
    assert [o.status for o in first.outcomes] == ["new", "present"]
    second = ingest_paths(store, [tmp_path / "in"], steps=[])
    assert {o.status for o in second.outcomes} == {"present"}
    with store.session() as s:
        assert repo.counts(s)["documents"] == 1


def test_metadata_from_front_matter_sidecar_and_json(sqlite_store, tmp_path):
    md = write(tmp_path / "m.md", "---\ntitle: Strike on Hamra\npublisher: Reuters\n"
                                  "published: 2016-07-20\nurl: https://example.org/a\n---\n" + REPORT)
    txt = write(tmp_path / "t.txt", REPORT.replace("seven", "eight"))
    write(tmp_path / "t.txt.meta.json", json.dumps({"title": "Sidecar title", "published": "2016-07-21"}))
    js = write(tmp_path / "docs.jsonl", "\n".join(json.dumps({"text": REPORT.replace("seven", str(n)),
                                                              "title": f"doc {n}", "date": "2016-07-22"})
                                                  for n in (9, 10)))
    report = ingest_paths(sqlite_store, [md, txt, js], steps=[])
    assert report.count("new") == 4, [o.reason for o in report.outcomes]
    with sqlite_store.session() as s:
        docs = {d["title"]: d for d in repo.list_documents(s)}
    assert docs["Strike on Hamra"]["publisher"] == "Reuters"
    assert str(docs["Strike on Hamra"]["published"]) == "2016-07-20"
    assert str(docs["Sidecar title"]["published"]) == "2016-07-21"
    assert {"doc 9", "doc 10"} <= set(docs)


def test_folder_with_good_and_bad_files(store, tmp_path):
    folder = tmp_path / "in"
    write(folder / "good1.txt", REPORT)
    write(folder / "good2.md", "---\ntitle: Second\n---\nA drone strike killed two civilians near Idlib.\n")
    write(folder / "empty.txt", b"")
    write(folder / "binary.txt", bytes(range(256)) * 40)
    write(folder / "latin1.txt", "Caf\xe9 bombed, 3 civilians killed".encode("latin-1"))
    write(folder / "photo.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 100)
    write(folder / "broken.jsonl", '{"text": "fine, five civilians killed"}\n{"text": oops}\n')
    big = folder / "huge.txt"
    with big.open("wb") as fh:
        fh.write(b"civilians " * (5 * 1024 * 1024))  # 50 MB
    write(folder / "hostile.html", "<html><head><script>alert('x')</script><style>p{}</style></head>"
                                   "<body><article><h1>Raid</h1><p>An air strike killed four civilians "
                                   "in the market, witnesses said.<script>document.write('evil')</script>"
                                   "</p><p>Rescue teams searched the rubble for hours afterwards and "
                                   "residents described the damage to the shops nearby.</p></article>"
                                   "<img src=x onerror=alert(1)></body></html>")
    report = ingest_paths(store, [folder], steps=[])
    by_name = {Path(o.origin.split(":")[0].split("#")[0]).name: o for o in report.outcomes}
    assert by_name["good1.txt"].status == "new"
    assert by_name["good2.md"].status == "new"
    assert by_name["hostile.html"].status == "new"
    reasons = {name: o.reason for name, o in by_name.items() if o.status == "rejected"}
    assert "empty file" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "not valid UTF-8" in reasons["latin1.txt"] and "offset 3" in reasons["latin1.txt"]
    assert "unsupported file type" in reasons["photo.jpg"]
    assert "broken.jsonl:2" in reasons["broken.jsonl"]
    assert "too large" in reasons["huge.txt"]
    with store.session() as s:
        assert repo.counts(s)["documents"] == 3  # nothing from the broken jsonl landed
        texts = [repo.get_document(s, d["id"]).text for d in repo.list_documents(s)]
    hostile = next(t for t in texts if "market" in t)
    assert "script" not in hostile and "alert" not in hostile and "evil" not in hostile


def test_missing_path_is_reported(sqlite_store, tmp_path):
    report = ingest_paths(sqlite_store, [tmp_path / "nope"], steps=[])
    assert report.rejected[0].reason.endswith("no such file or folder")


def test_failure_while_storing_leaves_nothing(sqlite_store, tmp_path):
    from civcas.records import ClaimRecord

    def bad_step(doc, claims):
        return [ClaimRecord(type="incident", quote="not in the text", span=(0, 5))]

    bad_step.name = "bad"
    report = ingest_paths(sqlite_store, [write(tmp_path / "a.txt", REPORT)], steps=[bad_step])
    assert report.rejected and "could not store" in report.rejected[0].reason
    with sqlite_store.session() as s:
        assert repo.counts(s) == {"documents": 0, "claims": 0, "incidents": 0}


def test_claims_are_extracted_and_stored(sqlite_store, tmp_path):
    report = ingest_paths(sqlite_store, [write(tmp_path / "a.txt", REPORT)])
    assert report.outcomes[0].claims >= 1
    with sqlite_store.session() as s:
        (doc,) = repo.list_documents(s)
        claims = repo.document_claims(s, doc["id"])
        text = repo.get_document(s, doc["id"]).text
    assert any(c["count_min"] == 7 for c in claims)
    for c in claims:
        assert text[c["span"][0]:c["span"][1]] == c["quote"]


def test_a_rows_source_field_is_the_party_of_its_unattributed_total(sqlite_store, tmp_path):
    row = {"source": "etilaf", "date": "2016-05-02",
           "article_content": "Since Sunday at least 61 civilians have been killed in air attacks on the town."}
    ingest_paths(sqlite_store, [write(tmp_path / "feed.jsonl", json.dumps(row) + "\n")])
    with sqlite_store.session() as s:
        (doc,) = repo.list_documents(s)
        claims = repo.document_claims(s, doc["id"])
    assert doc["publisher"] == "etilaf"                 # the raw metadata is stored as it came
    assert [(c["type"], c["asserted_by"], c["count_min"]) for c in claims] == [("tally", "Syrian Coalition", 61)]


def test_seeds_ingest_once(sqlite_store, shared_dir):
    first = ingest_paths(sqlite_store, [shared_dir / "seeds"])
    assert first.count("new") == 5 and not first.rejected
    again = ingest_paths(sqlite_store, [shared_dir / "seeds"])
    assert again.count("present") == 5 and again.count("new") == 0
    import json

    gold = json.loads((shared_dir / "acceptance" / "seeds-gold.json").read_text())["documents"]
    with sqlite_store.session() as s:
        docs = {d["origin"].rsplit("/", 1)[-1]: d for d in repo.list_documents(s)}
    for name, want in gold.items():
        got = docs[name]["published"]
        assert (got.isoformat() if got else None) == want.get("published"), name


def test_invalid_json_document_names_line(tmp_path):
    with pytest.raises(Rejected, match=r"line 1 column 2"):
        read_file(write(tmp_path / "x.json", "{oops"))
