"""The incidents list API under load, side by side with Datasette serving the same table.

Usage: python bench/serve.py [--rows 100000] [--seconds 10] [--connections 8] [--max-requests 200000]

Generates --rows incidents into a fresh SQLite file (bench/out/serve.db), then for each server
(civcas's uvicorn app, one process; Datasette 0.65, one process, same file, immutable mode) and
each scenario (a keyset page of 100; a filtered keyset page) measures requests/s and latency
percentiles from a load generator in another process on loopback: wrk when installed, else an
asyncio httpx client.  Each run is bounded by --seconds and --max-requests.  Pages start at a
random `after` so the database cannot answer from one cached row range.

Goal: civcas >= Datasette's requests/s, and p99 < 50 ms.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
PY = sys.executable
COLUMNS = ("id", "code", "date", "date_end", "date_precision", "place_text", "place_text_ar", "country",
           "admin1", "lat", "lon", "geo_precision", "belligerent", "grade", "strike_status",
           "civilians_killed_min", "civilians_killed_max", "children_killed_min", "children_killed_max",
           "women_killed_min", "women_killed_max", "injured_min", "injured_max", "url")
PLACES = [("Mosul", "الموصل", "Iraq", "Ninawa", 36.34, 43.13), ("Raqqa", "الرقة", "Syria", "Ar-Raqqah", 35.95, 39.01),
          ("Hajin", "هجين", "Syria", "Deir ez-Zor", 34.69, 40.83), ("al-Qaim", "القائم", "Iraq", "Al-Anbar", 34.37, 41.09),
          ("Sirte", "سرت", "Libya", "Surt", 31.2, 16.59), ("Manbij", "منبج", "Syria", "Aleppo", 36.53, 37.95),
          ("Tal Afar", "تلعفر", "Iraq", "Ninawa", 36.38, 42.45), ("Fallujah", "الفلوجة", "Iraq", "Al-Anbar", 33.35, 43.78)]
GRADES = ("confirmed", "fair", "weak", "contested", "discounted")
SCENARIOS = {
    "page": ("", ""),
    "filtered": ("&country=Syria&grade=fair", " AND lower(country) = 'syria' AND grade IN ('fair')"),
}


def generate(path: Path, rows: int) -> None:
    """A fresh migrated store with `rows` plausible incidents (same schema the app serves)."""
    from sqlalchemy import insert

    from civcas.store import Store
    from civcas.store.schema import Incident

    if path.exists():
        path.unlink()
    store = Store.open(str(path))
    rnd = random.Random(7)
    now = dt.datetime.now(dt.timezone.utc)
    batch = []
    with store.engine.begin() as conn:
        for n in range(1, rows + 1):
            place, ar, country, admin1, lat, lon = rnd.choice(PLACES)
            lo = rnd.choice([0, 1, 1, 2, 3, 5, 8, 12, 20, 40])
            day = dt.date(2014, 8, 8) + dt.timedelta(days=rnd.randrange(365 * 5))
            batch.append({
                "code": f"CS{n:06d}", "date": day, "place_text": f"{place} district {n % 97}", "place_text_ar": ar,
                "country": country, "admin1": admin1, "lat": lat + rnd.uniform(-0.3, 0.3),
                "lon": lon + rnd.uniform(-0.3, 0.3), "geo_precision": rnd.randint(1, 4),
                "belligerent": rnd.choice(["Coalition", "Russia", "Coalition and Russia"]),
                "grade": rnd.choice(GRADES), "strike_status": rnd.choice(["declared", "alleged"]),
                "civilians_killed_min": lo, "civilians_killed_max": lo + rnd.choice([0, 0, 1, 3, 10]),
                "previous_codes": [], "sources": [], "victims": [], "grade_overridden": False,
                "analyst_notes": "restricted", "created_at": now, "updated_at": now,
            })
            if len(batch) == 5000:
                conn.execute(insert(Incident), batch)
                batch = []
        if batch:
            conn.execute(insert(Incident), batch)
    store.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_up(url: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}: {url}")
        try:
            if httpx.get(url, timeout=2).status_code < 500:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"server did not answer: {url}")


def start_civcas(db: Path, port: int) -> subprocess.Popen:
    code = textwrap.dedent(f"""
        import uvicorn
        from civcas.store import Store
        from civcas.publish.web import create_app
        uvicorn.run(create_app(Store.open({str(db)!r}, upgrade=False)), host="127.0.0.1", port={port},
                    log_level="warning", access_log=False)
    """)
    return subprocess.Popen([PY, "-c", code], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)


def start_datasette(db: Path, port: int) -> subprocess.Popen | None:
    exe = Path(PY).with_name("datasette")
    if not exe.exists():
        return None
    # immutable (-i) is Datasette's fastest mode for a read-only file: no change checks per request
    return subprocess.Popen([str(exe), "serve", "-i", str(db), "-h", "127.0.0.1", "-p", str(port),
                             "--setting", "sql_time_limit_ms", "5000", "--setting", "max_returned_rows", "1000"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)


def stop(proc: subprocess.Popen | None) -> None:
    if proc is None or proc.poll() is not None:
        return
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)


def civcas_path(extra: str) -> str:
    return f"/api/incidents?limit=100{extra}&after="


def datasette_path(db_name: str, where: str) -> str:
    sql = f"select {', '.join(COLUMNS)} from incidents where id > :after{where} order by id limit 100"
    return f"/{db_name}.json?sql={quote(sql)}&_shape=objects&after="


WRK_LUA = """
math.randomseed(os.time())
local prefix = "{prefix}"
request = function()
  return wrk.format("GET", prefix .. math.random(0, {top}))
end
done = function(summary, latency, requests)
  io.write(string.format("JSON{{\\"requests\\": %d, \\"seconds\\": %f, \\"errors\\": %d, \\"p50\\": %f, \\"p90\\": %f, \\"p99\\": %f, \\"max\\": %f}}\\n",
    summary.requests, summary.duration / 1e6, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
"""

LOADGEN = r"""
import asyncio, json, random, sys, time
import httpx
base, prefix, top, seconds, conns, cap = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
lat, errors = [], 0
async def worker(client, stop_at):
    global errors
    while time.monotonic() < stop_at and len(lat) < cap:
        t = time.perf_counter()
        r = await client.get(prefix + str(random.randint(0, top)))
        lat.append((time.perf_counter() - t) * 1000)
        if r.status_code != 200:
            errors += 1
async def main():
    limits = httpx.Limits(max_connections=conns, max_keepalive_connections=conns)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        start = time.monotonic()
        await asyncio.gather(*(worker(client, start + seconds) for _ in range(conns)))
        return time.monotonic() - start
took = asyncio.run(main())
lat.sort()
pick = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))] if lat else float("nan")
print("JSON" + json.dumps({"requests": len(lat), "seconds": took, "errors": errors, "p50": pick(.5), "p90": pick(.9), "p99": pick(.99), "max": lat[-1] if lat else float("nan")}))
"""


def load(base: str, prefix: str, top: int, seconds: float, conns: int, cap: int) -> dict:
    """Requests/s and latency (ms) from a separate load-generator process."""
    wrk = shutil.which("wrk")
    if wrk:
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
            f.write(WRK_LUA.format(prefix=prefix.replace('"', '\\"'), top=top))
        threads = max(1, min(4, conns // 4))
        out = subprocess.run([wrk, f"-t{threads}", f"-c{conns}", f"-d{int(seconds)}s", "--timeout", "10s", "-s", f.name, base],
                             capture_output=True, text=True, timeout=seconds + 60)
        os.unlink(f.name)
        tool = "wrk"
    else:
        out = subprocess.run([PY, "-c", LOADGEN, base, prefix, str(top), str(seconds), str(conns), str(cap)],
                             capture_output=True, text=True, timeout=seconds + 60)
        tool = "httpx"
    line = next((ln for ln in out.stdout.splitlines() if ln.startswith("JSON")), None)
    if line is None:
        raise RuntimeError(f"load generator failed: {out.stdout[-500:]} {out.stderr[-500:]}")
    res = json.loads(line[4:])
    res["rps"] = res["requests"] / res["seconds"] if res["seconds"] else 0.0
    res["tool"] = tool
    return res


def check_same_rows(civcas: str, datasette: str, ds_prefix: str, cv_prefix: str) -> None:
    """Both servers answer the same page with the same incidents (else the race is not fair)."""
    a = [r["code"] for r in httpx.get(civcas + cv_prefix + "500").json()["items"]]
    b = [r["code"] for r in httpx.get(datasette + ds_prefix + "500").json()["rows"]]
    if a != b:
        raise SystemExit(f"the two servers disagree on the page: {a[:3]} vs {b[:3]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--seconds", type=float, default=10)
    ap.add_argument("--connections", type=int, default=8)
    ap.add_argument("--max-requests", type=int, default=200_000)
    ap.add_argument("--keep", action="store_true", help="keep bench/out/serve.db for a next run")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    db = OUT / "serve.db"
    t0 = time.perf_counter()
    if not (args.keep and db.exists()):
        generate(db, args.rows)
    print(f"data: {args.rows:,} incidents in {db} ({db.stat().st_size / 1e6:.1f} MB), "
          f"generated in {time.perf_counter() - t0:.1f} s")
    top = max(0, args.rows - 100)
    cv_port, ds_port = free_port(), free_port()
    civ = start_civcas(db, cv_port)
    ds = start_datasette(db, ds_port)
    results: dict[tuple[str, str], dict] = {}
    try:
        cv_base = f"http://127.0.0.1:{cv_port}"
        wait_up(cv_base + "/api/incidents?limit=1", civ)
        servers = [("civcas", cv_base, lambda w, x: civcas_path(x))]
        if ds is not None:
            ds_base = f"http://127.0.0.1:{ds_port}"
            wait_up(ds_base + "/-/versions.json", ds)
            version = httpx.get(ds_base + "/-/versions.json").json()["datasette"]["version"]
            print(f"peer: Datasette {version} (immutable mode), same SQLite file, same columns and keyset query")
            servers.append(("datasette", ds_base, lambda w, x: datasette_path(db.stem, w)))
            for name, (extra, where) in SCENARIOS.items():
                check_same_rows(cv_base, ds_base, datasette_path(db.stem, where), civcas_path(extra))
        else:
            print("peer: Datasette is not installed (pip install 'datasette==0.65.*'); civcas alone")
        for scenario, (extra, where) in SCENARIOS.items():
            for name, base, path in servers:
                prefix = path(where, extra)
                load(base, prefix, top, min(2.0, args.seconds), args.connections, args.max_requests)  # warm-up
                results[(scenario, name)] = load(base, prefix, top, args.seconds, args.connections, args.max_requests)
    finally:
        stop(civ)
        stop(ds)
        if not args.keep and db.exists():
            db.unlink()
    print(f"\nload: {results[next(iter(results))]['tool']}, {args.connections} connections, {args.seconds:.0f} s "
          f"per run, pages of 100 from a random keyset position")
    print(f"{'scenario':10} {'server':10} {'requests':>9} {'req/s':>9} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} {'errors':>7}")
    for (scenario, name), r in results.items():
        print(f"{scenario:10} {name:10} {r['requests']:>9,} {r['rps']:>9,.0f} {r['p50']:>8.1f} {r['p90']:>8.1f} "
              f"{r['p99']:>8.1f} {r['errors']:>7}")
    ok = True
    for scenario in SCENARIOS:
        mine, peer = results[(scenario, "civcas")], results.get((scenario, "datasette"))
        verdict = f"p99 {mine['p99']:.1f} ms {'<' if mine['p99'] < 50 else '>='} 50 ms"
        ok &= mine["p99"] < 50
        if peer:
            ratio = mine["rps"] / peer["rps"] if peer["rps"] else float("inf")
            verdict += f"; {ratio:.2f}x Datasette's req/s"
            ok &= ratio >= 1
        print(f"{scenario}: {verdict}")
    print("goal met" if ok else "goal NOT met")


if __name__ == "__main__":
    main()
