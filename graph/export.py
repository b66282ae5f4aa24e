"""Export: the whole graph, or one named graph, in the RDF formats other tools read.

Quad formats (TriG, N-Quads, JSON-LD) keep each triple's named graph, so the origin of every fact
travels with it; triple formats (Turtle, N-Triples) merge the graphs into one.
"""

from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox

from kutniti.graph.namespaces import PREFIXES
from kutniti.graph.store import Store, StoreError, format_for

#: Format names accepted by ``kutniti export --format`` and their file extensions.
EXPORT_FORMATS = {
    "turtle": ".ttl",
    "trig": ".trig",
    "ntriples": ".nt",
    "nquads": ".nq",
    "jsonld": ".jsonld",
}


def export(
    store: Store,
    output: str | os.PathLike[str] | None = None,
    *,
    format: str | None = None,
    graph: str | None = None,
) -> bytes | None:
    """Write the store (or one named graph) to ``output``, or return the bytes when no output.

    The format is ``format`` when given, else the output file's extension, else TriG.
    """
    if format:
        fmt = format_for(format)
    elif output is not None:
        fmt = format_for(output)
    else:
        fmt = ox.RdfFormat.TRIG
    if graph is not None and graph not in store.named_graphs():
        raise StoreError(f"no named graph <{graph}> in the store (see `kutniti stats`)")
    if output is not None:
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(f"{output}.part")
        store.dump(tmp, format=fmt, graph=graph, prefixes=PREFIXES)
        os.replace(tmp, output)
        return None
    return store.dump(format=fmt, graph=graph, prefixes=PREFIXES)
