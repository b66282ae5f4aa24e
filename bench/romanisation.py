"""How well Bengali-script names come out in English: exact matches and character error rate.

Reads a list of names as Bengali newspapers spell them with their usual English spelling
(``tests/data/romanisation.tsv``: bengali, english[|alternative...], country) and romanises each
the way the extractor does for people the lexicon lacks (folded text, one call per name, the
country the person acts for). Names are compared as the development-set scorer compares labels:
lower case, letters and digits only, accents dropped. Every third name (rows 3, 6, 9, ...) is held
out: it was not looked at while the rules were written, and is reported on its own.

    python -m bench.romanisation [--names FILE] [--errors] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path

from kutniti.loaders.transliterate import romanise

ROOT = Path(__file__).resolve().parent.parent
NAMES = ROOT / "tests" / "data" / "romanisation.tsv"


def read_names(path: Path = NAMES) -> list[tuple[str, list[str], str]]:
    """(bengali, english spellings, country) for every row of a names file; '#' lines are comments."""
    rows = []
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 3:
            raise ValueError(f"{path}:{n}: expected 3 tab-separated columns, got {len(cols)}")
        rows.append((cols[0], cols[1].split("|"), cols[2]))
    return rows


def plain(label: str) -> str:
    """A label as the scorer compares it: ASCII letters and digits, lower case."""
    text = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode("ascii").lower()
    return "".join(c for c in text if c.isalnum())


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (insertions, deletions and substitutions cost 1)."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def judge(guess: str, english: list[str]) -> tuple[bool, float]:
    """Whether ``guess`` is one of the spellings, and its character error rate to the nearest."""
    g = plain(guess)
    rates = [edit_distance(g, plain(e)) / max(1, len(plain(e))) for e in english]
    return any(g == plain(e) for e in english), min(rates)


def evaluate(rows) -> dict:
    """Exact-match rate and mean character error rate of :func:`romanise` on ``rows``."""
    exact, cer, errors = 0, 0.0, []
    for bn, english, country in rows:
        guess = romanise(bn, country)
        ok, rate = judge(guess, english)
        exact += ok
        cer += rate
        if not ok:
            errors.append((bn, guess, english[0], country))
    n = max(1, len(rows))
    return {"names": len(rows), "exact": round(exact / n, 3), "cer": round(cer / n, 3), "errors": errors}


def split(rows) -> tuple[list, list]:
    """The development rows and the held-out rows (every third)."""
    return [r for i, r in enumerate(rows) if i % 3 != 2], [r for i, r in enumerate(rows) if i % 3 == 2]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--names", type=Path, default=NAMES)
    ap.add_argument("--errors", action="store_true", help="list the names of the development part that differ")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    rows = read_names(args.names)
    dev, held = split(rows)
    result = {"all": evaluate(rows), "development": evaluate(dev), "held-out": evaluate(held)}
    if args.json:
        print(json.dumps({k: {m: v[m] for m in ("names", "exact", "cer")} for k, v in result.items()}, indent=2))
        return 0
    print(f"{'part':<12} {'names':>5} {'exact':>6} {'CER':>6}")
    for part, r in result.items():
        print(f"{part:<12} {r['names']:>5} {r['exact']:>6.3f} {r['cer']:>6.3f}")
    if args.errors:
        for bn, guess, english, country in result["development"]["errors"]:
            print(f"{country:<14} {bn:<28} {guess:<30} {english}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
