"""What a query or update may not do on a client's behalf: call out, read files, name unknown graphs.

Oxigraph evaluates ``SERVICE`` and ``LOAD`` by itself (HTTP and ``file:``), so requests are
checked before they reach it. The check reads the SPARQL with comments and string literals
blanked out, so a keyword inside a string does not count and one in the query cannot hide.
"""

from __future__ import annotations

import re

_STRINGS = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'')
_SERVICE = re.compile(r"\bSERVICE\s+(?:SILENT\s+)?(<[^>]*>|\S+)", re.IGNORECASE)
_LOAD = re.compile(r"\bLOAD\b", re.IGNORECASE)
_FROM = re.compile(r"\bFROM\s+(?:NAMED\s+)?<([^>]*)>", re.IGNORECASE)


def _blank(sparql: str) -> str:
    """The SPARQL with string literals and comments replaced by spaces (IRIs kept)."""
    out, pos = [], 0
    # walk IRIs and strings in order so that '#' inside an IRI is not a comment
    token = re.compile(r"<[^<>\s]*>|" + _STRINGS.pattern + r"|#[^\n]*")
    for m in token.finditer(sparql):
        out.append(sparql[pos:m.start()])
        t = m.group(0)
        out.append(t if t.startswith("<") else " " * len(t))
        pos = m.end()
    out.append(sparql[pos:])
    return "".join(out)


_DATASET_CLAUSE = re.compile(r"(?<![\w:])FROM\s+(?:NAMED\s+)?(?:<|[\w-]*:)", re.IGNORECASE)


def names_dataset(sparql: str) -> bool:
    """The query has a ``FROM`` or ``FROM NAMED`` clause (not the letters in a name or a string,
    as in ``prov:wasDerivedFrom``)."""
    return bool(_DATASET_CLAUSE.search(_blank(sparql)))


def check(sparql: str, *, graphs: set[str], allow_service: tuple[str, ...] = ()) -> str | None:
    """Why this request is refused, or None when it may run."""
    text = _blank(sparql)
    for m in _SERVICE.finditer(text):
        target = m.group(1).strip("<>")
        if not any(target.startswith(p) for p in allow_service):
            return (f"SERVICE <{target}> is not allowed: this endpoint does not make requests on a "
                    "client's behalf (an operator can allow endpoints with --allow-service PREFIX)")
    if _LOAD.search(text):
        return "LOAD is not allowed: this endpoint does not fetch or read documents on a client's behalf"
    for m in _FROM.finditer(text):
        if m.group(1) not in graphs:
            return (f"FROM <{m.group(1)}> names no graph in this store: remote datasets are not fetched "
                    "(see /sparql for the service description, or GET /store for the graphs)")
    return None
