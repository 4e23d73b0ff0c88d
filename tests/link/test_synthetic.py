"""The linker core against a synthetic corpus whose truth is known."""
from civcas.link import link_rows, metrics, synthetic
from civcas.link.features import claim_row, place_key


def _run(n_incidents: int, seed: int, **kw):
    corpus = synthetic.generate(n_incidents, seed=seed)
    rows = [claim_row(i, c) for i, c in zip(corpus.ids, corpus.claims)]
    result = link_rows(rows, details=False, **kw)
    return result, metrics.scores(metrics.clusters_from_map(corpus.ids, result.cluster_of), corpus.truth)


def test_corpus_has_the_noise_monitors_meet():
    corpus = synthetic.generate(200, seed=5)
    assert len(set(corpus.truth)) == 200 and len(corpus.claims) > 500
    by_incident = {}
    for c, t in zip(corpus.claims, corpus.truth):
        by_incident.setdefault(t, []).append(c)
    days = [len({c.event_date for c in cs}) > 1 for cs in by_incident.values() if len(cs) > 2]
    names = [len({place_key(c.place_text) for c in cs}) > 1 for cs in by_incident.values() if len(cs) > 2]
    assert sum(days) > len(days) / 3 and sum(names) > len(names) / 3
    assert any("reprint" in c.flags for c in corpus.claims)
    assert synthetic.generate(50, seed=9).truth == synthetic.generate(50, seed=9).truth


def test_small_corpus_uses_fixed_parameters_and_links_well():
    result, s = _run(60, seed=11)
    assert result.parameters == "fixed"
    assert s["f1"] > 0.9 and s["bcubed_f1"] > 0.9


def test_link_claims_runs_on_records_without_a_store():
    from civcas.link import link_claims

    corpus = synthetic.generate(30, seed=4, vague=0)
    result = link_claims(corpus.claims, corpus.ids)
    s = metrics.scores(metrics.clusters_from_map(corpus.ids, result.cluster_of), corpus.truth)
    assert s["bcubed_f1"] > 0.9


def test_trained_model_on_a_few_thousand_claims():
    result, s = _run(600, seed=12)
    assert result.parameters == "estimated"
    assert s["precision"] > 0.85 and s["bcubed_f1"] > 0.85
