"""Start and stop the SPARQL endpoints the benchmark compares, all on the same data.

Three peers, each a child process listening on 127.0.0.1 only:

- ``kutniti``: ``python -m kutniti load`` then ``python -m kutniti serve``;
- ``kutniti-nocache``: the same with the answer cache off (``--cache-mb 0``), so every request is
  evaluated;
- ``kutniti-remote``: ``kutniti serve --store-url`` in front of an Oxigraph server (read-only, on
  its on-disk store): kutniti on a remote store through the SPARQL protocol;
- ``oxigraph``: Oxigraph's own server (``oxigraph load`` then ``oxigraph serve-read-only``),
  the native engine with no Python in the way, on its on-disk store;
- ``rdflib-endpoint``: rdflib-endpoint over an in-memory rdflib Dataset (``bench.rdflib_peer``).

Each peer's bulk-load time, serve-ready time and resident memory are measured. ``stop`` ends only
the process (and its children) that this module started.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import psutil

#: The peers, in the order they are started and listed.
NAMES = ("kutniti", "kutniti-nocache", "kutniti-remote", "oxigraph", "rdflib-endpoint")
ASK = "ASK { ?s ?p ?o }"


#: Ports the peers may listen on, as ``(first, last)``; None lets the system choose.
PORTS: tuple[int, int] | None = None


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now (within :data:`PORTS` when set)."""
    candidates = range(PORTS[0], PORTS[1] + 1) if PORTS else [0]
    for port in candidates:
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return s.getsockname()[1]
    raise RuntimeError(f"no free port in {PORTS[0]}-{PORTS[1]}")


def _bin(name: str) -> str:
    """An executable installed next to this Python (the virtualenv), or on PATH."""
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else (shutil.which(name) or name)


@dataclass
class Peer:
    """One running endpoint: its process, query URL and the figures measured starting it."""

    name: str
    url: str
    process: subprocess.Popen
    load_seconds: float | None = None
    ready_seconds: float | None = None
    log: Path | None = None
    extra: dict = field(default_factory=dict)
    companions: list[subprocess.Popen] = field(default_factory=list)

    def rss_bytes(self) -> int:
        """Memory of the server process and its children, in bytes: the sum of their proportional
        set sizes (PSS), so that pages a forked child shares with its parent count once (resident
        set sizes where PSS cannot be read)."""
        try:
            procs = []
            for process in [self.process, *self.companions]:
                proc = psutil.Process(process.pid)
                procs += [proc] + proc.children(recursive=True)
            total = 0
            for p in procs:
                try:
                    info = p.memory_full_info()
                    total += getattr(info, "pss", info.rss)
                except psutil.AccessDenied:
                    total += p.memory_info().rss
                except psutil.NoSuchProcess:
                    pass
            return total
        except psutil.NoSuchProcess:
            return 0

    def stop(self, grace: float = 5.0) -> None:
        """Stop the processes this peer started (and their children), waiting at most ``grace`` s each."""
        for process in [self.process, *self.companions]:
            _stop(process, grace)


def _stop(process: subprocess.Popen, grace: float) -> None:
    if process.poll() is not None:
        return
    try:
        children = psutil.Process(process.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        children = []
    process.terminate()
    try:
        process.wait(grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(grace)
    for child in children:
        try:
            child.kill()
        except psutil.NoSuchProcess:
            pass


def wait_ready(url: str, process: subprocess.Popen, timeout: float) -> float:
    """Poll ``url`` with an ASK query until it answers 200; return the seconds it took."""
    started = time.perf_counter()
    target = url + "?" + urllib.parse.urlencode({"query": ASK})
    while time.perf_counter() - started < timeout:
        if process.poll() is not None:
            raise RuntimeError(f"{url}: the server exited with code {process.returncode} before it was ready")
        try:
            req = urllib.request.Request(target, headers={"Accept": "application/sparql-results+json"})
            with urllib.request.urlopen(req, timeout=2) as resp:
                if resp.status == 200:
                    return time.perf_counter() - started
        except OSError:
            pass
        time.sleep(0.05)
    raise TimeoutError(f"{url}: not ready after {timeout:.0f} s")


def _run_timed(cmd: list[str], log: Path, timeout: float) -> float:
    started = time.perf_counter()
    with log.open("ab") as fh:
        done = subprocess.run(cmd, stdout=fh, stderr=subprocess.STDOUT, timeout=timeout)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed with code {done.returncode}; see {log}")
    return time.perf_counter() - started


def _spawn(cmd: list[str], log: Path, env: dict | None = None) -> subprocess.Popen:
    fh = log.open("ab")
    return subprocess.Popen(cmd, stdout=fh, stderr=subprocess.STDOUT, env=env, start_new_session=True)


def start(name: str, data: list[Path], workdir: Path, *, ready_timeout: float = 600.0,
          load_timeout: float = 900.0) -> Peer:
    """Load ``data`` (N-Quads files) into a fresh store under ``workdir`` and serve it.

    ``ready_timeout`` bounds the wait for the first answer; a peer that is not ready by then is
    stopped and the error raised.
    """
    workdir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    log = workdir / f"{name}.log"
    store = workdir / f"{name}-store"
    if store.exists():
        shutil.rmtree(store)
    load_seconds = None
    companions: list[subprocess.Popen] = []
    if name in ("kutniti", "kutniti-nocache"):
        load_seconds = _run_timed([sys.executable, "-m", "kutniti", "load", *map(str, data), "--store", str(store)],
                                  log, load_timeout)
        started = time.perf_counter()
        extra = ["--cache-mb", "0"] if name == "kutniti-nocache" else []
        proc = _spawn([sys.executable, "-m", "kutniti", "serve", "--store", str(store), "--port", str(port), *extra],
                      log)
        url = f"http://127.0.0.1:{port}/sparql"
    elif name == "kutniti-remote":
        files = [arg for f in data for arg in ("--file", str(f))]
        load_seconds = _run_timed([_bin("oxigraph"), "load", "--location", str(store), *files], log, load_timeout)
        started = time.perf_counter()
        backend = f"http://127.0.0.1:{port}"
        companions.append(_spawn([_bin("oxigraph"), "serve-read-only", "--location", str(store),
                                  "--bind", f"127.0.0.1:{port}"], log))
        try:
            wait_ready(backend + "/query", companions[0], ready_timeout)
        except BaseException:
            _stop(companions[0], 5.0)
            raise
        port = free_port()
        proc = _spawn([sys.executable, "-m", "kutniti", "serve", "--store-url", backend, "--port", str(port)], log)
        url = f"http://127.0.0.1:{port}/sparql"
    elif name == "oxigraph":
        files = [arg for f in data for arg in ("--file", str(f))]
        load_seconds = _run_timed([_bin("oxigraph"), "load", "--location", str(store), *files], log, load_timeout)
        started = time.perf_counter()
        proc = _spawn([_bin("oxigraph"), "serve-read-only", "--location", str(store),
                       "--bind", f"127.0.0.1:{port}", "--union-default-graph"], log)
        url = f"http://127.0.0.1:{port}/query"
    elif name == "rdflib-endpoint":
        started = time.perf_counter()
        proc = _spawn([sys.executable, "-m", "bench.rdflib_peer", "--port", str(port), *map(str, data)], log,
                      env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)})
        url = f"http://127.0.0.1:{port}/sparql"
    else:
        raise ValueError(f"unknown peer {name!r}; known: {', '.join(NAMES)}")
    peer = Peer(name=name, url=url, process=proc, load_seconds=load_seconds, log=log, companions=companions)
    try:
        wait_ready(url, proc, ready_timeout)
    except BaseException:
        peer.stop()
        raise
    peer.ready_seconds = time.perf_counter() - started
    if name in ("kutniti", "kutniti-nocache"):
        peer.extra["memory_copy_seconds"] = wait_memory_copy(url.rsplit("/", 1)[0], started, ready_timeout)
    return peer


def wait_memory_copy(base: str, started: float, timeout: float) -> float | None:
    """``kutniti serve`` answers from its on-disk store while it copies it into memory: the
    seconds from ``started`` until its health check says the copy is in use (None if it never does)."""
    import json

    while time.perf_counter() - started < timeout:
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=5) as resp:
                if json.loads(resp.read()).get("replica") in ("memory", "store"):
                    return time.perf_counter() - started
        except OSError:
            pass
        time.sleep(0.5)
    return None
