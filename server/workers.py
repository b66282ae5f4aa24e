"""A pool of pre-forked worker processes that answer queries over the in-memory copy of the store.

Forking a child per query costs a fork of the whole server (tens of milliseconds once the store is
large) on every request. Instead, a few workers are forked once, each sharing the parent's memory
copy-on-write, and each answers one request at a time over a pair of pipes. A worker that runs past
the time limit is killed (the only way to stop an Oxigraph query) and replaced on demand. A worker
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


#: Seconds after which a query still running gives way to the others (its worker goes to nice 19).
DEMOTE_AFTER = 1.0


class _Demotion:
    """Moves a worker to the lowest CPU priority if its query is still running after ``after``
    seconds, so that runaway queries yield the CPU to short ones until their time limit."""

    def __init__(self, pid: int, after: float) -> None:
        self.pid, self.demoted, self.done = pid, False, False
        self._lock = threading.Lock()
        self._timer = threading.Timer(after, self._demote)
        self._timer.daemon = True
        self._timer.start()

    def _demote(self) -> None:
        with self._lock:
            if self.done:
                return
            try:
                os.setpriority(os.PRIO_PROCESS, self.pid, 19)
                self.demoted = True
            except OSError:  # already gone, or not permitted: nothing to do
                pass

    def finish(self) -> bool:
        """The query is over: whether its worker was demoted."""
        self._timer.cancel()
        with self._lock:
            self.done = True
            return self.demoted


class Pool:
    """Up to ``size`` workers forked from this process on demand.

    ``fork_lock`` is held while forking (the store's write lock); ``generation()`` is the store's
    current write generation.
    """

    def __init__(self, handler: Callable[[bytes], bytes], size: int, *, fork_lock: AbstractContextManager,
                 generation: Callable[[], int], demote_after: float = DEMOTE_AFTER) -> None:
        if size < 1:
            raise ValueError(f"a pool needs at least one worker, not {size}")
        self.handler, self.size, self.demote_after = handler, size, demote_after
        self.fork_lock, self.generation = fork_lock, generation
        self._idle: list[_Worker] = []
        self._all: set[_Worker] = set()
        self._busy = 0
        self._cond = threading.Condition()
        self.forks = 0

    # -- the parent's side ---------------------------------------------------------------------
    def call(self, request: bytes, timeout: float) -> tuple[bytes, int]:
        """Send ``request`` to a worker; return its response and the generation it answered at.

        Raises :class:`WorkerTimeout` after ``timeout`` seconds (waiting for a free worker
        included) and :class:`WorkerLost` when the worker ends without an answer.
        """
        deadline = time.monotonic() + timeout
        worker = self._acquire(deadline)
        demotion = _Demotion(worker.pid, self.demote_after)
        try:
            _write_message(worker.to_child, request)
            response = _read_message(worker.from_child, deadline)
        except BaseException:
            demotion.finish()
            self._discard(worker)
            raise
        if demotion.finish():
            self._discard(worker)  # it cannot regain its priority: a fresh worker takes its place
        else:
            self._release(worker)
        return response, worker.generation

    def close(self) -> None:
        """Stop every worker."""
        with self._cond:
            workers, self._all, self._idle = list(self._all), set(), []
        for w in workers:
            w.stop()

    def pids(self) -> list[int]:
        with self._cond:
            return [w.pid for w in self._all]

    def _acquire(self, deadline: float) -> _Worker:
        with self._cond:
            while not self._idle and self._busy >= self.size:
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

    def _release(self, worker: _Worker) -> None:
        with self._cond:
            self._busy -= 1
            if worker in self._all:
                self._idle.append(worker)
            self._cond.notify()

    def _discard(self, worker: _Worker) -> None:
        self._forget(worker)
        worker.stop()
        with self._cond:
            self._busy -= 1
            self._cond.notify()

    def _forget(self, worker: _Worker) -> None:
        with self._cond:
            self._all.discard(worker)

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
