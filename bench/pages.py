"""How fast the pages answer on the corpus graph: every kind of page, timed over real HTTP.

Builds the corpus into a fresh store, starts ``kutniti serve`` on a free loopback port, asks the
server itself (``/sparql``) which things and documents there are, then requests every page — the
query page, each canned query, each country, person, organisation and city, some events, each
document, the ontology and the VoID description — once to warm up and then ``--repeat`` times
each, one request at a time. It prints p50/p95/max per kind of page and writes the figures to
``bench/results/pages-<date>.json``. The goal is every page under 200 ms.

    python -m bench.pages                 # 20 requests per page
    python -m bench.pages --repeat 50 --events 20
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

import requests

from .loadclient import _percentile
from .peers import Peer, _bin, _spawn, free_port, wait_ready

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
GOAL_MS = 200.0
THINGS = """PREFIX dip: <https://w3id.org/kutniti/ontology#>
SELECT DISTINCT ?x ?t WHERE { ?x a ?t VALUES ?t { dip:Country dip:Person dip:Organization dip:City dip:SourceDocument } }
ORDER BY ?x"""
EVENTS = """PREFIX dip: <https://w3id.org/kutniti/ontology#>
SELECT DISTINCT ?e WHERE { ?e dip:evidence ?ev } ORDER BY ?e LIMIT %d"""


def select(url: str, query: str) -> list[dict]:
    r = requests.get(url + "/sparql", params={"query": query}, headers={"Accept": "application/sparql-results+json"},
                     timeout=30)
    r.raise_for_status()
    return r.json()["results"]["bindings"]


def pages(url: str, events: int) -> list[tuple[str, str]]:
    """(kind of page, path) for every page the benchmark requests."""
    from kutniti.queries import load_queries

    kid = "https://w3id.org/kutniti/id/"
    out = [("query page", "/")]
    out += [("canned query", "/?" + urllib.parse.urlencode({"name": n})) for n in load_queries()]
    kinds = {"Country": "country", "Person": "person", "Organization": "organisation", "City": "city"}
    for b in select(url, THINGS):
        iri, cls = b["x"]["value"], b["t"]["value"].rsplit("#", 1)[1]
        slug = iri[len(kid):]
        if cls == "SourceDocument":
            out.append(("document", "/doc/" + slug[len("doc-"):]))
        elif iri.startswith(kid):
            out.append((kinds[cls], "/id/" + slug))
    out += [("event", "/id/" + b["e"]["value"][len(kid):]) for b in select(url, EVENTS % events)]
    out += [("ontology", "/ontology"), ("VoID", "/.well-known/void")]
    return out


def measure(url: str, targets: list[tuple[str, str]], repeat: int) -> tuple[dict, list[dict]]:
    """Time each page ``repeat`` times after one warm-up request; per kind and per page figures."""
    session = requests.Session()
    per_page, per_kind = [], {}
    for kind, path in targets:
        started = time.perf_counter()
        r = session.get(url + path, headers={"Accept": "text/html"}, timeout=60)
        first = time.perf_counter() - started
        if r.status_code != 200:
            raise RuntimeError(f"{path} answered {r.status_code}")
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            session.get(url + path, headers={"Accept": "text/html"}, timeout=60).raise_for_status()
            times.append(time.perf_counter() - started)
        times.sort()
        per_page.append({"kind": kind, "path": path, "bytes": len(r.content), "first_ms": round(first * 1000, 1),
                         "p50_ms": round(_percentile(times, 50) * 1000, 1), "max_ms": round(times[-1] * 1000, 1)})
        per_kind.setdefault(kind, {"pages": 0, "times": [], "first": []})
        per_kind[kind]["pages"] += 1
        per_kind[kind]["times"] += times
        per_kind[kind]["first"].append(first)
    summary = {}
    for kind, d in per_kind.items():
        t = sorted(d["times"])
        summary[kind] = {"pages": d["pages"], "requests": len(t),
                         "p50_ms": round(_percentile(t, 50) * 1000, 1), "p95_ms": round(_percentile(t, 95) * 1000, 1),
                         "max_ms": round(t[-1] * 1000, 1), "first_max_ms": round(max(d["first"]) * 1000, 1)}
    return summary, per_page


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=20, help="timed requests per page (after one warm-up)")
    ap.add_argument("--events", type=int, default=10, help="how many event pages to request")
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    ap.add_argument("--out", type=Path, default=HERE / "results")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kutniti-pages-") as tmp:
        work = Path(tmp)
        store, log = work / "store", work / "serve.log"
        subprocess.run([_bin("kutniti"), "build", str(args.corpus), "--store", str(store)], check=True,
                       stdout=subprocess.DEVNULL)
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        process = _spawn([_bin("kutniti"), "serve", "--store", str(store), "--host", "127.0.0.1",
                          "--port", str(port)], log)
        peer = Peer("kutniti", url + "/sparql", process, log=log)
        try:
            wait_ready(peer.url, process, 120)
            targets = pages(url, args.events)
            summary, per_page = measure(url, targets, args.repeat)
        finally:
            peer.stop()
    slow = [p for p in per_page if p["max_ms"] > GOAL_MS]
    report = {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "command": "python -m bench.pages " + " ".join(argv if argv is not None else sys.argv[1:]),
        "repeat": args.repeat, "goal_ms": GOAL_MS, "by_kind": summary, "pages": per_page,
        "over_goal": [p["path"] for p in slow],
    }
    args.out.mkdir(parents=True, exist_ok=True)
    out = args.out / f"pages-{dt.date.today().isoformat()}.json"
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{'kind of page':<14} {'pages':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'first ms':>9}")
    for kind, s in summary.items():
        print(f"{kind:<14} {s['pages']:>5} {s['p50_ms']:>8} {s['p95_ms']:>8} {s['max_ms']:>8} {s['first_max_ms']:>9}")
    print(f"{len(per_page)} pages, {args.repeat} requests each; over {GOAL_MS:.0f} ms: {len(slow)}; written to {out}")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
