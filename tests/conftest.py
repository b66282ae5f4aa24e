"""Shared fixtures: a corpus store built once, and live servers on free loopback ports."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def corpus_store_dir(tmp_path_factory) -> Path:
    """A store folder with the corpus built into it (copy it before writing)."""
    from kutniti.graph.build import build

    root = tmp_path_factory.mktemp("corpus") / "store"
    build([ROOT / "corpus"], root, workers=1)
    return root


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """kutniti's app under waitress in a background thread, on 127.0.0.1."""

    def __init__(self, store_dir: Path, **config):
        from waitress.server import create_server

        from kutniti.server.app import create_app

        self.app = create_app({"STORE_PATH": str(store_dir), **config})
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = create_server(self.app, host="127.0.0.1", port=self.port, threads=6)
        self.closing = False
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()
        for _ in range(100):
            try:
                requests.get(self.url + "/healthz", timeout=1)
                break
            except requests.ConnectionError:
                time.sleep(0.05)
        # the server answers from the disk while it copies the store into memory: tests start once
        # the copy is in use, so that two reads in a test come from the same store
        self.app.extensions["kutniti.replica"].ready.wait(60)

    def _run(self):
        try:
            self.server.run()
        except OSError:  # the listening socket closed under select() while shutting down
            if not self.closing:
                raise

    @property
    def store(self):
        return self.app.extensions["kutniti.store"]

    def close(self):
        if self.server is None:
            return
        self.closing = True
        self.server.close()
        self.server = None
        self.app.extensions["kutniti.replica"].close()
        from kutniti.graph.store import close

        close(self.store)


def serve_copy(corpus_store_dir: Path, folder: Path, **config) -> LiveServer:
    """A live server on a private copy (in ``folder``) of the corpus store."""
    copy = folder / "store"
    shutil.copytree(corpus_store_dir, copy, symlinks=True)
    return LiveServer(copy, **config)


@pytest.fixture
def live_server(corpus_store_dir, tmp_path):
    """A factory: ``live_server(**config)`` serves a private copy of the corpus store."""
    servers = []

    def start(**config) -> LiveServer:
        copy = tmp_path / f"store{len(servers)}"
        shutil.copytree(corpus_store_dir, copy, symlinks=True)
        s = LiveServer(copy, **config)
        servers.append(s)
        return s

    yield start
    for s in servers:
        s.close()
