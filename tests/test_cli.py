"""The CLI as a user meets it: a real process, one-line errors, non-zero exits, no tracebacks."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPORT = "Residents said a coalition air strike killed nine civilians in Hajin on 3 May 2018.\n"


def civcas(*args: str, db: Path | str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "CIVCAS_DEBUG": ""}
    env.pop("CIVCAS_DB", None)
    cmd = [sys.executable, "-m", "civcas"] + (["--db", str(db)] if db else []) + list(args)
    return subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=cwd, timeout=120)


def test_help_everywhere():
    for args in ([], ["--help"], ["ingest", "--help"], ["documents", "--help"], ["documents", "list", "--help"],
                 ["claims", "list", "--help"], ["incidents", "show", "--help"], ["export", "--help"],
                 ["serve", "--help"], ["demo", "--help"], ["extract", "--help"]):
        r = civcas(*args)
        assert "Usage" in r.stdout, (args, r.stderr)


def test_ingest_list_show_export(tmp_path):
    db = tmp_path / "c.db"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(REPORT)
    r = civcas("ingest", str(tmp_path / "in"), db=db)
    assert r.returncode == 0, r.stderr
    assert "1 new, 0 already present, 0 rejected" in r.stdout
    r = civcas("ingest", str(tmp_path / "in"), db=db)
    assert "0 new, 1 already present" in r.stdout
    assert "Hajin" in civcas("documents", "show", "1", db=db).stdout
    r = civcas("export", "claims", "--format", "json", db=db)
    claims = json.loads(r.stdout)
    assert any(c["count_min"] == 9 for c in claims)
    r = civcas("export", "documents", "--format", "csv", db=db)
    assert r.stdout.splitlines()[0].startswith("id,")


def test_errors_are_one_line(tmp_path):
    db = tmp_path / "c.db"
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "good.txt").write_text(REPORT)
    r = civcas("ingest", str(tmp_path / "bad.txt"), str(tmp_path / "good.txt"), db=db)
    assert r.returncode == 1
    assert "rejected" in r.stderr and "bad.txt" in r.stderr and "Traceback" not in r.stderr
    assert "1 new" in r.stdout
    for args in (["documents", "show", "999"], ["incidents", "show", "CS9999"], ["export", "nonsense"]):
        r = civcas(*args, db=db)
        assert r.returncode != 0 and "Traceback" not in r.stderr
        assert len(r.stderr.strip().splitlines()) == 1, r.stderr
    r = civcas("documents", "list", db="postgresql://nobody@127.0.0.1:1/x")
    assert r.returncode == 1 and r.stderr.startswith("error: cannot open the database")


def test_extract_needs_no_database(tmp_path):
    (tmp_path / "a.txt").write_text(REPORT)
    r = civcas("extract", str(tmp_path / "a.txt"), "--format", "jsonl", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    line = json.loads(r.stdout.splitlines()[0])
    assert line["document"].endswith("a.txt") and line["claims"]
    assert not (tmp_path / "civcas.db").exists()


def test_demo_builds_database(tmp_path):
    r = civcas("demo", "--no-serve", "--demo-db", str(tmp_path / "demo.db"))
    assert r.returncode == 0, r.stderr
    assert "rejected" not in r.stdout
    r = civcas("export", "tallies", "--format", "json", db=tmp_path / "demo.db")
    tallies = json.loads(r.stdout)
    official = [t["count_min"] for t in tallies if t["tally_kind"] == "official_acknowledged"]
    assert {352, 624, 1059} <= set(official)


def test_readme_tour_names_real_commands():
    """The README and the CLI match one to one: every command it shows exists, and every
    command that exists is shown."""
    import re

    import typer

    from civcas.cli import app

    root = typer.main.get_command(app)
    shown = set()
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    blocks = "\n".join(re.findall(r"```sh\n(.*?)```", readme, re.S))
    for line in re.findall(r"^civcas ([a-z][a-z -]*)", blocks, re.M):
        words = line.split()
        cmd, path = root, []
        for w in words:
            if hasattr(cmd, "commands") and w in cmd.commands:
                cmd = cmd.commands[w]
                path.append(w)
            else:
                break
        assert path, f"README shows an unknown command: civcas {line}"
        shown.add(" ".join(path))

    def leaves(group, prefix=()):
        for name, sub in group.commands.items():
            if hasattr(sub, "commands"):
                yield from leaves(sub, prefix + (name,))
            else:
                yield " ".join(prefix + (name,))

    missing = set(leaves(root)) - shown
    assert not missing, f"commands the README does not show: {sorted(missing)}"


def test_users_add(tmp_path):
    db = tmp_path / "c.db"
    env = {**os.environ}
    env.pop("CIVCAS_DB", None)

    def add(name: str, password: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "civcas", "--db", str(db), "users", "add", name,
                               "--password-stdin"], input=password + "\n", capture_output=True, text=True,
                              env=env, timeout=60)

    assert add("amal", "a long enough secret").returncode == 0
    r = add("amal", "a long enough secret")
    assert r.returncode == 1 and "exists already" in r.stderr
    assert "at least" in add("bob", "short").stderr


def test_users_list_and_set(tmp_path):
    db = tmp_path / "c.db"
    env = {**os.environ}
    env.pop("CIVCAS_DB", None)

    def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "civcas", "--db", str(db), *args], input=stdin,
                              capture_output=True, text=True, env=env, timeout=60)

    assert cli("users", "add", "boss", "--role", "admin", "--password-stdin", stdin="a long admin secret\n").returncode == 0
    assert cli("users", "add", "amal", "--password-stdin", stdin="a long enough secret\n").returncode == 0
    r = cli("users", "set", "amal", "--inactive", "--reason", "left the team")
    assert r.returncode == 0 and "switched off" in r.stdout
    listing = cli("users", "list").stdout
    assert re.search(r"amal\s.*analyst\s.*no", listing) and re.search(r"boss\s.*admin\s.*yes", listing)
    r = cli("users", "set", "boss", "--role", "analyst", "--reason", "demote")
    assert r.returncode == 1 and "only active admin" in r.stderr and "Traceback" not in r.stderr
    r = cli("users", "set", "amal", "--reason", "nothing")
    assert r.returncode == 1 and "nothing to change" in r.stderr



def test_extract_credits_an_unattributed_total_to_the_documents_publisher(tmp_path):
    """The publisher in a document's metadata (front matter, a sidecar, a CSV or JSONL column) is
    the party of a total the text gives without a source."""
    (tmp_path / "a.md").write_text("---\npublisher: english.alaraby.co.uk\npublished: 2016-05-02\n---\n"
                                   "Since Sunday at least 61 civilians have been killed in air attacks on the town.\n")
    r = civcas("extract", str(tmp_path / "a.md"), "--format", "jsonl", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    claims = json.loads(r.stdout.splitlines()[0])["claims"]
    assert [(c["type"], c["asserted_by"], c["count_min"]) for c in claims] == [("tally", "The New Arab", 61)]
