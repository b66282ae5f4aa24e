"""Query execution that can be cut off: queries run in forked worker processes.

Oxigraph has no query timeout, and a thread cannot be stopped, so the server answers queries from
an in-memory copy of the store (:class:`Replica`) in worker processes made with ``fork``
(:mod:`kutniti.server.workers`): they share the parent's memory copy-on-write (no copying, no
reloading), run the query with Oxigraph and serialise the result with Oxigraph. The parent waits up
to the time limit and kills a worker that exceeds it. Writes go to the durable on-disk store first
and then to the in-memory copy, under one lock; each write moves the replica to a new
*generation*, which retires the workers forked before it and empties the cache of answers
(:class:`AnswerCache`), so a query never sees an older state than the last completed write.
"""

from __future__ import annotations

import os
import pickle
import re
import struct
import threading
import weakref
from collections import OrderedDict
from dataclasses import dataclass

import pyoxigraph as ox

from kutniti.graph.store import Store
from kutniti.server.workers import Pool, WorkerLost, WorkerTimeout

#: Worker processes by default: one per core, at least two (so one long query does not stall all).
DEFAULT_WORKERS = max(2, os.cpu_count() or 1)
#: Bytes of answers kept between writes by default.
DEFAULT_CACHE_BYTES = 64 * 2**20


class QueryTimeout(Exception):
    """The query ran longer than the time limit and was stopped."""


class QueryFailed(Exception):
    """The query could not be evaluated (syntax or evaluation error); the message says why."""


@dataclass
class Answer:
    """A serialised query result."""

    kind: str  # "solutions" | "boolean" | "graph"
    body: bytes
    media_type: str
    rows: int = 0


class Replica:
    """The store as the server sees it: the on-disk store plus an in-memory copy for queries."""

    def __init__(self, store: Store, *, in_memory: bool = True, workers: int = DEFAULT_WORKERS,
                 cache_bytes: int = DEFAULT_CACHE_BYTES) -> None:
        self.durable = store
        self.lock = threading.RLock()
        if in_memory and store.path is not None:
            self.memory = ox.Store()
            self.memory.bulk_extend(store.oxigraph)
        else:
            self.memory = store.oxigraph
        self.generation = 0
        self.workers = workers
        self.cache = AnswerCache(cache_bytes)
        self._pool: Pool | None = None
        self._graphs: tuple[int, frozenset[str]] | None = None

    @property
    def pool(self) -> Pool:
        """The query workers, forked on first use; stopped when the replica is dropped."""
        if self._pool is None:
            with self.lock:
                if self._pool is None:
                    memory, me = self.memory, weakref.ref(self)
                    pool = Pool(lambda request: _answer_request(memory, request), self.workers,
                                fork_lock=self.lock, generation=lambda: getattr(me(), "generation", -1))
                    weakref.finalize(self, pool.close)
                    self._pool = pool
        return self._pool

    def graph_names(self) -> frozenset[str]:
        """The IRIs of the named graphs (remembered until the next write)."""
        cached = self._graphs
        generation = self.generation
        if cached is None or cached[0] != generation:
            names = frozenset(g.value for g in self.memory.named_graphs() if isinstance(g, ox.NamedNode))
            cached = self._graphs = (generation, names)
        return cached[1]

    def close(self) -> None:
        """Stop the query workers (they are forked again if the replica is used after)."""
        if self._pool is not None:
            self._pool.close()
            self._pool = None

    def update(self, sparql: str, **kwargs) -> None:
        """Apply a SPARQL update durably, then to the in-memory copy."""
        with self.lock:
            self.durable.update(sparql, **kwargs)
            if self.memory is not self.durable.oxigraph:
                self.memory.update(sparql, **kwargs)
            self.generation += 1

    def replace_quads(self, remove: list[ox.Quad], add: list[ox.Quad]) -> None:
        """Remove and add quads (a Graph Store write) durably, then in memory."""
        with self.lock:
            for target in {id(self.durable.oxigraph): self.durable.oxigraph, id(self.memory): self.memory}.values():
                for q in remove:
                    target.remove(q)
                target.extend(add)
            self.generation += 1


def _run(store: ox.Store, query: str, options: dict, formats: dict, max_rows: int) -> Answer:
    result = store.query(query, **options)
    if isinstance(result, ox.QueryBoolean):
        fmt, media = formats["boolean"]
        return Answer("boolean", ox.QueryBoolean.serialize(result, format=fmt), media)
    if isinstance(result, ox.QuerySolutions):
        fmt, media = formats["solutions"]
        if _small_limit(query, max_rows):
            return Answer("solutions", result.serialize(format=fmt), media)
        rows = list(_limit(result, max_rows))
        return Answer("solutions", _serialise_rows(result.variables, rows, fmt), media, len(rows))
    fmt, media = formats["graph"]
    triples = list(_limit(result, max_rows))
    return Answer("graph", ox.serialize(triples, format=fmt), media, len(triples))


def _limit(it, n):
    for i, x in enumerate(it):
        if i >= n:
            break
        yield x


_LIMIT = re.compile(r"\bLIMIT\s+(\d+)\s*(?:OFFSET\s+\d+\s*)?$", re.IGNORECASE)


def _small_limit(query: str, max_rows: int) -> bool:
    """The query ends with a LIMIT within the row cap: serialise its solutions directly."""
    m = _LIMIT.search(query.strip())
    return bool(m) and int(m.group(1)) <= max_rows


def _serialise_rows(variables, rows, fmt) -> bytes:
    """Serialise solution rows (cut at the row cap) in a SPARQL results format with Oxigraph's
    own serialiser: a VALUES query over a scratch store reproduces the rows exactly."""
    tmp = ox.Store()
    names = [v.value for v in variables]
    if not rows:
        q = f"SELECT {' '.join('?' + n for n in names) or '*'} WHERE {{ FILTER(false) }}"
        return tmp.query(q).serialize(format=fmt)
    values = []
    for r in rows:
        cells = []
        for n in names:
            term = r[n]
            cells.append("UNDEF" if term is None else _sparql_term(term))
        values.append("(" + " ".join(cells) + ")")
    q = (f"SELECT {' '.join('?' + n for n in names)} WHERE {{ VALUES ({' '.join('?' + n for n in names)}) "
         f"{{ {' '.join(values)} }} }}")
    return tmp.query(q).serialize(format=fmt)


def _sparql_term(term) -> str:
    if isinstance(term, ox.BlankNode):
        return f"<urn:bnode:{term.value}>"
    return str(term)


class AnswerCache:
    """Answers to repeated queries, kept until the next write (least recently used first out).

    An answer is stored with the generation it was computed at and served only while the replica
    is still at that generation; ``max_bytes=0`` turns the cache off.
    """

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.generation = 0
        self._answers: OrderedDict[tuple, Answer] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, generation: int, key: tuple) -> Answer | None:
        with self._lock:
            answer = self._answers.get(key) if generation == self.generation else None
            if answer is None:
                self.misses += 1
                return None
            self._answers.move_to_end(key)
            self.hits += 1
            return answer

    def put(self, generation: int, key: tuple, answer: Answer) -> None:
        size = len(answer.body) + len(key[0])
        if size > self.max_bytes // 8:
            return
        with self._lock:
            if generation < self.generation:
                return
            if generation > self.generation:
                self._answers.clear()
                self._bytes = 0
                self.generation = generation
            if key in self._answers:
                return
            self._answers[key] = answer
            self._bytes += size
            while self._bytes > self.max_bytes:
                k, old = self._answers.popitem(last=False)
                self._bytes -= len(old.body) + len(k[0])


def _format_spec(formats: dict) -> dict:
    """The formats as plain values (Oxigraph's format objects do not cross a pipe)."""
    return {kind: (isinstance(fmt, ox.RdfFormat), fmt.media_type, media) for kind, (fmt, media) in formats.items()}


def _formats(spec: dict) -> dict:
    return {kind: ((ox.RdfFormat if rdf else ox.QueryResultsFormat).from_media_type(fmt_media), media)
            for kind, (rdf, fmt_media, media) in spec.items()}


def _answer_request(store: ox.Store, request: bytes) -> bytes:
    """In a worker: run one pickled request and return the serialised answer (or the error)."""
    try:
        query, options, spec, max_rows = pickle.loads(request)
        ans = _run(store, query, options, _formats(spec), max_rows)
        return (b"OK" + ans.kind.encode().ljust(10) + ans.media_type.encode().ljust(80) +
                struct.pack(">Q", ans.rows) + ans.body)
    except SyntaxError as exc:
        return b"SE" + str(exc).encode("utf-8", "replace")
    except Exception as exc:  # noqa: BLE001 - every failure is reported to the parent
        return b"ER" + f"{type(exc).__name__}: {exc}".encode("utf-8", "replace")


def _decode(payload: bytes) -> Answer:
    tag, rest = payload[:2], payload[2:]
    if tag == b"OK":
        kind = rest[:10].decode().strip()
        media = rest[10:90].decode().strip()
        rows = struct.unpack(">Q", rest[90:98])[0]
        return Answer(kind, rest[98:], media, rows)
    if tag == b"SE":
        raise SyntaxError(rest.decode("utf-8", "replace"))
    raise QueryFailed(rest.decode("utf-8", "replace") or "the query process ended without an answer")


def execute(replica: Replica, query: str, options: dict, formats: dict, *, timeout: float, max_rows: int) -> Answer:
    """Run ``query`` on the in-memory copy in a worker process; stop it after ``timeout`` seconds.

    Answers are served from the replica's cache while no write happened since they were made.
    """
    spec = _format_spec(formats)
    key = (query, repr(sorted((k, repr(v)) for k, v in options.items())), repr(sorted(spec.items())), max_rows)
    generation = replica.generation
    cached = replica.cache.get(generation, key) if replica.cache.max_bytes else None
    if cached is not None:
        return cached
    request = pickle.dumps((query, options, spec, max_rows), protocol=pickle.HIGHEST_PROTOCOL)
    try:
        payload, answered_at = replica.pool.call(request, timeout)
    except WorkerTimeout:
        raise QueryTimeout(f"the query ran longer than {timeout:g} s and was stopped") from None
    except WorkerLost as exc:
        raise QueryFailed(str(exc)) from None
    answer = _decode(payload)
    if replica.cache.max_bytes:
        replica.cache.put(answered_at, key, answer)
    return answer
