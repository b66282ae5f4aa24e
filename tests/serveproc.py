"""`kutniti serve` as a real child process on a loopback port, with its log kept in a file."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import requests

from conftest import free_port


class ServeProcess:
    """``python -m kutniti serve`` on ``store``; the token (if any) is passed in the environment."""

    def __init__(self, store: Path, log: Path, *, token: str | None = None, args: tuple[str, ...] = ()):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ)
        env.pop("KUTNITI_UPDATE_TOKEN", None)
        if token:
            env["KUTNITI_UPDATE_TOKEN"] = token
        self.log = log
        with log.open("ab") as fh:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "kutniti", "serve", "--store", str(store), "--host", "127.0.0.1",
                 "--port", str(self.port), *args], stdout=fh, stderr=subprocess.STDOUT, env=env)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"kutniti serve exited with {self.proc.returncode}: {log.read_text()[-2000:]}")
            try:
                health = requests.get(self.url + "/healthz", timeout=1)
                if health.status_code == 200 and health.json().get("replica") != "copying":
                    return
            except requests.ConnectionError:
                pass
            time.sleep(0.1)
        self.kill()
        raise TimeoutError("kutniti serve did not answer within 60 s")

    def quads(self) -> set[ox.Quad]:
        """Every quad the server holds, read over the Graph Store protocol as N-Quads."""
        r = requests.get(self.url + "/store", headers={"Accept": "application/n-quads"}, timeout=30)
        r.raise_for_status()
        return set(ox.parse(r.content, format=ox.RdfFormat.N_QUADS))

    def kill(self) -> None:
        """SIGKILL the server: no shutdown code runs."""
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(10)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()
