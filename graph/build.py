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
import itertools
import json
import os
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pyoxigraph as ox
import rdflib

from kutniti.graph.namespaces import DIP, ENTITIES_GRAPH, ONTOLOGY_GRAPH, RDF, RDFS, document_graph

from kutniti.graph.generations import next_generation
from kutniti.graph.store import Store, StoreError
from kutniti.loaders.document import Document, DocumentError, find_documents, read_document

ENTITY_CLASSES = {DIP.Country, DIP.Person, DIP.Organization, DIP.City}
_ENTITY_CLASS_IRIS = frozenset(str(c) for c in ENTITY_CLASSES)
_TYPE = ox.NamedNode(str(RDF.type))
_EVIDENCE = ox.NamedNode(str(DIP.evidence))
_QUOTE = ox.NamedNode(str(DIP.quote))

QUARANTINE_JSON = "quarantine.json"
QUARANTINE_TEXT = "quarantine.txt"
#: Documents a build worker reads and validates together.
BATCH = 200
#: Documents whose facts are loaded into the store at once.
WRITE_BATCH = 500
#: Documents worth a load of their own while the parent waits for the workers.
EARLY_LOAD = 100


@dataclass
class DocumentResult:
    """What one document yielded: its quads (N-Quads, UTF-8 bytes as the store loads them), counts,
    and what was set aside."""

    identifier: str
    stem: str
    nquads: bytes
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


@functools.cache
def _event_class_iris() -> frozenset[str]:
    return frozenset(str(c) for c in event_classes())


def _event_nodes(triples: Iterable[tuple]) -> set:
    classes = _event_class_iris()
    return {t[0] for t in triples if t[1] == _TYPE and t[2].value in classes}


def drop_node(triples: list[tuple], node) -> list[tuple]:
    """Remove a node's statements, the evidence nodes it owns, and statements pointing at it
    (from a list of triples, in place); the removed triples."""
    owned = {t[2] for t in triples if t[0] == node and t[1] == _EVIDENCE}
    gone = {node, *owned}
    kept, removed = [], []
    for t in triples:
        (removed if t[0] in gone or t[2] == node else kept).append(t)
    triples[:] = kept
    return removed


def _documents_naming(documents: list[tuple[str, list[tuple]]], terms: set | None = None) -> dict:
    """For each subject or object of the documents' triples (of ``terms`` only, if given: the
    failing things), the positions (in order) of the documents that have it: the only documents a
    failing thing can be removed from."""
    index: dict = {}
    for i, (_, triples) in enumerate(documents):
        if terms is None:
            named = {term for t in triples for term in (t[0], t[2])}
        else:
            named = {t[0] for t in triples if t[0] in terms} | {t[2] for t in triples if t[2] in terms}
        for term in named:
            index.setdefault(term, []).append(i)
    return index


def quarantine_batch(documents: list[tuple[str, list[tuple]]], max_rounds: int = 4) -> list[dict]:
    """Validate the facts of several documents together and remove what breaks the shapes.

    ``documents`` pairs each document's identifier with its triples (Oxigraph terms), which are
    changed in place. The documents are checked as one (their union is what the store will hold,
    so a thing two documents describe is judged on what they say together), which costs one
    validation per batch instead of one per document. A failing thing is removed from every
    document of the batch that states it, with the statements pointing at it; removing it may make
    others fail, so the documents it was removed from are checked again until they conform (at
    most ``max_rounds`` times). One record per document and removed thing: the node, its types,
    the rules it broke and the evidence quote.
    """
    out: list[dict] = []
    pending = documents
    for _ in range(max_rounds):
        union = list(dict.fromkeys(itertools.chain.from_iterable(triples for _, triples in pending)))
        report = validate_triples(union)
        if report.conforms:
            break
        by_focus: dict = {}
        changed: dict = {}  # the documents something was removed from: only they are checked again
        for r in report.results:
            by_focus.setdefault(r.focus, []).append(r)
        nodes = {focus: ox.NamedNode(focus) if ":" in focus else ox.BlankNode(focus) for focus in by_focus}
        naming = _documents_naming(pending, set(nodes.values()))
        for focus, results in by_focus.items():
            node = nodes[focus]
            problems = [{"path": str(r.path) if r.path else None,
                         "value": str(r.value) if r.value is not None else None,
                         "message": str(r.message)} for r in results]
            for doc_id, triples in (pending[i] for i in naming.get(node, ())):
                if not any(t[0] == node or t[2] == node for t in triples):
                    continue  # what named it went with a thing removed before
                changed[doc_id] = (doc_id, triples)
                evidence = {t[2] for t in triples if t[0] == node and t[1] == _EVIDENCE}
                quotes = [t[2].value for t in triples if t[0] in evidence and t[1] == _QUOTE]
                out.append({
                    "document": doc_id,
                    "node": focus,
                    "types": sorted(t[2].value for t in triples if t[0] == node and t[1] == _TYPE),
                    "problems": problems,
                    "quote": quotes[0] if quotes else None,
                })
                drop_node(triples, node)
        pending = list(changed.values())
    return out


def validate_triples(triples: list[tuple]):
    """Validate triples of Oxigraph terms against the shapes (see :mod:`kutniti.graph.validate`)."""
    from kutniti.graph.validate import validate  # noqa: PLC0415

    return validate(triples)  # 3-tuples of Oxigraph terms are read as they are


#: For each build under way (by its token), the entities graph's triples this process has
#: already handed over: see :func:`process_documents`.
_handed_over: dict[str, set] = {}


def _document_result(doc: Document, triples: list[tuple], quarantined: list[dict],
                     handed: set | None = None) -> DocumentResult:
    """A document's checked triples as N-Quads: its own facts in its graph, the descriptions of
    the things it names in the shared entities graph, less those in ``handed`` (which takes the
    rest)."""
    own, entities = ox.NamedNode(str(document_graph(doc.stem))), ox.NamedNode(str(ENTITIES_GRAPH))
    # the descriptions of countries, people and places come from the lexicon, not the document:
    # they live once in the entities graph, so the union of graphs holds each of them once
    things = {t[0] for t in triples if t[1] == _TYPE and t[2].value in _ENTITY_CLASS_IRIS}
    if handed is None:
        quads = [ox.Quad(s, p, o, entities if s in things else own) for s, p, o in triples]
    else:
        quads = [ox.Quad(*t, own) for t in triples if t[0] not in things]
        new = [t for t in triples if t[0] in things and t not in handed]
        handed.update(new)
        quads += [ox.Quad(*t, entities) for t in new]
    nquads = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    return DocumentResult(doc.identifier, doc.stem, nquads, len(triples), len(_event_nodes(triples)), quarantined)


def process_document(path: str, validate_facts: bool = True) -> DocumentResult:
    """Read, extract and check one document."""
    return process_documents([path], validate_facts)[0]


def process_documents(paths: list[str], validate_facts: bool = True, build: str | None = None) -> list[DocumentResult]:
    """Read, extract and check a batch of documents (the unit of work of a build worker).

    With ``build`` (a token of the build, the same for all its batches) the descriptions of things
    that this process has handed over before in the build are left out of the N-Quads: most
    documents name the same few countries and people, the build loads every result into one store,
    and the store would keep one copy of each description anyway."""
    from kutniti.loaders.pipeline import read  # noqa: PLC0415
    from kutniti.loaders.rdf import reading_triples  # noqa: PLC0415

    docs = [read_document(p) for p in paths]
    documents = [(doc.identifier, reading_triples(read(doc))) for doc in docs]
    quarantined = quarantine_batch(documents) if validate_facts else []
    by_document: dict[str, list[dict]] = {}
    for q in quarantined:
        by_document.setdefault(q["document"], []).append(q)
    handed = _handed_over.setdefault(build, set()) if build is not None else None
    return [_document_result(doc, triples, by_document.get(doc.identifier, []), handed)
            for doc, (_, triples) in zip(docs, documents)]


# -- the build -------------------------------------------------------------------------------
def check_documents(paths: Iterable[Path]) -> None:
    """Read every document up front; raise one :class:`DocumentError` listing every broken one."""
    errors = []
    for p in paths:
        try:
            read_document(p)
        except DocumentError as exc:
            errors.append(str(exc))
    if errors:
        raise DocumentError("\n".join(errors))


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

    summary = BuildSummary()
    quarantined: list[dict] = []

    def counted(results: Iterable[DocumentResult]) -> Iterator[DocumentResult]:
        for r in results:
            summary.documents += 1
            summary.triples += r.triples
            summary.events += r.events
            summary.per_document.append({"document": r.identifier, "triples": r.triples, "events": r.events,
                                         "quarantined": len(r.quarantined)})
            quarantined.extend(r.quarantined)
            yield r

    writer = _Writer()
    token = uuid.uuid4().hex
    results = counted(_extract_all(paths, workers, validate_facts, on_progress, idle=writer.load_early,
                                   build=token))
    try:
        if store is not None:
            _write(store, results, writer)
        else:
            if store_root is None:
                raise StoreError("no store given")
            root = Path(store_root)
            summary.store = str(root)
            with next_generation(root) as new:
                _write(new, results, writer)
            summary.quarantine_report = str(_write_quarantine(root, quarantined))
    finally:
        _handed_over.pop(token, None)  # (held here when the build read in this process)
    summary.quarantined = len(quarantined)
    summary.seconds = round(time.perf_counter() - started, 3)
    return summary


def _extract_all(paths, workers, validate_facts, on_progress, idle: Callable[[], None] | None = None,
                 build: str | None = None):
    """Each document's result, in order: batches of documents go to worker processes, one per core.
    ``idle`` is called when the next batch is not ready yet (the parent has time to spare);
    ``build`` is the build's token (see :func:`process_documents`): every result is to be loaded."""
    workers = workers or min(len(paths), os.cpu_count() or 1)
    size = max(1, min(BATCH, -(-len(paths) // (workers * 4))))
    batches = [[str(p) for p in paths[i:i + size]] for i in range(0, len(paths), size)]
    if workers <= 1 or len(batches) == 1:
        results = (r for b in batches for r in process_documents(b, validate_facts, build))
        for r in results:
            if on_progress:
                on_progress(r)
            yield r
        return
    _warm()  # the lexicon, shapes and ontology, loaded once here and shared by the forked workers
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(process_documents, b, validate_facts, build) for b in batches]
        for future in futures:
            if idle is not None and not future.done():
                idle()
            for r in future.result():
                if on_progress:
                    on_progress(r)
                yield r


def _warm() -> None:
    """Load and compile, once in the parent, what every worker needs: the forked workers share it."""
    from kutniti.graph.validate import _compiled, shapes_graph  # noqa: PLC0415
    from kutniti.graph.validate import ontology_graph as validation_ontology  # noqa: PLC0415
    from kutniti.loaders import dates, events  # noqa: PLC0415
    from kutniti.loaders import pipeline as _  # noqa: F401, PLC0415 - the loaders' patterns, compiled on import
    from kutniti.loaders.lexicon import lexicon  # noqa: PLC0415

    lexicon()
    _compiled(shapes_graph())
    validation_ontology()
    event_classes()
    events.rules()
    events._needle_index()
    dates._patterns()
    dates._needle_automaton()


class _Writer:
    """Results waiting to be loaded into the store: loaded :data:`WRITE_BATCH` documents at a time,
    or sooner (at least :data:`EARLY_LOAD` of them) when the build would otherwise wait for the
    workers. The parent then loads while the workers read, and what is left to load once they are
    done (the part of a build that runs on one core) is one batch or so, not a whole write batch."""

    def __init__(self) -> None:
        self.store: Store | None = None
        self.pending: list[DocumentResult] = []

    def add(self, result: DocumentResult) -> None:
        """Take one result; load the waiting ones when there are :data:`WRITE_BATCH` of them."""
        self.pending.append(result)
        if len(self.pending) >= WRITE_BATCH:
            self.load()

    def load_early(self) -> None:
        """Load the waiting results now if there are enough of them to be worth a load."""
        if len(self.pending) >= EARLY_LOAD:
            self.load()

    def load(self) -> None:
        """Load every waiting result."""
        if self.store is not None and self.pending:
            _load(self.store, self.pending)
            self.pending = []


def _write(store: Store, results: Iterable[DocumentResult], writer: _Writer | None = None) -> None:
    """Replace each document's graph, and the ontology graph, in an open store: the results are
    loaded as they come, :data:`WRITE_BATCH` documents at a time at most (see :class:`_Writer`), so
    a build's memory does not grow with the number of documents."""
    writer = writer or _Writer()
    writer.store = store
    store.remove_graph(str(ONTOLOGY_GRAPH))
    for r in results:
        writer.add(r)
    writer.load()
    store.add_graph(str(ONTOLOGY_GRAPH), ontology_graph())
    store.flush()


def _load(store: Store, results: list[DocumentResult]) -> None:
    for r in results:
        store.remove_graph(str(document_graph(r.stem)))
    if results:
        # bulk: a new generation is not live until it is complete, so a load need not be a transaction
        store.load(b"".join(r.nquads for r in results), format=ox.RdfFormat.N_QUADS, bulk=True)


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


__all__ = ["build", "BuildSummary", "DocumentResult", "process_document", "process_documents",
           "quarantine_batch"]
