"""The store: an Oxigraph quad store, persistent in a directory or held in memory.

``Store`` is a thin noun over :class:`pyoxigraph.Store` that knows kutniti's conventions: the
default graph of a query is the union of all named graphs (every triple lives in the named graph
of its origin), graphs are replaced atomically, and the rdflib API is available through
``oxrdflib`` for code that wants it.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
import rdflib

#: File extensions and media types → Oxigraph formats.
FORMATS_BY_EXTENSION: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".turtle": ox.RdfFormat.TURTLE,
    ".trig": ox.RdfFormat.TRIG,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
    ".n3": ox.RdfFormat.N3,
}

FORMATS_BY_NAME: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "ttl": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nt": ox.RdfFormat.N_TRIPLES,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "n-triples": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
    "nquads": ox.RdfFormat.N_QUADS,
    "n-quads": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD,
    "json-ld": ox.RdfFormat.JSON_LD,
    "xml": ox.RdfFormat.RDF_XML,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "rdf/xml": ox.RdfFormat.RDF_XML,
}

QUAD_FORMATS = {ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS, ox.RdfFormat.JSON_LD}


class StoreError(Exception):
    """A store operation failed; the message says what and where."""


def format_for(path_or_name: str | os.PathLike[str]) -> ox.RdfFormat:
    """The RDF format named by a file extension (``x.ttl``) or a format name (``turtle``)."""
    text = str(path_or_name)
    if text.lower() in FORMATS_BY_NAME:
        return FORMATS_BY_NAME[text.lower()]
    suffix = Path(text).suffix.lower()
    if suffix in FORMATS_BY_EXTENSION:
        return FORMATS_BY_EXTENSION[suffix]
    known = ", ".join(sorted(FORMATS_BY_EXTENSION))
    raise StoreError(f"{text}: unknown RDF format (known extensions: {known})")


def to_term(node: rdflib.term.Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as an Oxigraph term."""
    if isinstance(node, rdflib.URIRef):
        return ox.NamedNode(str(node))
    if isinstance(node, rdflib.BNode):
        return ox.BlankNode(str(node))
    if isinstance(node, rdflib.Literal):
        if node.language:
            return ox.Literal(str(node), language=node.language)
        if node.datatype:
            return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype)))
        return ox.Literal(str(node))
    raise StoreError(f"cannot store term {node!r}")


def from_term(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> rdflib.term.Node:
    """An Oxigraph term as the rdflib term it stands for (a plain string stays a plain literal)."""
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    if datatype == "http://www.w3.org/2001/XMLSchema#string":
        return rdflib.Literal(term.value)
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(datatype))


def to_quads(graph: rdflib.Graph, graph_name: str | rdflib.URIRef) -> Iterator[ox.Quad]:
    """The triples of an rdflib graph (or of the quads of a dataset) as Oxigraph quads in the named
    graph ``graph_name``."""
    g = ox.NamedNode(str(graph_name))
    for s, p, o, *_ in graph:
        yield ox.Quad(to_term(s), to_term(p), to_term(o), g)


CURRENT_LINK = "current"


def data_directory(root: Path, *, create: bool = True) -> Path:
    """The directory holding the live database of the store at ``root``.

    A store folder holds generations (``gen-00001`` …) and a ``current`` symbolic link to the live
    one, so that a build can make a new generation beside the old and switch atomically: a build
    killed half way leaves the old generation live and intact. A folder that is itself an Oxigraph
    database (made by other tools) is used as it is.
    """
    link = root / CURRENT_LINK
    if link.is_symlink() or link.is_dir():
        return link.resolve()
    if (root / "CURRENT").exists():  # a plain Oxigraph/RocksDB directory
        return root
    if not create:
        raise StoreError(f"no store at {root}: build one with `kutniti build --store {root}`")
    root.mkdir(parents=True, exist_ok=True)
    first = root / "gen-00001"
    first.mkdir(exist_ok=True)
    switch_generation(root, first)
    return first


def switch_generation(root: Path, generation: Path) -> None:
    """Point ``root/current`` at ``generation`` atomically (rename of a new link over the old)."""
    tmp = root / f".{CURRENT_LINK}.tmp-{os.getpid()}"
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    os.symlink(generation.name, tmp)
    os.replace(tmp, root / CURRENT_LINK)


def new_generation_dir(root: Path) -> Path:
    """A fresh, not yet existing generation directory name under ``root``."""
    numbers = [int(m.group(1)) for p in root.glob("gen-*") if (m := re.fullmatch(r"gen-(\d+)", p.name))]
    return root / f"gen-{(max(numbers, default=0) + 1):05d}"


class Store:
    """kutniti's quad store.

    ``Store()`` is in memory; ``Store(path)`` opens (or creates) an on-disk store folder (its live
    generation); ``Store(path, plain=True)`` opens one database directory as it is.
    """

    def __init__(
        self, path: str | os.PathLike[str] | None = None, *, read_only: bool = False, plain: bool = False
    ):
        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        if self.path is None or plain:
            self.data_dir = self.path
        else:
            self.data_dir = data_directory(self.path, create=not read_only)
        try:
            if self.data_dir is None:
                self._store = ox.Store()
            elif read_only:
                self._store = ox.Store.read_only(str(self.data_dir))
            else:
                self._store = ox.Store(str(self.data_dir))
        except OSError as exc:
            hint = ""
            if "lock" in str(exc).lower():
                hint = " (is another kutniti process, such as `kutniti serve`, using it?)"
            raise StoreError(f"cannot open the store at {self.path}: {exc}{hint}") from exc

    # -- the underlying engine ------------------------------------------------------------
    @property
    def oxigraph(self) -> ox.Store:
        """The :class:`pyoxigraph.Store` underneath, for code that wants the engine itself."""
        return self._store

    def rdflib_dataset(self) -> rdflib.Dataset:
        """The same data through the rdflib API (``oxrdflib``), default graph = union of graphs."""
        from oxrdflib import OxigraphStore

        ds = rdflib.Dataset(store=OxigraphStore(store=self._store), default_union=True)
        return ds

    # -- reading --------------------------------------------------------------------------
    def query(self, sparql: str, *, union: bool = True, **kwargs):
        """Run a SPARQL query; by default the default graph is the union of all named graphs."""
        if union and "default_graph" not in kwargs:
            kwargs["use_default_graph_as_union"] = True
        return self._store.query(sparql, **kwargs)

    def named_graphs(self) -> list[str]:
        """The IRIs of the named graphs, sorted."""
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        """Every quad, or those of one named graph."""
        g = ox.NamedNode(graph) if graph else None
        return self._store.quads_for_pattern(None, None, None, g)

    def snapshot(self) -> set[str]:
        """Every quad as an N-Quads line: a value to compare before and after an operation."""
        return {str(q) for q in self._store}

    def __len__(self) -> int:
        return len(self._store)

    def count_by_graph(self) -> dict[str, int]:
        """Triples per named graph (the default graph as ``""`` when it holds any)."""
        rows = self._store.query(
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
        )
        out = {r["g"].value: int(r["n"].value) for r in rows}
        default = next(iter(self._store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))
        if int(default["n"].value):
            out[""] = int(default["n"].value)
        return out

    # -- writing --------------------------------------------------------------------------
    def replace_graph(self, graph_name: str, data: rdflib.Graph | Iterable[ox.Quad]) -> None:
        """Replace one named graph by ``data`` in a single transaction.

        Either the whole new graph is stored or the old one stays as it was.
        """
        quads = list(to_quads(data, graph_name) if isinstance(data, rdflib.Graph) else data)
        g = ox.NamedNode(str(graph_name))
        body = "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
        try:
            self._store.update(f"DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{\n{body}\n}} }}")
        except (SyntaxError, OSError, ValueError) as exc:
            raise StoreError(f"cannot replace graph <{graph_name}>: {exc}") from exc

    def add_graph(self, graph_name: str, data: rdflib.Graph) -> None:
        """Add triples to a named graph (one transaction)."""
        self._store.extend(to_quads(data, graph_name))

    def remove_graph(self, graph_name: str) -> None:
        """Remove a named graph and its triples."""
        g = ox.NamedNode(str(graph_name))
        if self._store.contains_named_graph(g):
            self._store.remove_graph(g)

    def update(self, sparql: str, **kwargs) -> None:
        """Run a SPARQL update (one transaction)."""
        self._store.update(sparql, **kwargs)

    def load(
        self,
        source: str | os.PathLike[str] | bytes,
        *,
        format: ox.RdfFormat | None = None,
        graph: str | None = None,
        bulk: bool = False,
        base_iri: str | None = None,
    ) -> None:
        """Load RDF from a file path or bytes; triples go to ``graph`` (required for triple formats).

        ``bulk=True`` uses Oxigraph's bulk loader (fast, not transactional) for large files.
        """
        kwargs: dict = {}
        if isinstance(source, bytes):
            if format is None:
                raise StoreError("loading bytes needs a format")
            kwargs["input"] = source
        else:
            kwargs["path"] = str(source)
            format = format or format_for(source)
        kwargs["format"] = format
        if base_iri:
            kwargs["base_iri"] = base_iri
        if format not in QUAD_FORMATS or graph:
            if graph is None:
                raise StoreError(f"{source}: triples need a named graph to go into")
            kwargs["to_graph"] = ox.NamedNode(graph)
        try:
            if bulk:
                self._store.bulk_load(**kwargs)
            else:
                self._store.load(**kwargs)
        except SyntaxError as exc:
            raise StoreError(f"{source}: {exc}") from exc

    def flush(self) -> None:
        """Make sure what was written is on disk (no-op in memory)."""
        if self.path is not None and not self.read_only:
            self._store.flush()

    # -- export ---------------------------------------------------------------------------
    def dump(
        self,
        output: str | os.PathLike[str] | io.IOBase | None = None,
        *,
        format: ox.RdfFormat = ox.RdfFormat.TRIG,
        graph: str | None = None,
        prefixes: dict[str, str] | None = None,
    ) -> bytes | None:
        """Serialise the whole store (quad formats) or one graph; all graphs merged for
        triple formats when ``graph`` is not given."""
        kwargs: dict = {"format": format}
        if prefixes and format in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG):
            kwargs["prefixes"] = prefixes
        if graph is not None:
            kwargs["from_graph"] = ox.NamedNode(graph)
            if format in QUAD_FORMATS and format is not ox.RdfFormat.JSON_LD:
                # a single graph in a quad format keeps its graph name
                kwargs.pop("from_graph")
                return self._dump_quads(output, format, kwargs, graph)
        elif format not in QUAD_FORMATS:
            return self._dump_union(output, format, kwargs)
        if output is None:
            return self._store.dump(**kwargs)
        self._store.dump(output if not isinstance(output, (str, os.PathLike)) else str(output), **kwargs)
        return None

    def _dump_union(self, output, format, kwargs):
        merged = ox.Store()
        merged.extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in self._store)
        kwargs["from_graph"] = ox.DefaultGraph()
        if output is None:
            return merged.dump(**kwargs)
        merged.dump(output if not isinstance(output, (str, os.PathLike)) else str(output), **kwargs)
        return None

    def _dump_quads(self, output, format, kwargs, graph):
        one = ox.Store()
        one.extend(self.quads(graph))
        if output is None:
            return one.dump(**kwargs)
        one.dump(output if not isinstance(output, (str, os.PathLike)) else str(output), **kwargs)
        return None


def close(store: Store) -> None:
    """Release an on-disk store (its lock) by dropping the engine; the object is unusable after."""
    store.flush()
    store._store = None  # noqa: SLF001 - pyoxigraph closes the database when the last reference goes
    import gc

    gc.collect()
