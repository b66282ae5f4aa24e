"""Soak ``kutniti serve``: many clients for a while, quiet and then with runaway queries.

For each graph (the corpus, built with ``kutniti build``; a synthetic graph of N triples made by
:mod:`bench.generate` and bulk-loaded with ``kutniti load``) it starts ``kutniti serve`` on
127.0.0.1 and runs two phases of ``--seconds`` each, with ``--clients`` concurrent clients issuing
a random mix of the canned queries (``queries/*.rq`` over ``/sparql``, and ``/?name=…`` pages)
and random entity pages (``/id/<slug>``):

- **quiet**: only the mix; every answer must be 2xx;
- **runaway**: the same mix while one runaway query arrives every second, each cut off by the
  server's time limit (503); the mix's p99 is compared with the quiet run's.

The machine may be shared, so the two phases are interleaved: after an unmeasured warm-up, each
phase runs in ``--rounds`` slices (quiet, runaway, runaway, quiet, …: the order reversed each
round), and a runaway slice ends only when its last runaway has been cut off, so that noise from
other work hits both phases alike. Figures are summed over a phase's slices; each slice's p99 is
kept too, to show how noisy the run was.

Before measuring, each request of the mix is sent once on its own; one that does not answer
within ``--screen-seconds`` even alone is left out of the mix and listed in the results (under
32 clients it would be a runaway itself). Results go to ``bench/results/soak-<date>.json``. Loopback only; every request
has a timeout and every phase a deadline, so the run ends by itself.

    python -m bench.soak                                   # corpus and 1M triples, 32 clients, 60 s
    python -m bench.soak --graphs corpus --seconds 10      # a quick one
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

from . import generate, loadclient, peers, run

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
#: A query no server answers in time; each one sent differs (``{n}``), so that no cache or sharing of
#: identical requests in flight can answer one runaway with another's work.
RUNAWAY = 'SELECT (COUNT(*) AS ?n) WHERE {{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l FILTER(?l != "runaway {n}") }}'
ENTITY_CLASSES = ("Country", "Person", "Organization", "City", "SourceDocument")
log = run.log


#: The load client's kept-alive connection; ``get`` fetches any path (pages as well as /sparql).
Connection = loadclient._Connection  # noqa: SLF001


def sparql_target(query: str) -> str:
    return "/sparql?" + urllib.parse.urlencode({"query": query})


def request_mix(base: str, *, entities: int, classes: tuple[str, ...], seed: int) -> list[tuple[str, str, str]]:
    """(kind, name, target) for every canned query (by /sparql and as a page) and a random
    sample of entity pages."""
    from kutniti.graph.namespaces import KID, SPARQL_PREFIXES
    from kutniti.queries import load_queries

    mix = []
    for name, q in load_queries().items():
        mix.append(("sparql", name, sparql_target(q.bind({}))))
        mix.append(("page", name, "/?" + urllib.parse.urlencode({"name": name})))
    values = " ".join(f"dip:{c}" for c in classes)
    conn = Connection(base, 60)
    status, body, _ = conn.get(sparql_target(
        SPARQL_PREFIXES + f"SELECT DISTINCT ?x WHERE {{ VALUES ?t {{ {values} }} ?x a ?t "
        f"FILTER(STRSTARTS(STR(?x), STR(kid:))) }} LIMIT 20000"), "application/sparql-results+json")
    conn.close()
    if status != 200:
        raise RuntimeError(f"cannot list entities: HTTP {status}: {body[:200]!r}")
    slugs = [b["x"]["value"][len(str(KID)):] for b in json.loads(body)["results"]["bindings"]]
    for slug in random.Random(seed).sample(slugs, min(entities, len(slugs))):
        mix.append(("entity", slug, "/id/" + urllib.parse.quote(slug)))
    return mix


def screen(base: str, mix: list, timeout: float) -> tuple[list, list]:
    """Send each request once, alone: keep those answered 2xx within ``timeout``."""
    conn = Connection(base, timeout + 5)
    kept, left_out = [], []
    for kind, name, target in mix:
        t0 = time.perf_counter()
        try:
            status, body, _ = conn.get(target)
            seconds = time.perf_counter() - t0
            slow_page = kind == "page" and b"was stopped" in body
            if 200 <= status < 300 and seconds < timeout and not slow_page:
                kept.append((kind, name, target))
                continue
            why = f"HTTP {status} after {seconds:.1f} s" + (" (stopped by the time limit)" if slow_page else "")
        except Exception as exc:  # noqa: BLE001 - reported, not fatal
            why = f"{type(exc).__name__} after {time.perf_counter() - t0:.1f} s"
        left_out.append({"kind": kind, "name": name, "why": why})
    conn.close()
    return kept, left_out


class Phase:
    """What one phase measured, summed over its slices."""

    def __init__(self, mix: list) -> None:
        self.total = loadclient.Cell()
        self.kinds = {k: loadclient.Cell() for k in {m[0] for m in mix}}
        self.runaways = {"sent": 0, "cut_off": 0, "other": 0, "seconds": []}
        self.slices: list[dict] = []
        self.load = [os.getloadavg()[0], os.getloadavg()[0]]


def phase(base: str, mix: list, *, clients: int, seconds: float, request_timeout: float, runaway: bool,
          seed: int, into: Phase | None = None) -> dict:
    """``clients`` workers issue random requests of ``mix`` for ``seconds``; with ``runaway``, one
    runaway query is sent every second besides (and the slice lasts until the last one ended).
    Figures are added to ``into`` when given."""
    into = into or Phase(mix)
    total, kinds = loadclient.Cell(), {k: loadclient.Cell() for k in {m[0] for m in mix}}
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds
    stop = threading.Event()

    def worker(i: int) -> None:
        rng = random.Random(seed * 1000 + i)
        conn = Connection(base, request_timeout)
        while time.perf_counter() < deadline:
            kind, name, target = rng.choice(mix)
            t0 = time.perf_counter()
            try:
                status, body, _ = conn.get(target)
                ok = 200 <= status < 300
                err = None if ok else f"{kind} {name}: HTTP {status}: {body[:200].decode('utf-8', 'replace')}"
            except Exception as exc:  # noqa: BLE001 - counted and reported
                ok, err = False, f"{kind} {name}: {type(exc).__name__}: {exc}"[:300]
            dt_ = time.perf_counter() - t0
            with lock:
                for cell in (total, kinds[kind]):
                    if ok:
                        cell.ok += 1
                        cell.latencies.append(dt_)
                    else:
                        cell.errors += 1
                        cell.last_error = err
        conn.close()

    runaways = into.runaways
    numbers = itertools.count(int(time.time() * 1000))

    def one_runaway() -> None:
        conn = Connection(base, request_timeout)
        t0 = time.perf_counter()
        try:
            status, body, _ = conn.get(sparql_target(RUNAWAY.format(n=next(numbers))),
                                       "application/sparql-results+json")
            cut = status == 503 and b"stopped" in body
        except Exception:  # noqa: BLE001 - counted as not cut off
            cut = False
        conn.close()
        with lock:
            runaways["cut_off" if cut else "other"] += 1
            runaways["seconds"].append(time.perf_counter() - t0)

    def launcher() -> list[threading.Thread]:
        started = []
        while not stop.wait(1.0):
            th = threading.Thread(target=one_runaway, daemon=True)
            th.start()
            started.append(th)
            runaways["sent"] += 1
        return started

    launched: list[threading.Thread] = []
    sender = threading.Thread(target=lambda: launched.extend(launcher()), daemon=True)
    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(clients)]
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    if runaway:
        sender.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join(seconds + request_timeout + 5)
    total.seconds = time.perf_counter() - started
    stop.set()
    if runaway:
        sender.join()
        for th in launched:
            th.join(request_timeout + 5)
    into.load = [min(into.load[0], load_before), max(into.load[1], os.getloadavg()[0])]
    into.slices.append({"seconds": round(total.seconds, 1), "p99_ms": total.summary()["p99_ms"],
                        **{f"{k}_p99_ms": c.summary()["p99_ms"] for k, c in sorted(kinds.items())}})
    for mine, theirs in [(total, into.total), *((kinds[k], into.kinds[k]) for k in kinds)]:
        theirs.ok += mine.ok
        theirs.errors += mine.errors
        theirs.seconds += mine.seconds
        theirs.latencies += mine.latencies
        theirs.last_error = mine.last_error or theirs.last_error
    return summary(into, clients, runaway)


def summary(p: Phase, clients: int, runaway: bool) -> dict:
    """A phase's figures, summed over its slices."""
    out = {"clients": clients, "machine_load_1min": [round(x, 2) for x in p.load], **p.total.summary(),
           "by_kind": {k: c.summary() for k, c in sorted(p.kinds.items())}, "slices": p.slices}
    if runaway:
        secs = sorted(p.runaways["seconds"])
        out["runaways"] = {k: v for k, v in p.runaways.items() if k != "seconds"}
        out["runaways"]["max_seconds"] = round(secs[-1], 2) if secs else None
    return out


def prepare(graph: str, workdir: Path, args) -> Path:
    """A store folder holding ``graph``: the corpus built, or synthetic triples bulk-loaded."""
    store = workdir / f"{graph}-store"
    if args.reuse_store and (store / "current").exists():
        log(f"{graph}: reusing {store.name} (--reuse-store)")
        return store
    shutil.rmtree(store, ignore_errors=True)
    if graph == "corpus":
        cmd = [sys.executable, "-m", "kutniti", "build", str(ROOT / "corpus"), "--store", str(store)]
    else:
        data = workdir / f"data-{args.triples}.nq"
        generate.write_file(data, args.triples, seed=args.seed)
        cmd = [sys.executable, "-m", "kutniti", "load", str(run.ontology_nquads(workdir / "ontology.nq")),
               str(data), "--store", str(store)]
    log(f"{graph}: {' '.join(cmd[2:4])} …")
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, timeout=1800)
    return store


def serve(store: Path, workdir: Path, graph: str, args) -> peers.Peer:
    """``kutniti serve`` on the store, on a free loopback port, with the soak's time limit."""
    port = peers.free_port()
    threads = args.clients + int(args.query_timeout) + 8  # room for the runaways in flight
    cmd = [sys.executable, "-m", "kutniti", "serve", "--store", str(store), "--host", "127.0.0.1",
           "--port", str(port), "--query-timeout", str(args.query_timeout), "--threads", str(threads)]
    proc = peers._spawn(cmd, workdir / f"{graph}-serve.log")  # noqa: SLF001
    peer = peers.Peer(name=graph, url=f"http://127.0.0.1:{port}", process=proc)
    try:
        started = time.perf_counter()
        peers.wait_ready(peer.url + "/sparql", proc, args.ready_timeout)
        # measure the server as it runs once its in-memory copy is made, not while it answers from disk
        peer.extra["memory_copy_seconds"] = peers.wait_memory_copy(peer.url, started, args.ready_timeout)
    except BaseException:
        peer.stop()
        raise
    peer.extra["command"] = " ".join(["kutniti", *cmd[3:]]).replace(str(store), f"{graph}-store")
    return peer


def soak(graph: str, workdir: Path, args) -> dict:
    store = prepare(graph, workdir, args)
    peer = serve(store, workdir, graph, args)
    try:
        classes = ENTITY_CLASSES if graph == "corpus" else tuple(args.synthetic_classes.split(","))
        mix = request_mix(peer.url, entities=args.entities, classes=classes, seed=args.seed)
        kept, left_out = screen(peer.url, mix, min(args.screen_seconds, args.query_timeout))
        log(f"{graph}: {len(kept)} requests in the mix, {len(left_out)} left out")
        out = {"graph": graph, "serve": peer.extra["command"], "mix": len(kept), "left_out": left_out,
               "entity_classes": list(classes), "rss_ready_mb": run._mb(peer.rss_bytes()),
               "memory_copy_seconds": peer.extra.get("memory_copy_seconds")}  # noqa: SLF001
        timeout = args.query_timeout * 2 + 30
        if args.warmup:
            log(f"{graph}: warm-up, {args.clients} clients, {args.warmup:g} s (not measured)")
            phase(peer.url, kept, clients=args.clients, seconds=args.warmup, request_timeout=timeout,
                  runaway=False, seed=args.seed + 99)
        phases = {"quiet": Phase(kept), "runaway": Phase(kept)}
        order = ["quiet", "runaway"]
        for r in range(args.rounds):
            for name in order if r % 2 == 0 else order[::-1]:
                seconds = args.seconds / args.rounds
                log(f"{graph}: {name} slice {r + 1}/{args.rounds}, {args.clients} clients, {seconds:g} s")
                out[name] = phase(peer.url, kept, clients=args.clients, seconds=seconds, request_timeout=timeout,
                                  runaway=name == "runaway", seed=args.seed + r, into=phases[name])
                log(f"{graph}: {name}: {out[name]['ok']} ok, {out[name]['errors']} errors, "
                    f"p50 {out[name]['p50_ms']} ms, p99 {out[name]['p99_ms']} ms")
        kinds = sorted(out["quiet"]["by_kind"])
        out["p99_ratio_by_kind"] = {
            k: round(out["runaway"]["by_kind"][k]["p99_ms"] / out["quiet"]["by_kind"][k]["p99_ms"], 3)
            for k in kinds if out["quiet"]["by_kind"][k]["p99_ms"] and out["runaway"]["by_kind"].get(k, {}).get("p99_ms")}
        q, r = out["quiet"]["p99_ms"], out["runaway"]["p99_ms"]
        out["p99_ratio"] = round(r / q, 3) if q and r else None
        out["zero_errors"] = out["quiet"]["errors"] == 0 and out["runaway"]["errors"] == 0
        out["runaways_all_cut_off"] = out["runaway"]["runaways"]["other"] == 0
        out["p99_within_2x"] = out["p99_ratio"] is not None and out["p99_ratio"] <= 2.0
        out["p99_within_2x_by_kind"] = all(r <= 2.0 for r in out["p99_ratio_by_kind"].values())
        out["rss_end_mb"] = run._mb(peer.rss_bytes())  # noqa: SLF001
    finally:
        peer.stop()
    return out


def _public(args: list[str]) -> list[str]:
    """The command's arguments without the scratch folder's path (it says nothing to a reader)."""
    out = []
    for a in args:
        out.append("DIR" if out and out[-1] == "--workdir" else a)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--graphs", default="corpus,synthetic", help="corpus, synthetic, or both")
    parser.add_argument("--triples", default="1M", help="size of the synthetic graph")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=60.0, help="length of each phase (all its slices)")
    parser.add_argument("--rounds", type=int, default=4, help="slices each phase is cut into, interleaved")
    parser.add_argument("--warmup", type=float, default=10.0, help="unmeasured seconds of the mix first")
    parser.add_argument("--reuse-store", action="store_true",
                        help="serve a store left in --workdir by an earlier run instead of making it again")
    parser.add_argument("--ports", default=None, metavar="FIRST-LAST", help="port range the server may listen on")
    parser.add_argument("--query-timeout", type=float, default=10.0, help="the server's time limit (s)")
    parser.add_argument("--screen-seconds", type=float, default=2.0,
                        help="requests slower than this alone are left out of the mix")
    parser.add_argument("--entities", type=int, default=200, help="entity pages in the mix")
    parser.add_argument("--synthetic-classes", default="Person,SourceDocument,Country",
                        help="classes whose pages are in the synthetic graph's mix")
    parser.add_argument("--ready-timeout", type=float, default=600.0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workdir", type=Path, default=None, help="scratch folder (default: a temporary one)")
    parser.add_argument("--results", type=Path, default=HERE / "results")
    args = parser.parse_args(argv)
    args.triples = generate.parse_size(args.triples)
    if args.ports:
        peers.PORTS = tuple(int(x) for x in args.ports.split("-"))
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    graphs = [g.strip() for g in args.graphs.split(",") if g.strip()]
    if set(graphs) - {"corpus", "synthetic"}:
        parser.error("--graphs takes corpus and/or synthetic")
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="kutniti-soak-"))
    workdir.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now(dt.timezone.utc)
    result = {"date": now.strftime("%Y-%m-%d %H:%M UTC"), "machine": run.machine(),
              "command": "python -m bench.soak " + " ".join(_public(argv if argv is not None else sys.argv[1:])),
              "runaway_query": RUNAWAY.format(n="<a number of its own>"), "graphs": []}
    try:
        for g in graphs:
            result["graphs"].append(soak(g, workdir, args))
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    args.results.mkdir(parents=True, exist_ok=True)
    path = args.results / f"soak-{now.strftime('%Y-%m-%dT%H%M')}.json"
    path.write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
    log(f"results: {path}")
    return 0 if all(g["zero_errors"] and g["p99_within_2x_by_kind"] for g in result["graphs"]) else 1


if __name__ == "__main__":
    sys.exit(main())
