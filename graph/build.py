"""Building the graph: documents → loaders → shapes → a new store generation.

A build reads every document first (a broken one stops the build before anything is written),
extracts and validates each document's facts in worker processes, sets aside the facts that break
the shapes (the quarantine report), and writes the rest into a *new generation* of the store:
a cheap hard-linked copy of the live one with the documents' graphs replaced. Only when that is
complete does the store's ``current`` link switch to it, so a build killed at any point leaves the
previous store intact and usable.
"""

from __future__ import annotations

import functools
import json
import os
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pyoxigraph as ox
import rdflib

from kutniti.graph.namespaces import DIP, ENTITIES_GRAPH, ONTOLOGY_GRAPH, RDF, RDFS, document_graph

ENTITY_CLASSES = {DIP.Country, DIP.Person, DIP.Organization, DIP.City}
from kutniti.graph.generations import next_generation
from kutniti.graph.store import Store, StoreError, to_quads
from kutniti.loaders.document import Document, DocumentError, find_documents, read_document

QUARANTINE_JSON = "quarantine.json"
QUARANTINE_TEXT = "quarantine.txt"


@dataclass
class DocumentResult:
    """What one document yielded: its quads (N-Quads text), counts, and what was set aside."""

    identifier: str
    stem: str
    nquads: str
    triples: int
    events: int
    quarantined: list[dict] = field(default_factory=list)


@dataclass
class BuildSummary:
    """The outcome of a build, for the terminal and for scripts."""

    documents: int = 0
    triples: int = 0
    events: int = 0
    quarantined: int = 0
    seconds: float = 0.0
    store: str | None = None
    quarantine_report: str | None = None
    per_document: list[dict] = field(default_factory=list)

    def to_json(self) -> dict:
        return asdict(self)


# -- per document (runs in worker processes) -------------------------------------------------
@functools.cache
def event_classes() -> frozenset:
    """``dip:Event`` and every class beneath it in the ontology."""
    onto = ontology_graph()
    return frozenset(onto.transitive_subjects(RDFS.subClassOf, DIP.Event))


def _event_nodes(graph: rdflib.Graph) -> set[rdflib.term.Node]:
    classes = event_classes()
    return {s for s, o in graph.subject_objects(RDF.type) if o in classes}


def drop_node(graph: rdflib.Graph, node: rdflib.term.Node) -> list[tuple]:
    """Remove a node's statements, the evidence nodes it owns, and statements pointing at it."""
    removed = []
    owned = set(graph.objects(node, DIP.evidence))
    for n in [node, *owned]:
        for t in list(graph.triples((n, None, None))):
            graph.remove(t)
            removed.append(t)
    for t in list(graph.triples((None, None, node))):
        graph.remove(t)
        removed.append(t)
    return removed


def quarantine_failures(graph: rdflib.Graph, doc_id: str, max_rounds: int = 4) -> list[dict]:
    """Validate ``graph`` against the shapes and remove failing focus nodes until it conforms.

    Returns one record per removed thing: the node, the rule it broke and the evidence quote.
    """
    from kutniti.graph.validate import validate  # noqa: PLC0415

    out: list[dict] = []
    for _ in range(max_rounds):
        report = validate(graph)
        if report.conforms:
            break
        by_focus: dict = {}
        for r in report.results:
            by_focus.setdefault(r.focus, []).append(r)
        for focus, results in by_focus.items():
            quotes = [str(q) for ev in graph.objects(focus, DIP.evidence) for q in graph.objects(ev, DIP.quote)]
            out.append(
                {
                    "document": doc_id,
                    "node": str(focus),
                    "types": sorted(str(t) for t in graph.objects(focus, RDF.type)),
                    "problems": [
                        {"path": str(r.path) if r.path else None, "value": str(r.value) if r.value is not None else None,
                         "message": str(r.message)}
                        for r in results
                    ],
                    "quote": quotes[0] if quotes else None,
                }
            )
            drop_node(graph, focus)
    return out


def process_document(path: str, validate_facts: bool = True) -> DocumentResult:
    """Read, extract and check one document (the unit of work of a build worker)."""
    from kutniti.loaders.pipeline import read_facts  # noqa: PLC0415

    doc = read_document(path)
    graph = read_facts(doc)
    quarantined = quarantine_failures(graph, doc.identifier) if validate_facts else []
    events = len(_event_nodes(graph))
    g = document_graph(doc.stem)
    # the descriptions of countries, people and places come from the lexicon, not the document:
    # they live once in the entities graph, so the union of graphs holds each of them once
    things = {s for s, o in graph.subject_objects(RDF.type) if o in ENTITY_CLASSES}
    described = rdflib.Graph()
    for t in list(graph):
        if t[0] in things:
            graph.remove(t)
            described.add(t)
    quads = list(to_quads(graph, g)) + list(to_quads(described, str(ENTITIES_GRAPH)))
    nquads = ox.serialize(quads, format=ox.RdfFormat.N_QUADS).decode("utf-8")
    return DocumentResult(doc.identifier, doc.stem, nquads, len(graph) + len(described), events, quarantined)


# -- the build -------------------------------------------------------------------------------
def check_documents(paths: Iterable[Path]) -> list[Document]:
    """Read every document up front; raise one :class:`DocumentError` listing every broken one."""
    docs, errors = [], []
    for p in paths:
        try:
            docs.append(read_document(p))
        except DocumentError as exc:
            errors.append(str(exc))
    if errors:
        raise DocumentError("\n".join(errors))
    return docs


def ontology_graph() -> rdflib.Graph:
    """The ontology as an rdflib graph (stored in its own named graph)."""
    from kutniti.ontology import ontology_path  # noqa: PLC0415

    g = rdflib.Graph()
    g.parse(ontology_path(), format="turtle")
    return g


def build(
    sources: list[str | Path],
    store_root: str | Path | None,
    *,
    workers: int | None = None,
    validate_facts: bool = True,
    on_progress: Callable[[DocumentResult], None] | None = None,
    store: Store | None = None,
) -> BuildSummary:
    """Build the graph of the documents in ``sources`` into the store at ``store_root``.

    With ``store`` (an open store, e.g. in memory) the graphs are replaced in it directly instead.
    Raises :class:`DocumentError` (nothing written) when a document cannot be read.
    """
    started = time.perf_counter()
    paths = find_documents(sources)
    if not paths:
        raise DocumentError(f"no *.txt documents in {', '.join(str(s) for s in sources)}")
    check_documents(paths)

    results = list(_extract_all(paths, workers, validate_facts, on_progress))
    quarantined = [q for r in results for q in r.quarantined]
    summary = BuildSummary(
        documents=len(results),
        triples=sum(r.triples for r in results),
        events=sum(r.events for r in results),
        quarantined=len(quarantined),
        per_document=[{"document": r.identifier, "triples": r.triples, "events": r.events,
                       "quarantined": len(r.quarantined)} for r in results],
    )
    if store is not None:
        _write(store, results)
    else:
        if store_root is None:
            raise StoreError("no store given")
        root = Path(store_root)
        summary.store = str(root)
        _write_generation(root, results)
        summary.quarantine_report = str(_write_quarantine(root, quarantined))
    summary.seconds = round(time.perf_counter() - started, 3)
    return summary


def _extract_all(paths, workers, validate_facts, on_progress):
    workers = workers or min(len(paths), os.cpu_count() or 1)
    if workers <= 1 or len(paths) < 8:
        for p in paths:
            r = process_document(str(p), validate_facts)
            if on_progress:
                on_progress(r)
            yield r
        return
    chunk = max(1, min(32, len(paths) // (workers * 4)))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for r in pool.map(process_document, [str(p) for p in paths], [validate_facts] * len(paths),
                          chunksize=chunk):
            if on_progress:
                on_progress(r)
            yield r


def _write(store: Store, results: list[DocumentResult]) -> None:
    """Replace each document's graph and the ontology graph in an open store."""
    for r in results:
        store.remove_graph(str(document_graph(r.stem)))
    store.remove_graph(str(ONTOLOGY_GRAPH))
    store.load("".join(r.nquads for r in results).encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    store.add_graph(str(ONTOLOGY_GRAPH), ontology_graph())
    store.flush()


def _write_generation(root: Path, results: list[DocumentResult]) -> None:
    """Write into a new generation of the store and switch to it (see ``generations``)."""
    with next_generation(root) as new:
        _write(new, results)


def _write_quarantine(root: Path, quarantined: list[dict]) -> Path:
    """Write the facts set aside by the shapes next to the store (JSON and text)."""
    (root / QUARANTINE_JSON).write_text(json.dumps(quarantined, ensure_ascii=False, indent=1), "utf-8")
    lines = [f"{len(quarantined)} fact(s) set aside because they break the shapes", ""]
    for q in quarantined:
        lines.append(f"{q['document']}: {q['node']} ({', '.join(t.rsplit('#', 1)[-1] for t in q['types'])})")
        for p in q["problems"]:
            lines.append(f"    - {p['message']}" + (f" [{p['path']} = {p['value']}]" if p["path"] else ""))
        if q.get("quote"):
            lines.append(f"    quote: {q['quote']}")
    (root / QUARANTINE_TEXT).write_text("\n".join(lines) + "\n", "utf-8")
    return root / QUARANTINE_TEXT


__all__ = ["build", "BuildSummary", "DocumentResult", "process_document", "quarantine_failures"]
