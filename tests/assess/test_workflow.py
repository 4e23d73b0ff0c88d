import datetime as dt

import pytest

from civcas.assess.workflow import WorkflowError, load
from civcas.records import ASSESSMENT_STATES

BASE = {"actor": "cell:j3", "reason": "monthly review", "effective": dt.date(2017, 6, 30)}


def test_states_match_the_store_vocabulary():
    assert load().states == set(ASSESSMENT_STATES)


def test_allowed_path():
    wf = load()
    assert wf.check("not_yet_assessed", "under_assessment", BASE).name == "start"
    assert wf.check("under_assessment", "credible", {**BASE, "deaths_conceded_min": 3}).name == "assess_credible"
    assert wf.check("credible", "reopened", BASE).name == "reopen"
    assert wf.check("reopened", "under_assessment", BASE).name == "start"


def test_disallowed_transition_names_the_rule():
    with pytest.raises(WorkflowError, match="does not allow not_yet_assessed -> credible.*under_assessment"):
        load().check("not_yet_assessed", "credible", {**BASE, "deaths_conceded_min": 1})


@pytest.mark.parametrize("target,field", [("credible", "deaths_conceded_min"), ("non_credible", "reason_code"),
                                          ("duplicate", "duplicate_of")])
def test_required_fields(target, field):
    with pytest.raises(WorkflowError, match=f"requires {field}"):
        load().check("under_assessment", target, BASE)


def test_actor_reason_and_date_always_required():
    with pytest.raises(WorkflowError, match="needs a reason"):
        load().check("not_yet_assessed", "under_assessment", {**BASE, "reason": ""})


def test_unknown_reason_code():
    with pytest.raises(WorkflowError, match="unknown reason code"):
        load().check("under_assessment", "non_credible", {**BASE, "reason_code": "vibes"})
