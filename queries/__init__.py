"""Canned SPARQL queries: one ``.rq`` file each, with a comment header naming it.

The header is comment lines at the top of the file::

    # title: Visits, oldest first
    # description: Every visit: who went where, and when, with the document that says so.
    # param: country — IRI — only visits to or from this country (optional)

A parameter is a SPARQL variable (``?country``) that :meth:`CannedQuery.bind` fixes with a VALUES
clause; values are checked to be well-formed IRIs or plain literals, so a parameter can never
change the query's shape.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from importlib import resources


@dataclass(frozen=True)
class Param:
    """A parameter of a canned query."""

    name: str
    kind: str  # "IRI" or "literal"
    description: str
    optional: bool = True


@dataclass(frozen=True)
class CannedQuery:
    """A named query from ``queries/``."""

    name: str
    title: str
    description: str
    text: str
    params: tuple[Param, ...] = field(default_factory=tuple)

    def bind(self, values: dict[str, str]) -> str:
        """The query with parameters fixed; unknown or malformed values raise ValueError."""
        known = {p.name: p for p in self.params}
        clauses = []
        for name, value in values.items():
            if value in ("", None):
                continue
            p = known.get(name)
            if p is None:
                raise ValueError(f"unknown parameter {name!r}; this query takes: "
                                 f"{', '.join(known) or 'no parameters'}")
            clauses.append(f"VALUES ?{name} {{ {term(value, p.kind)} }}")
        if not clauses:
            return self.text
        text = self.text
        # a parameter with a default (its own VALUES line) gets the new value in that line, and in
        # every repetition of it (a group evaluated on its own, such as an OPTIONAL, may repeat it)
        rest = []
        for c in clauses:
            name = c.split()[1]
            pattern = re.compile(r"VALUES\s+" + re.escape(name) + r"\s*\{[^}]*\}")
            if pattern.search(text):
                text = pattern.sub(lambda _m, c=c: c, text)
            else:
                rest.append(c)
        if not rest:
            return text
        clauses = rest
        # put the VALUES inside the outermost WHERE group, so they constrain the pattern
        m = re.search(r"\bWHERE\s*\{", text, re.IGNORECASE)
        if not m:
            raise ValueError(f"{self.name}: the query has no WHERE clause to bind parameters in")
        return text[:m.end()] + "\n  " + "\n  ".join(clauses) + text[m.end():]


_IRI_OK = re.compile(r"^[^\x00-\x20<>\"{}|\\^`]+$")  # SPARQL IRIREF characters


def term(value: str, kind: str) -> str:
    """A value as a SPARQL term: an IRI (``kid:x`` prefixed names allowed) or a string literal."""
    from kutniti.graph.namespaces import PREFIXES

    if kind == "IRI":
        for prefix, ns in PREFIXES.items():
            if value.startswith(prefix + ":") and "://" not in value:
                value = ns + value[len(prefix) + 1:]
        if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", value) or not _IRI_OK.match(value):
            raise ValueError(f"{value!r} is not an IRI (write https://… or kid:name)")
        return f"<{value}>"
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'


LABEL_SUFFIX = "Label"


def labelled(variables: list[str]) -> dict[str, str]:
    """The result variables that come with a label, each with its label's variable: ``?visitor``
    and ``?visitorLabel`` give ``{"visitor": "visitorLabel"}``. Tables show such a pair as one
    column (the label, and the IRI it names)."""
    names = set(variables)
    return {v: v + LABEL_SUFFIX for v in variables if v + LABEL_SUFFIX in names}


def parse(name: str, text: str) -> CannedQuery:
    """A canned query from its file text."""
    meta: dict[str, str] = {}
    params: list[Param] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        m = re.match(r"#\s*(\w+)\s*:\s*(.*)", line)
        if not m:
            continue
        k, v = m.group(1).lower(), m.group(2).strip()
        if k == "param":
            parts = [x.strip() for x in re.split(r"\s+[—-]\s+", v, maxsplit=2)]
            pname = parts[0].lstrip("?")
            kind = parts[1] if len(parts) > 1 and parts[1] in ("IRI", "literal") else "IRI"
            desc = parts[-1] if len(parts) > 1 else ""
            params.append(Param(pname, kind, desc, "required" not in desc))
        else:
            meta[k] = v
    return CannedQuery(name, meta.get("title", name), meta.get("description", ""), text, tuple(params))


@functools.cache
def load_queries() -> dict[str, CannedQuery]:
    """Every canned query shipped in this package, by name (file stem)."""
    out = {}
    for f in resources.files(__name__).iterdir():
        if f.name.endswith(".rq"):
            name = f.name[:-3]
            out[name] = parse(name, f.read_text("utf-8"))
    return dict(sorted(out.items()))


def get_query(name: str) -> CannedQuery:
    """A canned query by name; KeyError when there is none."""
    return load_queries()[name]
