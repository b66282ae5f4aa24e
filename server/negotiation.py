"""Content negotiation: the ``Accept`` header (q-values included) or a ``format=`` override."""

from __future__ import annotations

import pyoxigraph as ox
from werkzeug.datastructures import MIMEAccept

#: For SELECT results: media type → (Oxigraph format, name).
RESULTS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
#: For CONSTRUCT/DESCRIBE results and Graph Store bodies.
GRAPHS = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/json": ox.RdfFormat.JSON_LD,
    "application/trig": ox.RdfFormat.TRIG,
    "application/n-quads": ox.RdfFormat.N_QUADS,
    "text/n3": ox.RdfFormat.N3,
}
#: ``format=`` names.
RESULT_NAMES = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                "csv": "text/csv", "tsv": "text/tab-separated-values"}
GRAPH_NAMES = {"turtle": "text/turtle", "ttl": "text/turtle", "nt": "application/n-triples",
               "ntriples": "application/n-triples", "xml": "application/rdf+xml", "rdfxml": "application/rdf+xml",
               "jsonld": "application/ld+json", "json": "application/ld+json", "trig": "application/trig",
               "nq": "application/n-quads"}


def choose(accept: MIMEAccept, override: str | None, table: dict, names: dict, default: str) -> str | None:
    """The media type to answer with, or None when nothing acceptable can be produced."""
    if override:
        return names.get(override.lower()) or (override if override in table else None)
    if not accept or not list(accept.values()):
        return default
    # parameters such as charset do not change the media type ("text/turtle; charset=utf-8")
    accept = MIMEAccept([(value.split(";")[0].strip(), q) for value, q in accept])
    best = accept.best_match(list(table), default=None)
    if best is not None and accept.quality(default) >= accept.quality(best):
        return default  # e.g. */*: the default rather than whichever type comes first
    return best


def result_formats(accept: MIMEAccept, override: str | None) -> dict | None:
    """Formats for each query form, or None when the client accepts none of them."""
    sel = choose(accept, override if override in RESULT_NAMES or override in RESULTS else None,
                 RESULTS, RESULT_NAMES, "application/sparql-results+json")
    if sel is not None and sel not in RESULTS:
        sel = None
    boolean = sel if sel in ("application/sparql-results+json", "application/sparql-results+xml",
                             "application/json", "application/xml") else None
    if boolean is None:
        boolean = choose(accept, None, {k: v for k, v in RESULTS.items() if "json" in k or "xml" in k},
                         {}, "application/sparql-results+json")
    graph = choose(accept, override if override in GRAPH_NAMES or override in GRAPHS else None,
                   GRAPHS, GRAPH_NAMES, "text/turtle")
    return {
        "solutions": (RESULTS[sel], sel) if sel else None,
        "boolean": (RESULTS[boolean], boolean) if boolean else None,
        "graph": (GRAPHS[graph], graph) if graph else None,
    }
