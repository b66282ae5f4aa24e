"""Errors that teach: a SPARQL parser's message turned into one a person can act on.

Oxigraph says where a query stops parsing (``error at LINE:COLUMN``) and lists every token it
could have read there, character classes included. The query page shows the line with a caret
under the place, the expected tokens worth reading, and a hint for the usual mistakes (a prefix
that is not declared, a variable selected but not grouped).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kutniti.graph.namespaces import PREFIXES

_AT = re.compile(r"error at (\d+):(\d+):\s*")
_CHARCLASS = re.compile(r"\[[^\[\]]*\.\.=?[^\[\]]*\]|\['[^']*'(?: \| '[^']*')*\]", re.S)


@dataclass
class Problem:
    """An error message and, when known, where it is in the query and what to do."""

    message: str
    line: int | None = None
    column: int | None = None
    excerpt: str | None = None  # the query line the error is on
    caret: str | None = None  # spaces and a ^ under the column
    hints: list[str] = field(default_factory=list)


def explain(query: str, message: str) -> Problem:
    """Read an error message about ``query`` and say where and, when it can, how to fix it."""
    m = _AT.search(message)
    if not m:
        return Problem(message)
    line, col = int(m.group(1)), int(m.group(2))
    expected = message[m.end():]
    expected = re.sub(r"^expected (one of)?\s*", "", expected)
    tokens = [t.strip() for t in _CHARCLASS.sub("", expected).replace("\n", " ").split(",")]
    tokens = [t for t in tokens if t and t not in ("[_]",)]
    lines = query.split("\n")
    excerpt = lines[line - 1] if 0 < line <= len(lines) else None
    caret = " " * max(col - 1, 0) + "^" if excerpt is not None else None
    hints = []
    if "Prefix not found" in expected and excerpt is not None:
        before = excerpt[:max(col - 1, 0)]
        pm = re.search(r"([A-Za-z][\w.-]*)?:[\w.-]*$", before)
        prefix = (pm.group(1) or "") if pm else ""
        tokens = [t for t in tokens if t != "Prefix not found"]
        if prefix in PREFIXES:
            hints.append(f"The prefix {prefix}: is not declared. Add this line at the top: "
                         f"PREFIX {prefix}: <{PREFIXES[prefix]}>")
        else:
            hints.append(f"The prefix {prefix}: is not declared. Known prefixes: "
                         + ", ".join(f"{p}:" for p in PREFIXES))
    if "The SELECT contains a variable that is unbound" in expected:
        tokens = [t for t in tokens if not t.startswith("The SELECT")]
        hints.append("A variable in SELECT is not bound by the pattern, or not in GROUP BY when the "
                     "query groups: group by it or wrap it in an aggregate such as SAMPLE(?x).")
    if tokens:
        hints.insert(0, "Expected here: " + ", ".join(tokens[:12]) + (" …" if len(tokens) > 12 else ""))
    text = f"the query does not parse at line {line}, column {col}"
    return Problem(text, line, col, excerpt, caret, hints)
