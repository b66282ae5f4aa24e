"""Run the whole benchmark and write its results: the one command anyone reruns.

For each size (default 10k, 100k, 1M triples) it generates the synthetic data, starts each peer on
it (timing the bulk load, the time until the first answer, and the server's memory), runs the query
mix against all of them interleaved at concurrency 1 and 8, and stops them. Then it times
``kutniti build`` on a synthetic Bengali corpus. Results go to ``bench/results/<date>.json`` and
``.md``, with a PNG of how each figure grows with size.

    python -m bench.run                      # the default run (about 20 minutes on 2 cores)
    python -m bench.run --sizes 10k          # a quick one
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

from . import corpus, generate, loadclient, peers

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def ontology_nquads(path: Path) -> Path:
    """Write the ontology as N-Quads in its named graph (the peers need it for property paths)."""
    import rdflib

    from kutniti.graph.namespaces import ONTOLOGY_GRAPH

    g = rdflib.Graph().parse(ROOT / "ontology" / "kutniti.ttl")
    ds = rdflib.Dataset()
    og = ds.graph(ONTOLOGY_GRAPH)
    for t in g:
        og.add(t)
    path.write_text(ds.serialize(format="nquads"), encoding="utf-8")
    return path


def settle_on(running: dict[str, peers.Peer], files: list[Path], workdir: Path, args, limit: float = 10.0):
    """A ``settle`` hook: wait until a peer's process is idle (under 10% CPU), at most ``limit`` s;
    a peer still busy after that is restarted (so abandoned work cannot steal the others' CPU)."""

    def settle(name: str) -> str | None:
        peer = running[name]
        try:
            proc = psutil.Process(peer.process.pid)
            deadline = time.perf_counter() + limit
            while time.perf_counter() < deadline:
                if proc.cpu_percent(interval=0.2) < 10:
                    return None
        except psutil.NoSuchProcess:
            pass
        log(f"{name} still busy with abandoned requests: restarting it")
        peer.stop()
        fresh = peers.start(name, files, workdir / "peers", ready_timeout=args.ready_timeout)
        fresh.extra["restarts"] = peer.extra.get("restarts", 0) + 1
        running[name] = fresh
        return fresh.url

    return settle


def measure_size(size: int, workdir: Path, names: list[str], queries: dict[str, str], args) -> dict:
    """Everything measured at one size."""
    data = workdir / f"data-{size}.nq"
    started = time.perf_counter()
    quads = generate.write_file(data, size, seed=args.seed)
    gen_seconds = time.perf_counter() - started
    files = [ontology_nquads(workdir / "ontology.nq"), data]
    log(f"{size}: generated {quads} quads in {gen_seconds:.1f} s ({data.stat().st_size / 1e6:.0f} MB)")
    out: dict = {"triples": size, "quads": quads, "generate_seconds": round(gen_seconds, 2), "peers": {}}
    running: dict[str, peers.Peer] = {}
    try:
        for name in names:
            if name == "rdflib-endpoint" and size > args.rdflib_max:
                out["peers"][name] = {"skipped": f"above --rdflib-max ({args.rdflib_max} triples)"}
                continue
            try:
                p = peers.start(name, files, workdir / "peers", ready_timeout=args.ready_timeout)
            except Exception as exc:
                log(f"{size}: {name} did not start: {exc}")
                out["peers"][name] = {"error": str(exc)}
                continue
            running[name] = p
            out["peers"][name] = {"url": p.url, "load_seconds": _r(p.load_seconds),
                                  "ready_seconds": _r(p.ready_seconds), "rss_ready_mb": _mb(p.rss_bytes())}
            if "memory_copy_seconds" in p.extra:
                out["peers"][name]["memory_copy_seconds"] = _r(p.extra["memory_copy_seconds"])
            log(f"{size}: {name} loaded in {p.load_seconds or 0:.1f} s, ready in {p.ready_seconds:.2f} s, "
                f"{out['peers'][name]['rss_ready_mb']} MB")
        if not running:
            return out
        endpoints = [loadclient.Endpoint(n, p.url) for n, p in running.items()]
        reference = args.reference if args.reference in running else endpoints[0].name
        peak = {n: 0 for n in running}
        stop = threading.Event()

        def sample() -> None:
            while not stop.is_set():
                for n, p in running.items():
                    peak[n] = max(peak[n], p.rss_bytes())
                stop.wait(0.5)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        report = loadclient.run(endpoints, queries, concurrencies=tuple(args.concurrency), rounds=args.rounds,
                                slice_seconds=args.slice_seconds, request_timeout=args.request_timeout,
                                reference=reference, progress=lambda m: log(f"{size}: {m}"),
                                settle=settle_on(running, files, workdir, args))
        stop.set()
        sampler.join()
        for n in running:
            out["peers"][n]["rss_peak_mb"] = _mb(peak[n])
            out["peers"][n]["restarts"] = running[n].extra.get("restarts", 0)
        out["load"] = report
    finally:
        for p in running.values():
            p.stop()
        shutil.rmtree(workdir / "peers", ignore_errors=True)
    return out


def measure_build(docs: int, workdir: Path, seed: int, workers: int | None) -> dict:
    """Time ``kutniti build`` on a synthetic corpus of ``docs`` documents; peak memory of its processes."""
    folder = workdir / "corpus"
    shutil.rmtree(folder, ignore_errors=True)
    corpus.write_corpus(folder, docs, seed=seed)
    store = workdir / "build-store"
    shutil.rmtree(store, ignore_errors=True)
    cmd = [sys.executable, "-m", "kutniti", "build", str(folder), "--store", str(store), "--json"]
    if workers:
        cmd += ["--workers", str(workers)]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    out_text, err_text = "", ""
    while True:
        try:
            out_text, err_text = proc.communicate(timeout=0.2)
            break
        except subprocess.TimeoutExpired:
            try:
                root = psutil.Process(proc.pid)
                peak = max(peak, sum(p.memory_info().rss for p in [root] + root.children(recursive=True)))
            except psutil.NoSuchProcess:
                pass
            if time.perf_counter() - started > 900:
                proc.kill()
                proc.communicate()
                return {"docs": docs, "error": "build took over 900 s; stopped"}
    seconds = time.perf_counter() - started
    result = {"docs": docs, "seconds": round(seconds, 2), "docs_per_second": round(docs / seconds, 1),
              "peak_rss_mb": _mb(peak), "exit_code": proc.returncode, "cores": os.cpu_count()}
    if proc.returncode != 0:
        result["error"] = (err_text.strip().splitlines() or ["(no message)"])[-1][:300]
        result.pop("docs_per_second")
    else:
        try:
            summary = json.loads(out_text)
            result["triples"] = summary.get("triples") or summary.get("quads")
        except json.JSONDecodeError:
            pass
    return result


def machine() -> dict:
    return {"cpu": platform.processor() or platform.machine(), "cores": os.cpu_count(),
            "memory_gb": round(psutil.virtual_memory().total / 2**30, 1), "python": platform.python_version(),
            "system": f"{platform.system()} {platform.release()}"}


def markdown(result: dict) -> str:
    lines = [f"# Benchmark run {result['date']}", "",
             f"Machine: {result['machine']}", "", f"Command: `{result['command']}`", "",
             "The machine is shared: other work ran on its two cores during the run, so absolute "
             "figures vary. The load client interleaves the endpoints in short slices (A, B, C, A, …) so that "
             "the noise hits all of them alike; the ratios are the figures to compare. Memory is the sum of "
             "the proportional set sizes (PSS) of a server's processes.", ""]
    lines += ["## Load, start and memory", "",
              "| triples | peer | bulk load s | ready s | memory ready MB | memory peak MB | note |", "|---|---|---|---|---|---|---|"]
    for s in result["sizes"]:
        for name, p in s["peers"].items():
            note = p.get("error") or p.get("skipped") or ""
            if p.get("memory_copy_seconds") is not None:
                note = f"answering from the in-memory copy after {p['memory_copy_seconds']} s " + note
            lines.append(f"| {s['triples']} | {name} | {_f(p.get('load_seconds'))} | {_f(p.get('ready_seconds'))} | "
                         f"{_f(p.get('rss_ready_mb'))} | {_f(p.get('rss_peak_mb'))} | {note[:120]} |")
    for s in result["sizes"]:
        if "load" in s:
            lines += ["", f"## Query mix at {s['triples']} triples", "", loadclient.markdown(s["load"])]
    if result.get("build"):
        b = result["build"]
        lines += ["", "## Build throughput", "",
                  f"{b['docs']} synthetic documents: " + (
                      f"{b['docs_per_second']} docs/s ({b['seconds']} s), peak RSS {b['peak_rss_mb']} MB"
                      if "docs_per_second" in b else f"failed: {b.get('error')}"), ""]
    return "\n".join(lines) + "\n"


def plot(result: dict, path: Path) -> None:
    """Plot load time, ready time, memory and throughput (c=8) against size, one line per peer."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(2, 2, figsize=(11, 8))
    figures = [("load_seconds", "bulk load (s)"), ("ready_seconds", "serve ready (s)"), ("rss_ready_mb", "memory when ready, PSS (MB)")]
    names = sorted({n for s in result["sizes"] for n in s["peers"]})
    for ax, (key, title) in zip(axes.flat, figures):
        for n in names:
            pts = [(s["triples"], s["peers"][n].get(key)) for s in result["sizes"] if n in s["peers"]]
            pts = [(x, y) for x, y in pts if y is not None]
            if pts:
                ax.plot(*zip(*pts), marker="o", label=n)
        ax.set_title(title)
    ax = axes.flat[3]
    for n in names:
        pts = []
        for s in result["sizes"]:
            summ = s.get("load", {}).get("summary", {}).get(f"{n}@8")
            if summ and summ["geomean_rps"]:
                pts.append((s["triples"], summ["geomean_rps"]))
        if pts:
            ax.plot(*zip(*pts), marker="o", label=n)
    ax.set_title("query throughput, geomean req/s at c=8")
    for ax in axes.flat:
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("triples")
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def _r(x):
    return None if x is None else round(x, 3)


def _mb(b: int) -> float:
    return round(b / 2**20, 1)


def _f(x) -> str:
    return "–" if x is None else str(x)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10k,100k,1M")
    parser.add_argument("--peers", default=",".join(peers.NAMES))
    parser.add_argument("--reference", default="oxigraph", help="the peer ratios are taken against")
    parser.add_argument("--rdflib-max", default="100k", help="largest size rdflib-endpoint is run at")
    parser.add_argument("--concurrency", default="1,8")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--slice-seconds", type=float, default=0.5)
    parser.add_argument("--request-timeout", type=float, default=10.0)
    parser.add_argument("--ready-timeout", type=float, default=600.0)
    parser.add_argument("--build-docs", type=int, default=2000, help="0 to skip the build benchmark")
    parser.add_argument("--build-workers", type=int, default=None)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workdir", type=Path, default=None, help="scratch folder (default: a temporary one)")
    parser.add_argument("--results", type=Path, default=HERE / "results")
    parser.add_argument("--queries", default=None, help="only these queries (comma-separated names)")
    parser.add_argument("--ports", default=None, metavar="FIRST-LAST",
                        help="port range the peers listen on (default: any free port)")
    args = parser.parse_args(argv)
    try:
        if args.ports:
            first, last = (int(x) for x in args.ports.split("-"))
            peers.PORTS = (first, last)
        sizes = [generate.parse_size(s) for s in args.sizes.split(",")]
        args.rdflib_max = generate.parse_size(args.rdflib_max)
        args.concurrency = [int(c) for c in args.concurrency.split(",")]
    except ValueError as err:
        parser.error(str(err))
    names = [n.strip() for n in args.peers.split(",") if n.strip()]
    unknown = set(names) - set(peers.NAMES)
    if unknown:
        parser.error(f"unknown peers: {', '.join(sorted(unknown))}; known: {', '.join(peers.NAMES)}")
    queries = loadclient.load_queries(HERE / "queries")
    canned = ROOT / "queries"
    queries.update({f"canned_{k}": v for k, v in loadclient.load_queries(canned).items()})
    if args.queries:
        wanted = [q.strip() for q in args.queries.split(",") if q.strip()]
        unknown = set(wanted) - set(queries)
        if unknown:
            parser.error(f"unknown queries: {', '.join(sorted(unknown))}; known: {', '.join(queries)}")
        queries = {q: queries[q] for q in wanted}

    # a terminated run still stops the servers it started (the ``finally`` blocks run)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="kutniti-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now(dt.timezone.utc)
    result = {"date": now.strftime("%Y-%m-%d %H:%M UTC"), "machine": machine(),
              "command": "python -m bench.run " + " ".join(argv if argv is not None else sys.argv[1:]),
              "queries": list(queries), "sizes": []}
    try:
        stem = now.strftime("%Y-%m-%dT%H%M")
        for size in sizes:
            result["sizes"].append(measure_size(size, workdir, names, queries, args))
            save(result, args.results, stem)  # what is measured so far survives a stopped run
        if args.build_docs:
            log(f"build: {args.build_docs} synthetic documents")
            result["build"] = measure_build(args.build_docs, workdir, args.seed, args.build_workers)
            log(f"build: {result['build']}")
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    save(result, args.results, stem)
    log(f"results: {args.results / stem}.json, .md, .png")
    return 0


def save(result: dict, folder: Path, stem: str) -> None:
    """Write the results as JSON, a Markdown table and a PNG plot."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{stem}.json").write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
    (folder / f"{stem}.md").write_text(markdown(result), encoding="utf-8")
    plot(result, folder / f"{stem}.png")


if __name__ == "__main__":
    sys.exit(main())
