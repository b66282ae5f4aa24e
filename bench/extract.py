"""Extraction speed: the corpus after start-up, and documents per second on a synthetic corpus.

Measures three things and prints them (``--json`` for machine-readable output):

* start-up: building the lexicon (CLDR through Babel, the YAML data) and compiling the rules;
* the five corpus documents read into triples after start-up (the issue asks for under a second);
* on ``--docs`` synthetic documents (:mod:`bench.corpus`, recombined from the corpus and the
  development set): extraction alone in this process (read and map to RDF, no store), and the full
  ``kutniti build`` (extraction in worker processes, shapes, store) as :func:`bench.run.measure_build`
  times it (that needs the ``bench`` extra: ``pip install -e '.[bench]'``; without it, or with
  ``--no-build``, the build is skipped).

    python -m bench.extract --docs 1000
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from kutniti.loaders.document import find_documents, read_document
from kutniti.loaders.events import rules
from kutniti.loaders.lexicon import lexicon
from kutniti.loaders.pipeline import read_facts

from . import corpus

ROOT = Path(__file__).resolve().parent.parent


def start_up() -> float:
    """Seconds to build the lexicon and compile the rules (once per process)."""
    started = time.perf_counter()
    lexicon()
    rules()
    return time.perf_counter() - started


def extract(paths: list[Path]) -> dict:
    """Wall-clock and CPU seconds to read ``paths`` into triples in this process, and how many
    triples (CPU time tells what the code costs when other jobs share the machine)."""
    started, cpu = time.perf_counter(), time.process_time()
    triples = sum(len(read_facts(read_document(p))) for p in paths)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {"docs": len(paths), "seconds": round(seconds, 3), "cpu_seconds": round(cpu, 3), "triples": triples,
            "docs_per_second": round(len(paths) / seconds, 1), "docs_per_cpu_second": round(len(paths) / cpu, 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1000, help="synthetic documents (0: the corpus only)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-build", action="store_true", help="skip the full `kutniti build`")
    parser.add_argument("--workdir", type=Path, default=None, help="scratch folder (default: a temporary one)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if args.docs < 0:
        parser.error("--docs must not be negative")

    result: dict = {"start_up_seconds": round(start_up(), 3)}
    five = find_documents([ROOT / "corpus"])
    result["corpus"] = extract(five)
    if args.docs:
        with tempfile.TemporaryDirectory() as tmp:
            work = args.workdir or Path(tmp)
            folder = work / "extract-corpus"
            paths = corpus.write_corpus(folder, args.docs, seed=args.seed)
            result["synthetic"] = extract(paths)
            if not args.no_build:
                try:
                    from .run import measure_build
                except ImportError as exc:
                    result["build"] = {"docs": args.docs, "error": f"needs the bench extra ({exc.name} is missing)"}
                else:
                    result["build"] = measure_build(args.docs, work, args.seed, None)
    if args.json:
        print(json.dumps(result, indent=1))
        return 0
    print(f"start-up (lexicon, rules): {result['start_up_seconds']} s")
    c = result["corpus"]
    print(f"corpus: {c['docs']} documents extracted in {c['seconds']} s after start-up "
          f"({c['cpu_seconds']} s CPU, {c['triples']} triples)")
    if "synthetic" in result:
        s = result["synthetic"]
        print(f"synthetic: {s['docs']} documents, extraction alone {s['docs_per_second']} docs/s "
              f"({s['seconds']} s; {s['docs_per_cpu_second']} docs per CPU second)")
    if "build" in result:
        b = result["build"]
        speed = f"{b['docs_per_second']} docs/s" if "docs_per_second" in b else b.get("error", "failed")
        print(f"kutniti build: {b['docs']} documents, {speed} ({b.get('seconds')} s, {b.get('cores')} cores)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
