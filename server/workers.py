"""A pool of pre-forked worker processes that answer queries over the in-memory copy of the store.

Forking a child per query costs a fork of the whole server (tens of milliseconds once the store is
large) on every request. Instead, a few workers are forked once, each sharing the parent's memory
copy-on-write, and each answers one request at a time over a pair of pipes. A worker that runs past
the time limit is killed (the only way to stop an Oxigraph query) and replaced on demand. A query
that keeps its worker busy past a small CPU allowance gives way to the others (lowest priority,
outside the pool's slots), so that a few runaway queries cannot hold every worker or every core. A worker
sees the store as it was when it was forked, so it is labelled with the write *generation* it saw;
after a write, a worker of an older generation is replaced by a fresh fork before it is used.
Workers are forked while the caller holds the store's write lock, so no write is half applied in a
fork.

The pool moves opaque bytes: the caller gives ``handler(request) -> response``, which runs in the
worker.
"""

from __future__ import annotations

import gc
import os
import select
import signal
import struct
import threading
import time
from collections.abc import Callable
from contextlib import AbstractContextManager

_HEADER = struct.Struct(">Q")


class WorkerTimeout(Exception):
    """No answer within the time limit (the worker was stopped)."""


class WorkerLost(Exception):
    """The worker ended without answering (it crashed or was killed)."""


class _Worker:
    """One forked worker: its process id, its two pipe ends and the generation it saw."""

    def __init__(self, pid: int, to_child: int, from_child: int, generation: int) -> None:
        self.pid, self.to_child, self.from_child, self.generation = pid, to_child, from_child, generation

    def alive(self) -> bool:
        try:
            return os.waitpid(self.pid, os.WNOHANG) == (0, 0)
        except ChildProcessError:
            return False

    def stop(self) -> None:
        for fd in (self.to_child, self.from_child):
            try:
                os.close(fd)
            except OSError:
                pass
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass


#: CPU seconds a query may use at full priority; past them its worker gives way to the others
#: (nice :data:`GIVE_WAY_NICE`, out of the pool's slots).
DEMOTE_AFTER = 0.15
#: The CPU priority of a query that gave way: below the short queries', above the runaways'.
GIVE_WAY_NICE = 10
#: CPU seconds after which a query that gave way counts as a runaway: it then runs only on CPU
#: nothing else wants (nice 19, idle class), so that a heavy but honest query is not starved by
#: the runaways around it, nor they by each other's newcomers.
RUNAWAY_AFTER = 2.0
#: Queries that gave way run outside the pool's slots, at most this many at once (more keep their slot).
LONG_QUERIES = 16
#: Seconds between two looks at the CPU time of the running queries.
WATCH_EVERY = 0.05
_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def cpu_seconds(pid: int) -> float | None:
    """CPU time a process has used (user + system), or None where it cannot be read."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            fields = fh.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _TICKS
    except (OSError, IndexError, ValueError):
        return None


def lower_priority(pid: int, nice: int) -> None:
    """Set a process's nice value (nothing happens if it is gone or that is not permitted)."""
    try:
        os.setpriority(os.PRIO_PROCESS, pid, nice)
    except OSError:
        pass


def give_way(pid: int) -> None:
    """Move a process to the lowest CPU priority (nice 19, and the idle scheduling class where
    there is one), so that it runs only when nothing else wants the CPU."""
    lower_priority(pid, 19)
    try:
        os.sched_setscheduler(pid, os.SCHED_IDLE, os.sched_param(0))
    except (AttributeError, OSError):
        pass


class _Call:
    """A request being answered by a worker: its CPU time at the start, and whether it gave way
    (``demoted``) and left the pool's slots for the long queries' (``long``)."""

    def __init__(self, worker: _Worker) -> None:
        self.worker = worker
        self.started = time.monotonic()
        self.cpu0 = cpu_seconds(worker.pid)
        self.demoted = self.long = self.runaway = False

    def used(self) -> float:
        """CPU seconds used so far (wall-clock seconds where CPU time cannot be read)."""
        if self.cpu0 is not None:
            now = cpu_seconds(self.worker.pid)
            if now is not None:
                return now - self.cpu0
        return time.monotonic() - self.started


class Pool:
    """Up to ``size`` workers answering at once, forked from this process on demand.

    A query that has used ``demote_after`` CPU seconds gives way: its worker goes to a lower CPU
    priority (:data:`GIVE_WAY_NICE`; the lowest, nice 19 and the idle class, once it has used
    ``runaway_after``) and leaves the ``size`` slots (up to ``long_queries`` such workers at once),
    so that short queries keep ``size`` workers at full priority however many runaways are in
    flight, and a heavy query is not starved by runaways; a worker that gave way is replaced once its query is over. ``fork_lock`` is held while
    forking (the store's write lock); ``generation()`` is the store's current write generation.
    """

    def __init__(self, handler: Callable[[bytes], bytes], size: int, *, fork_lock: AbstractContextManager,
                 generation: Callable[[], int], demote_after: float = DEMOTE_AFTER,
                 runaway_after: float = RUNAWAY_AFTER, long_queries: int = LONG_QUERIES) -> None:
        if size < 1:
            raise ValueError(f"a pool needs at least one worker, not {size}")
        self.handler, self.size, self.demote_after = handler, size, demote_after
        self.runaway_after = max(runaway_after, demote_after)
        self.long_queries = long_queries
        self.fork_lock, self.generation = fork_lock, generation
        self._idle: list[_Worker] = []
        self._all: set[_Worker] = set()
        self._busy = 0  # slots taken
        self._long = 0  # workers that gave way and left their slot
        self._running: dict[int, _Call] = {}
        self._cond = threading.Condition()
        self._closed = threading.Event()
        self._watcher: threading.Thread | None = None
        self.forks = 0
        self.demotions = 0

    # -- the parent's side ---------------------------------------------------------------------
    def call(self, request: bytes, timeout: float) -> tuple[bytes, int]:
        """Send ``request`` to a worker; return its response and the generation it answered at.

        Raises :class:`WorkerTimeout` after ``timeout`` seconds (waiting for a free worker
        included) and :class:`WorkerLost` when the worker ends without an answer.
        """
        deadline = time.monotonic() + timeout
        worker = self._acquire(deadline)
        call = _Call(worker)
        with self._cond:
            self._running[worker.pid] = call
        self._watch()
        try:
            _write_message(worker.to_child, request)
            response = _read_message(worker.from_child, deadline)
        except BaseException:
            self._end(call, failed=True)
            raise
        self._end(call, failed=False)
        return response, worker.generation

    def close(self) -> None:
        """Stop every worker."""
        self._closed.set()
        with self._cond:
            workers, self._all, self._idle = list(self._all), set(), []
        for w in workers:
            w.stop()

    def pids(self) -> list[int]:
        with self._cond:
            return [w.pid for w in self._all]

    def long_running(self) -> int:
        """Queries that gave way and run outside the slots now."""
        with self._cond:
            return self._long

    def _acquire(self, deadline: float) -> _Worker:
        with self._cond:
            while self._busy >= self.size:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise WorkerTimeout("every query worker stayed busy until the time limit")
                self._cond.wait(left)
            self._busy += 1
            worker = self._idle.pop() if self._idle else None
        try:
            if worker is not None and (worker.generation != self.generation() or not worker.alive()):
                self._forget(worker)
                worker.stop()
                worker = None
            return worker or self._fork()
        except BaseException:
            with self._cond:
                self._busy -= 1
                self._cond.notify()
            raise

    def _end(self, call: _Call, *, failed: bool) -> None:
        """The call is over: free its slot (or its place among the long queries); keep the
        worker for the next request, or stop it when the call failed or the worker gave way (it
        cannot regain its priority: a fresh worker takes its place)."""
        worker = call.worker
        with self._cond:
            self._running.pop(worker.pid, None)
            keep = not failed and not call.demoted
            if call.long:
                self._long -= 1
            else:
                self._busy -= 1
            if keep and worker in self._all:
                self._idle.append(worker)
            else:
                self._all.discard(worker)
            self._cond.notify()
        if not keep:
            worker.stop()

    def _forget(self, worker: _Worker) -> None:
        with self._cond:
            self._all.discard(worker)

    # -- giving way ------------------------------------------------------------------------------
    def _watch(self) -> None:
        if self._watcher is None or not self._watcher.is_alive():
            with self._cond:
                if self._watcher is None or not self._watcher.is_alive():
                    self._watcher = threading.Thread(target=self._watch_loop, name="kutniti-query-watch",
                                                     daemon=True)
                    self._watcher.start()

    def _watch_loop(self) -> None:
        """Every :data:`WATCH_EVERY` seconds, demote the queries past their CPU allowance: past
        ``demote_after`` a query gives way to the short ones, past ``runaway_after`` to all."""
        while not self._closed.wait(WATCH_EVERY):
            with self._cond:
                calls = [c for c in self._running.values() if not c.runaway]
            freed = False
            for c in calls:
                used = c.used()
                if used < self.demote_after:
                    continue
                with self._cond:
                    if self._running.get(c.worker.pid) is not c:
                        continue  # over meanwhile
                    if used >= self.runaway_after:
                        give_way(c.worker.pid)
                        c.runaway = True
                    elif not c.demoted:
                        lower_priority(c.worker.pid, GIVE_WAY_NICE)
                    if c.demoted:
                        continue
                    c.demoted = True
                    self.demotions += 1
                    if self._long < self.long_queries:
                        c.long, freed = True, True
                        self._long += 1
                        self._busy -= 1
                        self._cond.notify()
            if freed:
                self._spare()

    def _spare(self) -> None:
        """Fork a worker ahead of need when a slot is free and no worker is idle, so that the
        next short query does not wait for a fork."""
        with self._cond:
            if self._idle or self._busy >= self.size or self._closed.is_set():
                return
        worker = self._fork()
        with self._cond:
            if self._closed.is_set():
                self._all.discard(worker)
            else:
                self._idle.append(worker)
                self._cond.notify()
                return
        worker.stop()

    def _fork(self) -> _Worker:
        with self.fork_lock:
            generation = self.generation()
            req_r, req_w = os.pipe()
            resp_r, resp_w = os.pipe()
            pid = os.fork()
            if pid == 0:  # the worker
                status = 0
                try:
                    _become_worker(self.handler, req_r, resp_w)
                except BaseException:  # noqa: BLE001 - a worker never returns into the server's code
                    status = 1
                finally:
                    os._exit(status)
            os.close(req_r)
            os.close(resp_w)
        worker = _Worker(pid, req_w, resp_r, generation)
        with self._cond:
            self._all.add(worker)
            self.forks += 1
        return worker


# -- the worker's side -------------------------------------------------------------------------
def _become_worker(handler: Callable[[bytes], bytes], read_fd: int, write_fd: int) -> None:
    """Answer requests from ``read_fd`` on ``write_fd`` until the parent closes the pipe."""
    # Close every inherited descriptor but the standard streams and this worker's pipes: the
    # server's sockets and the other workers' pipes must close when the parent closes them.
    low, high = sorted((read_fd, write_fd))
    os.closerange(3, low)
    os.closerange(low + 1, high)
    os.closerange(high + 1, _max_fd())
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the server, which closes the pipes
    gc.freeze()  # leave the inherited objects' pages shared: the collector skips them
    while True:
        try:
            request = _read_message(read_fd, None)
        except WorkerLost:
            return
        _write_message(write_fd, handler(request))


def _max_fd() -> int:
    try:
        return min(os.sysconf("SC_OPEN_MAX"), 1 << 20)
    except (ValueError, OSError):
        return 4096


def _write_message(fd: int, data: bytes) -> None:
    view = memoryview(_HEADER.pack(len(data)) + data)
    while view:
        try:
            n = os.write(fd, view)
        except BrokenPipeError:
            raise WorkerLost("the query worker ended") from None
        view = view[n:]


def _read_exactly(fd: int, n: int, deadline: float | None) -> bytes:
    chunks, got = [], 0
    while got < n:
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0:
                raise WorkerTimeout("no answer within the time limit")
            ready, _, _ = select.select([fd], [], [], left)
            if not ready:
                continue
        data = os.read(fd, min(n - got, 1 << 20))
        if not data:
            raise WorkerLost("the query worker ended without an answer")
        chunks.append(data)
        got += len(data)
    return b"".join(chunks)


def _read_message(fd: int, deadline: float | None) -> bytes:
    (length,) = _HEADER.unpack(_read_exactly(fd, _HEADER.size, deadline))
    return _read_exactly(fd, length, deadline)
