"""Reading SPARQL text without a full parse: where its keywords and clauses are.

The request checks (:mod:`kutniti.server.safety`) and the protocol's dataset parameters
(:mod:`kutniti.server.sparql`) need to know whether a query says ``FROM``, ``SERVICE``, ``USING``
or ``WITH``, and where an update's ``WHERE`` clauses are. Words inside string literals, comments
and IRIs do not count, so the text is first *blanked*: those parts are replaced by spaces of the
same length, which keeps every position the same as in the original.
"""

from __future__ import annotations

import re

_STRINGS = (r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\'|"(?:[^"\\\n]|\\.)*"'
            r'|\'(?:[^\'\\\n]|\\.)*\'')
# IRIs first, so that a '#' inside an IRI is not taken for a comment
_TOKENS = re.compile(r"<[^<>\"{}|^`\\\s]*>|" + _STRINGS + r"|#[^\n]*")


def blank(sparql: str, *, keep_iris: bool = True) -> str:
    """``sparql`` with string literals and comments (and, unless ``keep_iris``, IRIs) replaced
    by spaces."""
    out, pos = [], 0
    for m in _TOKENS.finditer(sparql):
        out.append(sparql[pos:m.start()])
        t = m.group(0)
        out.append(t if keep_iris and t.startswith("<") else " " * len(t))
        pos = m.end()
    out.append(sparql[pos:])
    return "".join(out)


def _keyword(word: str) -> re.Pattern:
    # not part of a prefixed name (ex:with), a variable (?with) or a longer word
    return re.compile(rf"(?<![\w:?$-]){word}(?![\w:-])", re.IGNORECASE)


def has_keyword(sparql: str, *words: str) -> bool:
    """Whether any of ``words`` is used as a keyword in ``sparql``."""
    text = blank(sparql, keep_iris=False)
    return any(_keyword(w).search(text) for w in words)


def add_using(update: str, using: list[str], using_named: list[str]) -> str:
    """``update`` with ``USING <g>`` / ``USING NAMED <g>`` before the ``WHERE`` of each
    ``DELETE``/``INSERT … WHERE`` operation: the dataset the protocol's ``using-graph-uri`` and
    ``using-named-graph-uri`` parameters give.

    Only a ``WHERE`` outside braces starts an operation's pattern (one inside braces belongs to a
    subquery), and ``DELETE WHERE`` takes no ``USING``.
    """
    clause = " ".join([f"USING <{g}>" for g in using] + [f"USING NAMED <{g}>" for g in using_named]) + " "
    text = blank(update, keep_iris=False)
    cuts, depth = [], 0
    for m in re.finditer(r"[{}]|" + _keyword("WHERE").pattern, text, re.IGNORECASE):
        tok = m.group(0)
        if tok == "{":
            depth += 1
        elif tok == "}":
            depth -= 1
        elif depth == 0 and not re.search(r"DELETE\s*$", text[:m.start()], re.IGNORECASE):
            cuts.append(m.start())
    out, pos = [], 0
    for c in cuts:
        out += [update[pos:c], clause]
        pos = c
    out.append(update[pos:])
    return "".join(out)
