"""A remote SPARQL 1.1 store, used through the standard protocols instead of the embedded engine.

``RemoteStore(url)`` is a :class:`kutniti.graph.store.Store` whose engine is a server: queries go
to its SPARQL 1.1 Query endpoint, changes to its Update endpoint, and bulk data to its Graph Store
endpoint, so that loaders, gates and pages work unchanged against Oxigraph server, Apache Jena
Fuseki, GraphDB, Virtuoso or QLever. ``url`` is the dataset's base; the endpoints default to
Oxigraph server's layout (``url/query``, ``url/update``, ``url/store``) and can be given one by one.

:class:`RemoteEngine` answers the part of :class:`pyoxigraph.Store`'s interface that kutniti uses
(``query``, ``update``, ``extend``, ``quads_for_pattern``, ``named_graphs`` …), returning
pyoxigraph's own result and term types, so code written against the embedded store needs no second
path. The default graph of a query is the union of the graphs when the caller asks for it: the
request then carries ``union-default-graph`` (Oxigraph server's parameter; other servers are
configured for it on their side).
"""

from __future__ import annotations

import http.client
import os
import urllib.parse
from collections import defaultdict
from collections.abc import Iterable, Iterator

import pyoxigraph as ox

from kutniti.graph.store import Store, StoreError

RESULTS_JSON = "application/sparql-results+json"
N_TRIPLES = "application/n-triples"
#: Quads sent per Graph Store request when adding data.
CHUNK = 50_000


class RemoteEngine:
    """The SPARQL protocol endpoints of one dataset, answering like a :class:`pyoxigraph.Store`."""

    def __init__(self, url: str, *, query: str | None = None, update: str | None = None,
                 graph_store: str | None = None, timeout: float = 600.0) -> None:
        base = url.rstrip("/")
        parts = urllib.parse.urlsplit(base)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise StoreError(f"{url}: not an http(s) URL of a SPARQL store")
        self.url = base
        self.query_url = query or base + "/query"
        self.update_url = update or base + "/update"
        self.store_url = graph_store or base + "/store"
        self.timeout = timeout

    def __repr__(self) -> str:
        return f"RemoteEngine({self.url!r})"

    # -- HTTP ------------------------------------------------------------------------------
    def _request(self, method: str, url: str, *, params: dict | list | None = None, body: bytes | None = None,
                 headers: dict | None = None) -> tuple[int, str, bytes]:
        parts = urllib.parse.urlsplit(url)
        conn_class = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
        target = parts.path or "/"
        query = urllib.parse.urlencode(params or {}, doseq=True)
        if parts.query or query:
            target += "?" + "&".join(x for x in (parts.query, query) if x)
        conn = conn_class(parts.hostname, parts.port, timeout=self.timeout)
        try:
            conn.request(method, target, body=body, headers=headers or {})
            resp = conn.getresponse()
            data = resp.read()
            return resp.status, resp.getheader("Content-Type", "") or "", data
        except OSError as exc:
            raise StoreError(f"{url}: {exc}") from exc
        finally:
            conn.close()

    def _check(self, status: int, body: bytes, what: str, url: str) -> None:
        if 200 <= status < 300:
            return
        message = body.decode("utf-8", "replace").strip()[:500]
        if status == 400:
            raise SyntaxError(f"{what} refused by {url}: {message}")
        raise StoreError(f"{what} failed at {url}: HTTP {status} {message}")

    # -- queries -------------------------------------------------------------------------------
    def query(self, sparql: str, *, use_default_graph_as_union: bool = False, default_graph=None,
              named_graphs=None, base_iri: str | None = None, **_ignored):
        """Run a query on the server; the answer as pyoxigraph's result objects."""
        if base_iri:
            sparql = f"BASE <{base_iri}>\n{sparql}"
        params: list[tuple[str, str]] = []
        if use_default_graph_as_union:
            params.append(("union-default-graph", ""))
        graphs = default_graph if isinstance(default_graph, (list, tuple)) else [default_graph]
        for g in graphs:
            if isinstance(g, ox.NamedNode):
                params.append(("default-graph-uri", g.value))
        for g in named_graphs or ():
            params.append(("named-graph-uri", g.value))
        status, ctype, body = self._request(
            "POST", self.query_url + ("?" + urllib.parse.urlencode(params) if params else ""),
            body=sparql.encode("utf-8"),
            headers={"Content-Type": "application/sparql-query; charset=utf-8",
                     "Accept": f"{RESULTS_JSON}, {N_TRIPLES};q=0.9"})
        self._check(status, body, "the query", self.query_url)
        media = ctype.split(";")[0].strip().lower()
        if media in (RESULTS_JSON, "application/json"):
            return ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
        fmt = ox.RdfFormat.from_media_type(media) or ox.RdfFormat.N_TRIPLES
        scratch = ox.Store()  # a graph answer: give it back as pyoxigraph's QueryTriples
        scratch.extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph())
                       for t in ox.parse(body, format=fmt))
        return scratch.query("CONSTRUCT WHERE { ?s ?p ?o }")

    def quads_for_pattern(self, subject=None, predicate=None, object=None, graph_name=None) -> Iterator[ox.Quad]:
        """The quads matching a pattern (``None`` matches anything), in every graph or one."""
        s, p, o = (t if t is not None else f"?{v}" for t, v in ((subject, "s"), (predicate, "p"), (object, "o")))
        pattern = f"{s} {p} {o}"
        if isinstance(graph_name, ox.DefaultGraph):
            where = f"{{ {pattern} }}"
        elif graph_name is not None:
            where = f"{{ GRAPH {graph_name} {{ {pattern} }} BIND({graph_name} AS ?g) }}"
        else:
            where = f"{{ {{ GRAPH ?g {{ {pattern} }} }} UNION {{ {pattern} }} }}"
        rows = self.query(f"SELECT * WHERE {where}")
        for row in rows:
            g = row["g"] if "g" in [v.value for v in rows.variables] and row["g"] is not None else ox.DefaultGraph()
            yield ox.Quad(subject or row["s"], predicate or row["p"], object or row["o"], g)

    def __iter__(self) -> Iterator[ox.Quad]:
        return self.quads_for_pattern()

    def __len__(self) -> int:
        rows = self.query("SELECT (COUNT(*) AS ?n) WHERE { { GRAPH ?g { ?s ?p ?o } } UNION { ?s ?p ?o } }")
        return int(next(iter(rows))["n"].value)

    def named_graphs(self) -> Iterator[ox.NamedNode]:
        return (r["g"] for r in self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }"))

    def contains_named_graph(self, graph: ox.NamedNode) -> bool:
        return bool(self.query(f"ASK {{ GRAPH {graph} {{ }} }}"))

    # -- changes -------------------------------------------------------------------------------
    def update(self, sparql: str, *, base_iri: str | None = None, **_ignored) -> None:
        """Run a SPARQL update on the server (one request: the server applies it atomically)."""
        if base_iri:
            sparql = f"BASE <{base_iri}>\n{sparql}"
        status, _, body = self._request("POST", self.update_url, body=sparql.encode("utf-8"),
                                        headers={"Content-Type": "application/sparql-update; charset=utf-8"})
        self._check(status, body, "the update", self.update_url)

    def extend(self, quads: Iterable[ox.Quad]) -> None:
        """Add quads: one Graph Store POST of N-Triples per graph (and per chunk of a big graph)."""
        by_graph: dict = defaultdict(list)
        for q in quads:
            by_graph[q.graph_name].append(ox.Triple(q.subject, q.predicate, q.object))
        for graph, triples in by_graph.items():
            params = {"default": ""} if isinstance(graph, ox.DefaultGraph) else {"graph": graph.value}
            for i in range(0, len(triples), CHUNK):
                body = ox.serialize(triples[i:i + CHUNK], format=ox.RdfFormat.N_TRIPLES)
                status, _, answer = self._request("POST", self.store_url, params=params, body=body,
                                                  headers={"Content-Type": N_TRIPLES})
                self._check(status, answer, "adding data", self.store_url)

    bulk_extend = extend

    def add(self, quad: ox.Quad) -> None:
        self.extend([quad])

    def remove(self, quad: ox.Quad) -> None:
        triple = f"{quad.subject} {quad.predicate} {quad.object} ."
        inner = triple if isinstance(quad.graph_name, ox.DefaultGraph) else f"GRAPH {quad.graph_name} {{ {triple} }}"
        self.update(f"DELETE DATA {{ {inner} }}")

    def add_graph(self, graph: ox.NamedNode) -> None:
        self.update(f"CREATE SILENT GRAPH {graph}")

    def remove_graph(self, graph) -> None:
        self.update("DROP SILENT DEFAULT" if isinstance(graph, ox.DefaultGraph) else f"DROP SILENT GRAPH {graph}")

    def load(self, *, path: str | None = None, input: bytes | None = None, format: ox.RdfFormat,
             to_graph: ox.NamedNode | None = None, base_iri: str | None = None, **_ignored) -> None:
        """Parse RDF here (a syntax error stops it before anything is sent), then add it."""
        kwargs: dict = {"format": format}
        if base_iri:
            kwargs["base_iri"] = base_iri
        source = {"path": path} if path is not None else {"input": input}
        quads = list(ox.parse(**source, **kwargs))
        if to_graph is not None:
            quads = [ox.Quad(q.subject, q.predicate, q.object, to_graph) for q in quads]
        self.extend(quads)

    bulk_load = load

    def dump(self, output=None, *, format: ox.RdfFormat, from_graph=None, **kwargs):
        quads = list(self.quads_for_pattern(None, None, None, from_graph))
        items = [ox.Triple(q.subject, q.predicate, q.object) for q in quads] if from_graph is not None else quads
        data = ox.serialize(items, format=format, **kwargs)
        if output is None:
            return data
        if isinstance(output, (str, os.PathLike)):
            with open(output, "wb") as fh:
                fh.write(data)
        else:
            output.write(data)
        return None

    def flush(self) -> None:
        """Nothing to do: the server made each change durable before it answered."""


class RemoteStore(Store):
    """kutniti's store on a remote SPARQL 1.1 server (see the module's description)."""

    def __init__(self, url: str, **endpoints) -> None:  # noqa: D107 - no on-disk folder
        self.path = None
        self.data_dir = None
        self.url = url
        self._store = RemoteEngine(url, **endpoints)

    def rdflib_dataset(self):
        raise StoreError(f"{self.url}: the rdflib view is only available for the embedded store")
