"""Start ``kutniti serve`` on a large store and time its start and its heaviest pages.

It reports the seconds until the server answers a query, the seconds until it answers from its
in-memory copy (``/healthz``), two pages requested while the copy is still being made, and then
countries' pages (by default North Korea, in every synthetic document, and three others), the first one's second page
of events, its data as Turtle and a few people's pages, each requested twice one at a time: the
first request is evaluated, the second comes from the answer cache. Results go to
``bench/results/bigpages-<date>.json``. Make a store with :mod:`bench.generate` and ``kutniti load``.

    python -m bench.bigpages --store DIR
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from . import peers, run

HERE = Path(__file__).resolve().parent
PEOPLE = "PREFIX dip: <https://w3id.org/kutniti/ontology#> SELECT ?x WHERE { ?x a dip:Person } LIMIT %d"


def get(url: str) -> list:
    """[HTTP status, milliseconds, bytes] of one GET."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=120) as resp:
            body, status = resp.read(), resp.status
    except urllib.error.HTTPError as exc:
        body, status = exc.read(), exc.code
    return [status, round((time.perf_counter() - started) * 1000, 1), len(body)]


def slugs(url: str, query: str) -> list[str]:
    target = url + "/sparql?" + urllib.parse.urlencode({"query": query})
    req = urllib.request.Request(target, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=300) as resp:
        rows = json.loads(resp.read())["results"]["bindings"]
    return [next(iter(r.values()))["value"].rsplit("/", 1)[1] for r in rows]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, required=True, help="a store folder (kutniti load)")
    parser.add_argument("--countries", default="north-korea,chile,bahamas,qatar", help="kid: names of countries")
    parser.add_argument("--people", type=int, default=5)
    parser.add_argument("--ports", default=None, metavar="FIRST-LAST")
    parser.add_argument("--results", type=Path, default=HERE / "results")
    args = parser.parse_args(argv)
    if args.ports:
        peers.PORTS = tuple(int(x) for x in args.ports.split("-"))
    port = peers.free_port()
    log = Path(tempfile.gettempdir()) / f"kutniti-bigpages-{port}.log"
    args.results.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    proc = peers._spawn([sys.executable, "-m", "kutniti", "serve", "--store", str(args.store), "--host", "127.0.0.1",  # noqa: SLF001
                         "--port", str(port)], log)
    url = f"http://127.0.0.1:{port}"
    now = dt.datetime.now(dt.timezone.utc)
    out: dict = {"date": now.strftime("%Y-%m-%d %H:%M UTC"), "machine": run.machine(),
                 "fields": "[HTTP status, milliseconds, bytes]"}
    try:
        out["ready_seconds"] = round(peers.wait_ready(url + "/sparql", proc, 300), 2)
        people = slugs(url, PEOPLE % args.people)
        out["while_copying"] = {p: get(url + p) for p in (f"/id/{people[0]}", f"/id/{people[0]}?format=ttl")}
        copy = peers.wait_memory_copy(url, started, 600)
        out["memory_copy_seconds"] = round(copy, 1) if copy else None
        countries = [c.strip() for c in args.countries.split(",") if c.strip()]
        pages = [f"/id/{c}" for c in countries] + [f"/id/{countries[0]}?events=100", f"/id/{countries[0]}?format=ttl"]
        pages += [f"/id/{p}" for p in people]
        out["first_request"] = {p: get(url + p) for p in pages}
        out["second_request"] = {p: get(url + p) for p in pages}
    finally:
        peers.Peer("kutniti", url, proc).stop()
    path = args.results / f"bigpages-{now.strftime('%Y-%m-%dT%H%M')}.json"
    path.write_text(json.dumps(out, indent=1), encoding="utf-8")
    print(json.dumps(out, indent=1))
    run.log(f"results: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
