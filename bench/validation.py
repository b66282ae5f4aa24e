"""Benchmark of validation: a small submission checked in context, and a whole graph checked.

1. In context: a 10-triple submission (a Visit, its evidence and its source) is checked against a
   store of N synthetic triples (:mod:`bench.generate`) the way ``POST /facts`` and ``kutniti add``
   check it — only its focus nodes and their neighbourhood. Timed for a conforming and a
   violating submission (median of repeated runs).
2. Whole graph: every triple validated at once, with pyshacl alone (``engine="pyshacl"``) and with
   the default engine (``engine="oxigraph"``: every constraint compiled to SPARQL and run in
   Oxigraph). Each run is a child process with a time limit; its peak memory is read from the
   operating system.
3. Documents (``--documents DIR``): the facts the loaders read from each document in ``DIR`` (make
   them with ``python -m bench.corpus``), validated all at once — as rdflib triples, and as the
   Oxigraph quads a build has at hand — and each document alone, as a build validates them.

    python -m bench.validation                                 # 1M in context; whole graph 10k, 100k, 1M
    python -m bench.validation --context 1M --full 10k,100k --engines oxigraph,pyshacl --limit 1800
    python -m bench.validation --context "" --full "" --documents /tmp/syn --engines oxigraph
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import generate

SUBMISSION = """@prefix dip: <https://w3id.org/kutniti/ontology#> .
@prefix kid: <https://w3id.org/kutniti/id/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
kid:bench-visit a dip:Visit ; dip:visitor kid:north-korea ; dip:destination kid:{recipient} ;
    dip:date "1986-05"^^xsd:gYearMonth ; prov:wasDerivedFrom kid:bench-memoir ; dip:evidence kid:bench-quote .
kid:bench-quote a dip:Evidence ; dip:quote "উত্তর কোরিয়া ১৯৮৬ সালের মে মাসে সফর করেছে।" .
kid:bench-memoir a dip:SourceDocument ; dcterms:identifier "a memoir, p. 12" .
"""


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def data_file(workdir: Path, size: int) -> Path:
    """The synthetic N-Quads file of ``size`` triples (made once per working folder)."""
    path = workdir / f"data-{size}.nq"
    if not path.exists():
        started = time.perf_counter()
        n = generate.write_file(path, size)
        log(f"generated {n} quads in {time.perf_counter() - started:.1f} s -> {path}")
    return path


def in_context(path: Path, repeat: int) -> dict:
    """Time checking the 10-triple submission against a store holding ``path``."""
    import pyoxigraph as ox
    import rdflib

    from kutniti.graph.gate import check_facts

    store = ox.Store()
    started = time.perf_counter()
    store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
    loaded = time.perf_counter() - started
    out = {"triples": len(store), "load_s": round(loaded, 1)}
    cases = {"conforming": "russia", "violating": "north-korea"}  # a visit to itself breaks a shape
    for case, recipient in cases.items():
        data = rdflib.Graph().parse(data=SUBMISSION.replace("{recipient}", recipient), format="turtle")
        assert len(data) == 10, len(data)
        check_facts(store, data)  # warm: shapes, ontology and SPARQL constraints are read once
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            report = check_facts(store, data)
            times.append(time.perf_counter() - t)
        assert report.conforms is (case == "conforming"), report.text()
        out[case] = {"median_s": round(statistics.median(times), 3), "max_s": round(max(times), 3),
                     "problems": len(report.results)}
        log(f"in context, {case}: median {statistics.median(times):.3f} s, max {max(times):.3f} s "
            f"over {len(store)} triples")
    return out


def whole(path: Path, engine: str) -> dict:
    """Validate every triple of ``path`` at once (run in a child process by :func:`timed_child`)."""
    import pyoxigraph as ox
    import rdflib

    from kutniti.graph.validate import validate

    started = time.perf_counter()
    g = rdflib.Graph()
    g.parse(data=ox.serialize(
        (ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS)),
        format=ox.RdfFormat.N_TRIPLES).decode("utf-8"), format="nt")
    parsed = time.perf_counter() - started
    started = time.perf_counter()
    report = validate(g, engine=engine)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {"triples": len(g), "parse_s": round(parsed, 1), "validate_s": round(time.perf_counter() - started, 1),
            "conforms": report.conforms, "problems": len(report.results),
            "cpu_s": round(usage.ru_utime + usage.ru_stime, 1), "peak_rss_mb": peak_memory_mb()}


def documents(folder: Path, engines: list[str], alone: int, repeat: int) -> dict:
    """Time validating the facts of the documents in ``folder``: all at once and each alone."""
    import rdflib

    from kutniti.graph.store import to_quads
    from kutniti.graph.validate import validate
    from kutniti.loaders.document import find_documents, read_document
    from kutniti.loaders.pipeline import read_facts

    graphs = [read_facts(read_document(p)) for p in find_documents([folder])]
    everything = rdflib.Graph()
    for g in graphs:
        everything += g
    quads = list(to_quads(everything, "urn:kutniti:facts"))
    out: dict = {"documents": len(graphs), "triples": len(everything)}
    for engine in engines:
        validate(graphs[0], engine=engine)  # warm: shapes, ontology and queries are prepared once
        inputs = {"rdflib": everything, "oxigraph quads": quads} if engine == "oxigraph" else {"rdflib": everything}
        for name, data in inputs.items():
            times = []
            for _ in range(repeat):
                started = time.perf_counter()
                report = validate(data, engine=engine)
                times.append(time.perf_counter() - started)
            out[f"{engine}, all at once, {name}"] = {"median_s": round(statistics.median(times), 3),
                                                     "problems": len(report.results)}
            log(f"documents, {engine}, all at once ({name}): median {statistics.median(times):.3f} s")
        times = []
        for g in graphs[:alone]:
            started = time.perf_counter()
            validate(g, engine=engine)
            times.append(time.perf_counter() - started)
        out[f"{engine}, each alone"] = {"median_ms": round(statistics.median(times) * 1000, 1),
                                        "mean_ms": round(statistics.mean(times) * 1000, 1), "documents": len(times)}
        log(f"documents, {engine}, each alone: median {statistics.median(times) * 1000:.1f} ms")
    return out


def peak_memory_mb() -> int:
    """This process's peak resident memory (``VmHWM``; unlike ``ru_maxrss`` it starts afresh at exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) // 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def timed_child(path: Path, engine: str, limit: float) -> dict:
    """Run :func:`whole` in a child process, stopped after ``limit`` seconds; with its peak memory."""
    cmd = [sys.executable, "-m", "bench.validation", "--child", str(path), "--engines", engine]
    started = time.perf_counter()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=limit, cwd=Path(__file__).parent.parent)
    except subprocess.TimeoutExpired:
        return {"engine": engine, "stopped_after_s": limit}
    if proc.returncode != 0:
        return {"engine": engine, "failed": proc.stderr.strip().splitlines()[-1:]}
    result = json.loads(proc.stdout)
    result.update(engine=engine, wall_s=round(time.perf_counter() - started, 1))
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--context", default="1M", help="store size for the in-context check")
    parser.add_argument("--full", default="10k,100k,1M", help="sizes for whole-graph validation")
    parser.add_argument("--engines", default="oxigraph,pyshacl")
    parser.add_argument("--limit", type=float, default=1800, help="seconds per whole-graph run")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--workdir", type=Path, default=None, help="where the data files go (kept)")
    parser.add_argument("--out", type=Path, default=None, help="write the results as JSON here")
    parser.add_argument("--documents", type=Path, help="also time validating these documents' facts")
    parser.add_argument("--alone", type=int, default=40, help="documents validated one by one")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(whole(args.child, args.engines)))
        return 0
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="kutniti-validation-"))
    workdir.mkdir(parents=True, exist_ok=True)
    results: dict = {"date": time.strftime("%Y-%m-%d"), "cores": os.cpu_count(), "context": {}, "whole": []}
    if args.documents:
        results["documents"] = documents(args.documents, args.engines.split(","), args.alone, args.repeat)
    if args.context:
        size = generate.parse_size(args.context)
        results["context"] = in_context(data_file(workdir, size), args.repeat)
    for text in filter(None, args.full.split(",")):
        size = generate.parse_size(text)
        path = data_file(workdir, size)
        for engine in args.engines.split(","):
            log(f"whole graph, {text}, {engine} …")
            r = timed_child(path, engine, args.limit)
            r["size"] = text
            log(json.dumps(r))
            results["whole"].append(r)
    text = json.dumps(results, indent=1)
    if args.out:
        args.out.write_text(text + "\n", "utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
