"""The query page's result table: SPARQL results as columns and rows of cells for the template.

A cell is a dict: ``text``; for a thing also ``href`` (its page) and ``title`` (its IRI, shown on
hover); for a literal ``lang``. A thing is shown by its name (English label), looked up for the
whole table in one query. Where the results have both ``?x`` and ``?xLabel``, the two make one
cell in column ``x``: the label, linked to x's page.
"""

from __future__ import annotations

from collections.abc import Callable

import pyoxigraph as ox

from kutniti.graph.validate import compact
from kutniti.queries import labelled
from kutniti.server import describe


#: Names of things by IRI, for a list of terms (:func:`kutniti.server.describe.labels` over a store).
Labeller = Callable[[list], dict]


def solutions(labeller: Labeller, variables: list[str], bindings: list[dict], documents: dict[str, str]):
    """``(columns, rows)`` of a SELECT answer in SPARQL JSON form (``head.vars``,
    ``results.bindings``); a literal that is a document's identifier links to ``documents[it]``."""
    paired = labelled(variables)
    columns = [v for v in variables if v not in paired.values()]
    names = labeller([ox.NamedNode(b[v]["value"]) for b in bindings for v in columns
                                    if b.get(v, {}).get("type") == "uri" and paired.get(v) not in b])
    rows = []
    for b in bindings:
        row = []
        for v in columns:
            c = _cell(b.get(v), names, documents)
            label = b.get(paired[v]) if v in paired else None
            if label is not None:
                c = {**c, "text": label["value"], "lang": label.get("xml:lang")}
            row.append(c)
        rows.append(row)
    return columns, rows


def triples(labeller: Labeller, found: list) -> list[list[dict]]:
    """Rows of a CONSTRUCT or DESCRIBE answer (its triples): subject, predicate, object."""
    names = labeller([t.subject for t in found] + [t.object for t in found])
    return [[thing(t.subject, names), thing(t.predicate, {}), thing(t.object, names)] for t in found]


def thing(term, names: dict[str, str]) -> dict:
    """A cell for a term: an IRI by its name (else its short form), linked, its IRI on hover."""
    if isinstance(term, ox.NamedNode):
        return {"text": names.get(term.value) or compact(term.value), "href": describe.href(term.value),
                "title": term.value}
    return describe.cell(term)


def _cell(c: dict | None, names: dict[str, str], documents: dict[str, str]) -> dict:
    if c is None:
        return {"text": ""}
    if c["type"] == "uri":
        return thing(ox.NamedNode(c["value"]), names)
    if c["type"] == "bnode":
        return {"text": "_:" + c["value"]}
    return {"text": c["value"], "lang": c.get("xml:lang"), "href": documents.get(c["value"])}
