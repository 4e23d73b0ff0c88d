"""The real-data linking benchmark (bench/link_real.py) on the first ~150 Airwars source texts
linked to an incident with a death toll: it completes, every incident claim ends in exactly one
state, and every measure is a number in [0, 1] (or None where nothing was there to measure).

No quality figure is asserted: the extractor changes in parallel.  Nor is a floor on the precision
of confirmed joins: with the default (trained) parameters the linker confirmed no claim into a
monitor incident on this sample (nor on the full corpus) when this test was written, so there is
no measured value to put a floor under.
"""
from __future__ import annotations

import importlib.util
import json
import math
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _bench():
    spec = importlib.util.spec_from_file_location("bench_link_real", REPO / "bench" / "link_real.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def bench():
    return _bench()


@pytest.fixture
def texts(shared_dir, bench) -> Path:
    if not bench.texts_path(shared_dir).is_file():
        pytest.skip("the Airwars source texts are absent from ../shared")
    return shared_dir


@pytest.fixture(scope="module")
def result(bench, tmp_path_factory):
    """One run for the module's tests (shared_dir's rule: skip when ../shared is absent)."""
    shared = REPO.parent / "shared"
    if not bench.texts_path(shared).is_file():
        pytest.skip("the Airwars source texts are absent from ../shared")
    return bench.run(shared, limit=150, tolled=True, db_dir=tmp_path_factory.mktemp("link_real"))


def _unit(x) -> bool:
    return x is None or (isinstance(x, (int, float)) and not math.isnan(x) and 0.0 <= x <= 1.0)


def test_completes_on_tolled_texts(result, bench):
    assert result["texts"] == 150
    assert result["documents"] + len(result["rejected"]) == result["texts"]
    assert result["monitor_incidents_stored"] == result["monitor_incidents"] > 0
    assert not result["monitor_incidents_rejected"]
    for name in ("load texts", "store monitor incidents", "ingest (total)", "link", "baseline"):
        assert result["timings"][name] >= 0
    json.dumps(result, default=str)          # the --json output can be written


def test_every_claim_ends_in_exactly_one_state(result, bench):
    civ = result["civcas"]
    states = civ["claim_states"]
    assert len(states) == result["incident_claims"]
    assert set(states.values()) <= set(bench.CLAIM_STATES)
    assert civ["multi_confirmed_claims"] == 0          # never confirmed into two incidents
    assert civ["confirmed_and_suggested_claims"] == 0  # never both joined and only suggested
    for tool in ("civcas", "baseline"):
        for sub in ("all", "en", "ar"):
            m = result[tool][sub]
            assert sum(m["claims_by_state"].values()) == m["claims"]
            assert sum(m["documents_by_state"].values()) == m["documents"]
        assert result[tool]["all"]["claims"] == result["incident_claims"]
    # Every document either gave an incident claim or is counted among those that gave none.
    assert result["civcas"]["all"]["documents"] + result["texts_without_incident_claim"]["all"] \
        == result["documents"]


def test_measures_are_numbers_in_unit_interval(result):
    for tool in ("civcas", "baseline"):
        for sub in ("all", "en", "ar"):
            m = result[tool][sub]
            values = list(m["document_shares"].values()) + [
                m["join_precision_claims"], m["join_precision_documents"], m["suggestion_precision_claims"],
                m["pairwise"]["precision"], m["pairwise"]["recall"], m["pairwise"]["f1"]]
            assert all(_unit(v) for v in values), (tool, sub, m)
            if m["documents"]:
                assert math.isclose(sum(m["document_shares"].values()), 1.0)
            pw = m["pairwise"]
            assert 0 <= pw["tp"] <= min(pw["true_pairs"], pw["predicted_pairs"])


def test_cli_json(texts, bench, capsys):
    assert bench.main(["--shared", str(texts), "--limit", "20", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["texts"] == 20 and "civcas" in out and "baseline" in out and "verdict" in out
