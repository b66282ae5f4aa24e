"""Generate a synthetic Bengali corpus for the build-throughput benchmark.

Documents are recombined from the sentences of the project's own documents (``corpus/*.txt`` and,
when present, ``devset/docs/*.txt``): each synthetic document is a random run of sentences in which
country names (CLDR's Bengali names) are swapped for other countries and years (Bengali or ASCII
digits) for fresh ones. The same seed always gives the same files.

    python -m bench.corpus --docs 2000 --out /tmp/syn-corpus --seed 7
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

from babel import Locale

from kutniti.loaders.text import sentences

ROOT = Path(__file__).resolve().parent.parent
BN_DIGITS = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")
YEAR = re.compile(r"(?<![0-9০-৯])(?:19|20|১৯|২০)[0-9০-৯]{2}(?![0-9০-৯])")


def source_files(root: Path = ROOT) -> list[Path]:
    """The documents sentences are drawn from: the corpus and the development set."""
    return sorted((root / "corpus").glob("*.txt")) + sorted((root / "devset" / "docs").glob("*.txt"))


def sentence_pool(files: list[Path]) -> list[str]:
    """Every sentence of ``files`` with at least a few words, in file order."""
    pool = []
    for f in files:
        raw = f.read_text(encoding="utf-8")
        for a, b in sentences(raw):
            s = raw[a:b].strip()
            if len(s.split()) >= 4 and "\n" not in s:
                pool.append(s)
    return pool


def country_names() -> list[str]:
    """Bengali names of the ISO countries (CLDR), longest first so longer names match first (then
    alphabetical: a set's order changes from process to process, and the seed must give the same
    corpus every time)."""
    bn = Locale("bn").territories
    names = {bn[c] for c in bn if len(c) == 2 and c.isalpha() and c not in {"ZZ", "EU", "UN", "EZ"}}
    return sorted(names, key=lambda n: (-len(n), n))


class Recombiner:
    """Makes synthetic documents from a pool of sentences, seeded."""

    def __init__(self, pool: list[str], seed: int = 7) -> None:
        if not pool:
            raise ValueError("no sentences to recombine: the corpus folder has no usable documents")
        self.pool = pool
        self.rng = random.Random(seed)
        names = country_names()
        self.names = [n for n in names if n != "উত্তর কোরিয়া"]
        self.name_re = re.compile("|".join(re.escape(n) for n in self.names))

    def _year(self, match: re.Match) -> str:
        year = str(self.rng.randint(1950, 2024))
        bengali = any("০" <= ch <= "৯" for ch in match.group(0))
        return year.translate(BN_DIGITS) if bengali else year

    def sentence(self) -> str:
        s = self.rng.choice(self.pool)
        s = self.name_re.sub(lambda m: self.rng.choice(self.names), s)
        return YEAR.sub(self._year, s)

    def document(self, sentences_per_doc: tuple[int, int] = (8, 20)) -> str:
        n = self.rng.randint(*sentences_per_doc)
        return "\n".join(self.sentence() for _ in range(n)) + "\n"


def write_corpus(out: Path, docs: int, *, seed: int = 7, root: Path = ROOT) -> list[Path]:
    """Write ``docs`` synthetic documents into ``out``; return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    maker = Recombiner(sentence_pool(source_files(root)), seed)
    paths = []
    for i in range(docs):
        p = out / f"syn{i:06d}_{maker.rng.getrandbits(64):016x}.txt"
        p.write_text(maker.document(), encoding="utf-8")
        paths.append(p)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    if args.docs < 1:
        parser.error("--docs must be positive")
    paths = write_corpus(args.out, args.docs, seed=args.seed)
    print(f"{len(paths)} documents -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
