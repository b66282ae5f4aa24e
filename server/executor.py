"""Query execution that can be cut off: each query runs in a forked child process.

Oxigraph has no query timeout, and a thread cannot be stopped, so the server answers queries from
an in-memory copy of the store (:class:`Replica`) and runs each one in a child process made with
``fork``: the child shares the parent's memory copy-on-write (no copying, no reloading), runs the
query with Oxigraph, serialises the result with Oxigraph into a pipe and exits. The parent waits
up to the time limit and kills the child when it is exceeded. A query that has used
:data:`DEMOTE_AFTER` seconds of CPU (or run twice as long) is given the lowest CPU priority, so
that runaway queries cannot slow down the short ones while they wait for their cut-off. The
answer is length-prefixed: the parent stops reading when it is complete, because the pipe's end
may stay open in a child forked by another thread meanwhile. Writes go to the durable
on-disk store first and then to the in-memory copy, under one lock.
"""

from __future__ import annotations

import os
import re
import select
import signal
import struct
import threading
import time
from dataclasses import dataclass

import pyoxigraph as ox

from kutniti.graph.store import Store

#: CPU seconds after which a query's process yields the CPU to the others (nice 19).
DEMOTE_AFTER = 0.5


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

    def __init__(self, store: Store, *, in_memory: bool = True) -> None:
        self.durable = store
        self.lock = threading.RLock()
        if in_memory and store.path is not None:
            self.memory = ox.Store()
            self.memory.bulk_extend(store.oxigraph)
            for g in store.oxigraph.named_graphs():  # empty graphs exist too
                self.memory.add_graph(g)
        else:
            self.memory = store.oxigraph
        self.generation = 0


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


def _proc_stat(pid: int) -> tuple[str, float] | None:
    """A child's state letter and the CPU seconds it has used (from /proc on Linux), or None."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            fields = fh.read().rsplit(b")", 1)[1].split()
        return fields[0].decode(), (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def _demote(pid: int) -> None:
    """Give a long-running query's process the lowest CPU priority."""
    try:
        os.setpriority(os.PRIO_PROCESS, pid, 19)
    except OSError:  # already gone, or not permitted: nothing to do
        pass


class _Stalled(Exception):
    """The child sleeps without using CPU: it inherited a lock another thread held at the fork."""


def _attempt(replica: Replica, query: str, options: dict, formats: dict, max_rows: int, deadline: float,
             timeout: float) -> bytes:
    """Fork a child to answer ``query`` and read its payload, until ``deadline``."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: answer and leave
        os.close(read_fd)
        try:
            try:
                ans = _run(replica.memory, query, options, formats, max_rows)
                payload = b"OK" + ans.kind.encode().ljust(10) + ans.media_type.encode().ljust(80) + \
                    struct.pack(">Q", ans.rows) + ans.body
            except SyntaxError as exc:
                payload = b"SE" + str(exc).encode("utf-8", "replace")
            except Exception as exc:  # noqa: BLE001 - every failure is reported to the parent
                payload = b"ER" + f"{type(exc).__name__}: {exc}".encode("utf-8", "replace")
            view = memoryview(struct.pack(">Q", len(payload)) + payload)
            while view:
                n = os.write(write_fd, view)
                view = view[n:]
        finally:
            os._exit(0)
    os.close(write_fd)
    started = time.monotonic()
    chunks: list[bytes] = []
    got, size = 0, None
    demoted = False
    asleep = 0
    last_cpu = -1.0
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise QueryTimeout(f"the query ran longer than {timeout:g} s and was stopped")
            ready, _, _ = select.select([read_fd], [], [], min(left, 0.5))
            if ready:
                data = os.read(read_fd, 1 << 20)
                if not data:
                    break
                chunks.append(data)
                got += len(data)
                if size is None and got >= 8:
                    size = struct.unpack(">Q", b"".join(chunks)[:8])[0]
                if size is not None and got >= 8 + size:
                    break  # complete: do not wait for the end of the pipe, another child may hold it open
                continue
            stat = _proc_stat(pid)
            if stat is None:
                continue
            state, cpu = stat
            if state == "Z":  # it has ended; its pipe may be held open by another child: read what is there
                while select.select([read_fd], [], [], 0)[0] and (data := os.read(read_fd, 1 << 20)):
                    chunks.append(data)
                break
            if not demoted and (cpu >= DEMOTE_AFTER or time.monotonic() - started >= 2 * DEMOTE_AFTER):
                _demote(pid)
                demoted = True
            asleep = asleep + 1 if state == "S" and cpu == last_cpu and not chunks else 0
            last_cpu = cpu
            if asleep >= 2:
                raise _Stalled()
    finally:
        os.close(read_fd)
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(pid, 0)
    payload = b"".join(chunks)
    size = struct.unpack(">Q", payload[:8])[0] if len(payload) >= 8 else None
    return payload[8:8 + size] if size is not None and len(payload) >= 8 + size else b""


def execute(replica: Replica, query: str, options: dict, formats: dict, *, timeout: float, max_rows: int) -> Answer:
    """Run ``query`` on the in-memory copy in a forked child; stop it after ``timeout`` seconds.

    A child never waits for anything but the CPU, so one that sleeps for a second without using any
    is stuck on a lock that was held when it was forked (by another thread of this process); it is
    killed and the query forked again, within the same time limit."""
    deadline = time.monotonic() + timeout
    for _ in range(3):
        try:
            payload = _attempt(replica, query, options, formats, max_rows, deadline, timeout)
            break
        except _Stalled:
            continue
    else:
        raise QueryFailed("the query process stalled three times; try again")
    tag, rest = payload[:2], payload[2:]
    if tag == b"OK":
        kind = rest[:10].decode().strip()
        media = rest[10:90].decode().strip()
        rows = struct.unpack(">Q", rest[90:98])[0]
        return Answer(kind, rest[98:], media, rows)
    if tag == b"SE":
        raise SyntaxError(rest.decode("utf-8", "replace"))
    raise QueryFailed(rest.decode("utf-8", "replace") or "the query process ended without an answer")
