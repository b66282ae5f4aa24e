"""Build every document set of the development set and score it: one table of precision and recall.

    python devset/score_all.py                 # every set except the blind one(s) named in --skip
    python devset/score_all.py --only heldout15 # one set (a blind set: score it once, then say so)

Each set is built into a fresh temporary store with ``kutniti build`` (the same command a user runs)
and scored with ``devset/score.py``. Sets that are held out are skipped unless named with --only.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
#: Sets that have not been used for development: scored only when asked for by name.
BLIND = {"heldout55", "heldout56", "heldout63", "heldout64", "heldout65", "heldout66"}


def sets() -> list[tuple[str, Path, Path]]:
    """(name, documents folder, gold file) of every set, the corpus first."""
    out = [("corpus", ROOT / "corpus", HERE / "corpus_gold.yaml"), ("devset", HERE / "docs", HERE / "gold.yaml")]
    for d in sorted(HERE.glob("heldout*"), key=lambda p: (len(p.name), p.name)):
        if (d / "gold.yaml").exists():
            out.append((d.name, d / "docs", d / "gold.yaml"))
    return out


def score(name: str, docs: Path, gold: Path, work: Path) -> dict:
    """Build ``docs`` into a fresh store and score the export against ``gold``."""
    store, export = work / f"{name}-store", work / f"{name}.ttl"
    subprocess.run([sys.executable, "-m", "kutniti", "build", str(docs), "--store", str(store), "--out", str(export)],
                   check=True, capture_output=True)
    res = subprocess.run([sys.executable, str(HERE / "score.py"), str(gold), str(export), "--docs", str(docs), "--json"],
                         check=True, capture_output=True, text=True)
    return json.loads(res.stdout)["overall"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", help="score only this set (repeatable); blind sets need it")
    args = parser.parse_args(argv)
    chosen = [s for s in sets() if (s[0] in args.only if args.only else s[0] not in BLIND)]
    if not chosen:
        parser.error(f"no such set: {args.only}")
    print("| set | extracted | right | gold | found | precision | recall |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for name, docs, gold in chosen:
            o = score(name, docs, gold, Path(tmp))
            print(f"| {name} | {o['extracted']} | {o['right']} | {o['required']} | {o['found']} | "
                  f"{o['precision']:.2f} | {o['recall']:.2f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
