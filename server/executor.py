"""Query execution that can be cut off: queries and page lookups run in forked worker processes.

Oxigraph has no query timeout, and a thread cannot be stopped, so the server answers queries from
an in-memory copy of the store (:class:`Replica`) in worker processes made with ``fork``
(:mod:`kutniti.server.workers`): they share the parent's memory copy-on-write (no copying, no
reloading), run the query with Oxigraph and serialise the result with Oxigraph. The parent waits up
to the time limit and kills a worker that exceeds it. The pages' lookups (:mod:`kutniti.server.lookups`)
run the same way (:func:`lookup`). Writes go to the durable on-disk store first
and then to the in-memory copy, under one lock; each write moves the replica to a new
*generation*, which retires the workers forked before it and empties the cache of answers
(:class:`AnswerCache`), so a query never sees an older state than the last completed write.

The in-memory copy is made in the background when the server starts (a dump of the on-disk store
bulk-loaded into memory, both done by Oxigraph without holding Python's lock): until it is ready the
workers answer from the on-disk store, each through a read-only handle of its own, and writes wait
(:meth:`Replica.writing`), so the copy always holds every write. When the copy is ready the replica
moves to a new generation: the workers forked before are retired and the next requests go to
workers over the copy; no request is dropped.
"""

from __future__ import annotations

import logging
import os
import pickle
import re
import struct
import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pyoxigraph as ox

from kutniti.graph.gate import WRITE_LOCK
from kutniti.graph.store import Store
from kutniti.server.workers import Pool, WorkerLost, WorkerTimeout

log = logging.getLogger(__name__)

#: Worker processes by default: one per core, at least two (so one long query does not stall all).
DEFAULT_WORKERS = max(2, os.cpu_count() or 1)
#: Bytes of answers kept between writes by default.
DEFAULT_CACHE_BYTES = 64 * 2**20
#: Seconds a write waits for the in-memory copy to be ready before it is answered 503.
WRITE_WAIT = 120.0


class QueryTimeout(Exception):
    """The query ran longer than the time limit and was stopped."""


class QueryFailed(Exception):
    """The query could not be evaluated (syntax or evaluation error); the message says why."""


class NotWritable(Exception):
    """Writes cannot be taken now (the in-memory copy is not ready, or could not be made)."""


@dataclass
class Answer:
    """A serialised query result."""

    kind: str  # "solutions" | "boolean" | "graph"
    body: bytes
    media_type: str
    rows: int = 0


class Replica:
    """The store as the server sees it: the on-disk store plus an in-memory copy for queries.

    The copy of an on-disk store is made by a thread started at once (``copy="background"``), in
    the constructor (``"now"``), or when :meth:`start_copy` is called (``"later"``); :attr:`ready`
    is set when it is done, and until then :attr:`memory` is the on-disk store itself.
    """

    def __init__(self, store: Store, *, in_memory: bool = True, workers: int = DEFAULT_WORKERS,
                 cache_bytes: int = DEFAULT_CACHE_BYTES, copy: str = "background") -> None:
        self.durable = store
        self.lock = threading.RLock()
        self.memory = store.oxigraph  # until the copy is ready
        self.ready = threading.Event()
        self.copy_error: str | None = None
        self.copy_seconds: float | None = None
        self.generation = 0
        self.workers = workers
        self.cache = AnswerCache(cache_bytes)
        self.in_flight = InFlight()
        self._pool: Pool | None = None
        self._graphs: tuple[int, frozenset[str]] | None = None
        self._quads: tuple[int, int] | None = None
        self._disk = store.data_dir if in_memory and store.path is not None else None
        if self._disk is None:
            self.ready.set()
        elif copy == "now":
            self._copy()
        elif copy == "background":
            self.start_copy()

    def start_copy(self) -> None:
        """Make the in-memory copy in a background thread."""
        threading.Thread(target=self._copy, name="kutniti-memory-copy", daemon=True).start()

    def _copy(self) -> None:
        """Copy the on-disk store into memory, then move the queries over to the copy."""
        started = time.perf_counter()
        try:
            dump = self.durable.oxigraph.dump(format=ox.RdfFormat.N_QUADS)
            copy = ox.Store()
            copy.bulk_load(input=dump, format=ox.RdfFormat.N_QUADS)
            del dump
            _keep_blank_nodes(self.durable.oxigraph, copy)
            with self.lock:
                self.memory = copy
                self.generation += 1  # retires the workers reading the disk
            self.copy_seconds = time.perf_counter() - started
        except Exception as exc:  # noqa: BLE001 - queries go on from the disk; writes are refused
            self.copy_error = f"{type(exc).__name__}: {exc}"
            log.error("the in-memory copy of the store could not be made: %s", self.copy_error)
        finally:
            self.ready.set()

    @property
    def state(self) -> str:
        """``memory`` (queries answered from the in-memory copy), ``copying`` (from the disk while
        the copy is made), ``disk`` (the copy failed) or ``store`` (no copy: in memory or remote)."""
        if self._disk is None:
            return "store"
        if not self.ready.is_set():
            return "copying"
        return "disk" if self.copy_error else "memory"

    @contextmanager
    def writing(self, wait: float = WRITE_WAIT) -> Iterator["Replica"]:
        """Hold the write locks for one write, once the in-memory copy is ready (writes made while
        it is being copied would be missing from it)."""
        if not self.ready.wait(wait):
            raise NotWritable("the server is still copying the store into memory; writes wait for it, "
                              "try again in a few seconds")
        if self.copy_error:
            raise NotWritable(f"writes are off: the in-memory copy of the store could not be made "
                              f"({self.copy_error}); restart the server")
        with WRITE_LOCK, self.lock:
            yield self

    def stores(self) -> list[ox.Store]:
        """The stores a write goes to: the durable one first, then the in-memory copy."""
        out = [self.durable.oxigraph]
        if self.memory is not self.durable.oxigraph:
            out.append(self.memory)
        return out

    def source(self, *, fresh: bool = False) -> ox.Store:
        """In a worker: the store to answer from — the in-memory copy, or while it is being made
        a read-only handle of the on-disk store of the worker's own (a forked process must not
        use the server's handle). ``fresh`` opens that handle again."""
        if not self.reads_disk():
            return self.memory
        global _OWN_DISK
        if fresh or _OWN_DISK is None or _OWN_DISK[0] != os.getpid():
            _OWN_DISK = None
            for attempt in range(20):  # the server's store may be compacting: its files change under us
                try:
                    _OWN_DISK = (os.getpid(), ox.Store.read_only(str(self._disk)))
                    break
                except (OSError, RuntimeError):
                    if attempt == 19:
                        raise
                    time.sleep(0.05)
        return _OWN_DISK[1]

    def reads_disk(self) -> bool:
        """Whether queries are answered from the on-disk store (the copy is not ready)."""
        return self._disk is not None and self.memory is self.durable.oxigraph

    def answer(self, request: bytes) -> bytes:
        """In a worker: answer a request; one that fails on the on-disk store (whose files a
        compaction may have replaced meanwhile) is answered again through a fresh handle."""
        try:
            response = _answer_request(self.source(), request)
        except (OSError, RuntimeError) as exc:
            response = b"ER" + f"{type(exc).__name__}: {exc}".encode("utf-8", "replace")
        if response[:2] == b"ER" and self.reads_disk():
            response = _answer_request(self.source(fresh=True), request)
        return response

    @property
    def pool(self) -> Pool:
        """The query workers, forked on first use; stopped when the replica is dropped."""
        if self._pool is None:
            with self.lock:
                if self._pool is None:
                    me = weakref.ref(self)
                    pool = Pool(lambda request: me().answer(request), self.workers,
                                fork_lock=self.lock, generation=lambda: getattr(me(), "generation", -1))
                    weakref.finalize(self, pool.close)
                    self._pool = pool
        return self._pool

    def quads(self) -> int:
        """How many quads the store holds (counted once per generation: counting walks them all)."""
        cached = self._quads
        generation = self.generation
        if cached is None or cached[0] != generation:
            cached = self._quads = (generation, len(self.memory))
        return cached[1]

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
        with self.writing():
            for target in self.stores():
                target.update(sparql, **kwargs)
            self.generation += 1

    def replace_quads(self, remove: list[ox.Quad], add: list[ox.Quad]) -> None:
        """Remove and add quads (a Graph Store write) durably, then in memory."""
        with self.writing():
            for target in self.stores():
                for q in remove:
                    target.remove(q)
                target.extend(add)
            self.generation += 1


#: The quads that hold a blank node, in any graph.
_BLANK_QUADS = ("SELECT ?s ?p ?o ?g WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } "
                "FILTER(isBlank(?s) || isBlank(?o) || isBlank(?g)) }")


def _blank_quads(store: ox.Store) -> list[ox.Quad]:
    return [ox.Quad(r["s"], r["p"], r["o"], r["g"] if r["g"] is not None else ox.DefaultGraph())
            for r in store.query(_BLANK_QUADS)]


def _keep_blank_nodes(source: ox.Store, copy: ox.Store) -> None:
    """Give the copy's blank nodes the names they have in ``source``: Oxigraph's loaders name
    the blank nodes they read afresh, but a write is worked out on the copy and applied to the
    on-disk store, so both must name them alike. (Blank nodes are few in kutniti's graphs.)"""
    original = _blank_quads(source)
    if not original:
        return
    for q in _blank_quads(copy):
        copy.remove(q)
    copy.extend(original)


#: In a worker forked while the copy was being made: (process id, its read-only on-disk handle).
_OWN_DISK: tuple[int, ox.Store] | None = None


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


class InFlight:
    """Identical requests made while one of them is being answered wait for that answer instead
    of each taking a worker (an answer too large for the cache, or asked for by many clients at
    once before it is cached, is then computed once). Requests are identical when their keys are
    equal; the key holds the replica's generation, so a request made after a write never gets an
    answer computed before it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._calls: dict[tuple, _Shared] = {}
        self.shared = 0

    def run(self, key: tuple, compute):
        """``compute()``'s value (or exception), computed once for every caller with ``key`` that
        arrives while it runs."""
        with self._lock:
            call = self._calls.get(key)
            leader = call is None
            if leader:
                call = self._calls[key] = _Shared()
            else:
                self.shared += 1
        if not leader:
            call.done.wait()  # the leader's computation has its own time limit
            if call.error is not None:
                raise call.error
            return call.value
        try:
            call.value = compute()
        except BaseException as exc:
            call.error = exc
            raise
        finally:
            with self._lock:
                del self._calls[key]
            call.done.set()
        return call.value


class _Shared:
    """One computation that several requests wait for."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.value = None
        self.error: BaseException | None = None


#: The largest answer the cache keeps is this fraction of it (a quarter: at the default 64 MB, a
#: 16 MB answer, such as every aid and arms transfer of a million-triple graph, still fits).
LARGEST_SHARE = 4


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
        if size > self.max_bytes // LARGEST_SHARE:
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
    """In a worker: run one pickled request — a query, or a page lookup — and return the
    serialised answer (or the error)."""
    try:
        kind, body = pickle.loads(request)
        if kind == "lookup":
            from kutniti.server.lookups import LOOKUPS

            name, args = body
            return b"LK" + pickle.dumps(LOOKUPS[name](store, *args), protocol=pickle.HIGHEST_PROTOCOL)
        query, options, spec, max_rows = body
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

    def compute() -> Answer:
        request = pickle.dumps(("query", (query, options, spec, max_rows)), protocol=pickle.HIGHEST_PROTOCOL)
        payload, answered_at = _call(replica, request, timeout, "the query")
        answer = _decode(payload)
        if replica.cache.max_bytes:
            replica.cache.put(answered_at, key, answer)
        return answer

    return replica.in_flight.run((generation, *key), compute)


def _call(replica: Replica, request: bytes, timeout: float, what: str) -> tuple[bytes, int]:
    try:
        return replica.pool.call(request, timeout)
    except WorkerTimeout:
        raise QueryTimeout(f"{what} ran longer than {timeout:g} s and was stopped") from None
    except WorkerLost as exc:
        raise QueryFailed(str(exc)) from None


def lookup(replica: Replica, name: str, *args, timeout: float):
    """Run the page lookup ``name`` (see :mod:`kutniti.server.lookups`) with ``args`` (plain
    values) in a worker, stopped after ``timeout`` seconds (:class:`QueryTimeout`); its result is
    kept in the answer cache until the next write, like a query's answer."""
    key = ("lookup:" + name, repr(args), "", 0)
    generation = replica.generation
    cached = replica.cache.get(generation, key) if replica.cache.max_bytes else None
    if cached is None:
        def compute() -> Answer:
            request = pickle.dumps(("lookup", (name, args)), protocol=pickle.HIGHEST_PROTOCOL)
            payload, answered_at = _call(replica, request, timeout, f"looking up {name}")
            if payload[:2] != b"LK":
                _decode(payload)  # raises the worker's error
            answer = Answer("lookup", payload[2:], "application/x-python-pickle")
            if replica.cache.max_bytes:
                replica.cache.put(answered_at, key, answer)
            return answer

        cached = replica.in_flight.run((generation, *key), compute)
    return pickle.loads(cached.body)
