"""The official assessment workflow, read from `workflow.json` so that the states, the allowed
transitions and what each must carry are one declarative definition, not scattered `if`s.

`check` refuses a transition with a message naming the rule it breaks; nothing is applied
until the check passes.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

DEFINITION = Path(__file__).with_name("workflow.json")


class WorkflowError(ValueError):
    """A transition the workflow does not allow, or one missing a required field."""


@dataclass(frozen=True)
class Transition:
    name: str
    sources: tuple[str, ...]
    target: str
    requires: tuple[str, ...]


@dataclass(frozen=True)
class Workflow:
    initial: str
    open_states: frozenset[str]
    completed_states: frozenset[str]
    reason_codes: tuple[str, ...]
    transitions: tuple[Transition, ...]

    @property
    def states(self) -> set[str]:
        return {self.initial} | {t.target for t in self.transitions} | \
            {s for t in self.transitions for s in t.sources}

    def check(self, current: str, target: str, fields: Mapping[str, Any]) -> Transition:
        """The transition that takes `current` to `target` with `fields`, or WorkflowError."""
        if target not in self.states:
            raise WorkflowError(f"unknown state {target!r}; states are {', '.join(sorted(self.states))}")
        for t in self.transitions:
            if t.target == target and current in t.sources:
                break
        else:
            allowed = sorted({t.target for t in self.transitions if current in t.sources})
            raise WorkflowError(f"workflow does not allow {current} -> {target}; from {current} "
                                f"the allowed states are: {', '.join(allowed) or 'none'}")
        for name in ("actor", "reason", "effective"):
            if not fields.get(name):
                raise WorkflowError(f"rule {t.name}: every transition needs a {name}")
        missing = [f for f in t.requires if fields.get(f) in (None, "", [])]
        if missing:
            raise WorkflowError(f"rule {t.name} ({current} -> {target}) requires {', '.join(missing)}")
        code = fields.get("reason_code")
        if code is not None and code not in self.reason_codes:
            raise WorkflowError(f"rule {t.name}: unknown reason code {code!r}; "
                                f"known codes: {', '.join(self.reason_codes)}")
        return t


@lru_cache(maxsize=1)
def load(path: Path = DEFINITION) -> Workflow:
    data = json.loads(path.read_text(encoding="utf-8"))
    return Workflow(
        initial=data["initial"], open_states=frozenset(data["open_states"]),
        completed_states=frozenset(data["completed_states"]), reason_codes=tuple(data["reason_codes"]),
        transitions=tuple(Transition(t["name"], tuple(t["from"]), t["to"], tuple(t["requires"]))
                          for t in data["transitions"]),
    )
