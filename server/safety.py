"""What a query or update may not do on a client's behalf: call out, read files, name unknown graphs.

Oxigraph evaluates ``SERVICE`` and ``LOAD`` by itself (HTTP and ``file:``), so requests are
checked before they reach it; so is nesting, because Oxigraph's parser recurses and a few
thousand nested groups overflow its stack. The check reads the SPARQL with comments and string literals
blanked out (:mod:`kutniti.server.sparql_text`), so a keyword inside a string does not
count and one in the query cannot hide.
"""

from __future__ import annotations

import re

from kutniti.server.sparql_text import blank, has_keyword

_SERVICE = re.compile(r"\bSERVICE\s+(?:SILENT\s+)?(<[^>]*>|\S+)", re.IGNORECASE)
_FROM = re.compile(r"\bFROM\s+(?:NAMED\s+)?<([^>]*)>", re.IGNORECASE)
#: Deepest nesting of { ( [ accepted.
MAX_NESTING = 200
_BRACKETS = re.compile(r"[{}()\[\]]")


def check(sparql: str, *, graphs: set[str], allow_service: tuple[str, ...] = ()) -> str | None:
    """Why this request is refused, or None when it may run."""
    text = blank(sparql)
    depth = deepest = 0
    for m in _BRACKETS.finditer(text):
        if m.group(0) in "{([":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    if deepest > MAX_NESTING:
        return f"the request nests groups and expressions deeper than {MAX_NESTING} levels"
    for m in _SERVICE.finditer(text):
        target = m.group(1).strip("<>")
        if not any(target.startswith(p) for p in allow_service):
            return (f"SERVICE <{target}> is not allowed: this endpoint does not make requests on a "
                    "client's behalf (an operator can allow endpoints with --allow-service PREFIX)")
    if has_keyword(sparql, "LOAD"):
        return "LOAD is not allowed: this endpoint does not fetch or read documents on a client's behalf"
    for m in _FROM.finditer(text):
        if m.group(1) not in graphs:
            return (f"FROM <{m.group(1)}> names no graph in this store: remote datasets are not fetched "
                    "(see /sparql for the service description, or GET /store for the graphs)")
    return None

