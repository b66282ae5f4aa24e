"""A build's output as one sorted text file, to check that a change to the build leaves it alone.

Builds the development documents (the corpus and every ``devset`` folder of documents) and,
optionally, a synthetic corpus (:mod:`bench.corpus`) into an in-memory store, and writes every quad
as a sorted N-Quads line, followed by the quarantine records and per-document counts as sorted JSON
lines. Blank nodes (only the ontology's lists have any; their labels change from run to run)
are all written ``_:x`` so that two runs compare equal. Compare two snapshots with ``diff`` or ``cmp``.

    python -m bench.snapshot --out before.nq --synthetic 500
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

from kutniti.graph.build import build
from kutniti.graph.store import Store

from . import corpus

ROOT = Path(__file__).resolve().parent.parent
_BLANK = re.compile(r"(?:(?<=[\s>])|^)_:[A-Za-z0-9]+(?=[\s.])")


def development_folders(root: Path = ROOT) -> list[Path]:
    """The folders of development documents: the corpus, ``devset/docs`` and each held-out set."""
    folders = [root / "corpus", root / "devset" / "docs"]
    folders += sorted(p for p in (root / "devset").glob("heldout*/docs") if p.is_dir())
    return [f for f in folders if any(f.glob("*.txt"))]


def blank_nodes_unlabelled(lines: list[str]) -> list[str]:
    """Sorted lines with every blank node label written ``_:x``.

    Only the ontology's lists have blank nodes and the build does not change them; a coarse but
    stable form is enough there, and the quads without blank nodes are compared exactly.
    """
    return sorted(_BLANK.sub("_:x", line) if "_:" in line else line for line in lines)


def snapshot_lines(folders: list[Path], workers: int | None = None) -> list[str]:
    """The quads, quarantine records and counts of a build of ``folders``, as sorted lines."""
    store = Store()
    quarantined: list[dict] = []
    summary = build(folders, None, store=store, workers=workers,
                    on_progress=lambda r: quarantined.extend(r.quarantined))
    quads = blank_nodes_unlabelled([str(q) + " ." for q in store.oxigraph])
    records = sorted(json.dumps(r, ensure_ascii=False, sort_keys=True)
                     for r in summary.per_document + quarantined)
    return quads + records


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--synthetic", type=int, default=0, help="also build this many synthetic documents")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--also", type=Path, nargs="*", default=[], help="more folders of documents to build")
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args(argv)
    lines = snapshot_lines(development_folders(), args.workers)
    for folder in args.also:
        lines += snapshot_lines([folder], args.workers)
    if args.synthetic:
        with tempfile.TemporaryDirectory() as tmp:
            corpus.write_corpus(Path(tmp), args.synthetic, seed=args.seed)
            lines += snapshot_lines([Path(tmp)], args.workers)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} lines -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
