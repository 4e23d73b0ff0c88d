"""The benchmark scripts keep running (small sizes; the figures come from running them in full)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench"


def _load(name):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_geocode_bench_runs(capsys, monkeypatch):
    mod = _load("geocode")
    assert mod.main(["geocode.py", "--rows", "3000"]) == 0
    out = capsys.readouterr().out
    assert "cached" in out and "SYNTHETIC" in out and "3,000 places" in out
