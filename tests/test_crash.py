"""Crashes: `kutniti serve` killed with SIGKILL while writes stream in loses no acknowledged write
and keeps no half of one.

Two clients stream writes at a real server process: batches of facts to ``/facts`` (three people
each) and SPARQL updates that move a counter and add three triples in one request. The server is
killed mid-stream, restarted on the same store, and the quads it then holds are compared with what
was acknowledged: every acknowledged write is there in full, any other write is there in full or
not at all, and nothing else changed.
"""

from __future__ import annotations

import random
import shutil
import threading
import time

import pyoxigraph as ox
import pytest
import requests
from serveproc import ServeProcess

TOKEN = "crash-test-token-5b1f0c"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
EX = "http://example.org/crash/"
G = ox.NamedNode(EX + "graph")
COUNTER = ox.NamedNode(EX + "counter")
VALUE = ox.NamedNode(EX + "value")
DIP = "https://w3id.org/kutniti/ontology#"
KID = "https://w3id.org/kutniti/id/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")


def update_quads(i: int) -> set[ox.Quad]:
    """What update ``i`` adds besides the counter."""
    s = ox.NamedNode(f"{EX}write/{i}")
    return {ox.Quad(s, ox.NamedNode(f"{EX}p{k}"), ox.Literal(f"{i}-{k}"), G) for k in range(3)}


def update_text(i: int) -> str:
    body = " ".join(f"{q.subject} {q.predicate} {q.object} ." for q in update_quads(i))
    return (f'DELETE DATA {{ GRAPH {G} {{ {COUNTER} {VALUE} "{i - 1}" }} }} ;\n'
            f'INSERT DATA {{ GRAPH {G} {{ {COUNTER} {VALUE} "{i}" . {body} }} }}')


def fact_triples(i: int) -> set[tuple]:
    out = set()
    for k in range(3):
        p = ox.NamedNode(f"{KID}crash-{i}-{k}")
        out |= {(p, RDF_TYPE, ox.NamedNode(DIP + "Person")),
                (p, LABEL, ox.Literal(f"Crash Test {i} {k}", language="en")),
                (p, ox.NamedNode(DIP + "represents"), ox.NamedNode(KID + "north-korea"))}
    return out


def fact_text(i: int) -> str:
    return "\n".join(f"{s} {p} {o} ." for s, p, o in fact_triples(i))


class Writers:
    """Two clients streaming writes until told to stop or the server goes away."""

    def __init__(self, url: str, first_update: int, first_fact: int):
        self.url = url
        self.acked_updates: list[int] = []
        self.acked_facts: dict[int, str] = {}
        self.sent_updates: list[int] = []
        self.sent_facts: list[int] = []
        self.failures: list[str] = []
        self.stop = threading.Event()
        self.first_update, self.first_fact = first_update, first_fact
        self.threads = [threading.Thread(target=self.updates, daemon=True),
                        threading.Thread(target=self.facts, daemon=True)]
        for t in self.threads:
            t.start()

    def updates(self):
        self._stream(self.first_update, self.sent_updates, 204, lambda i: requests.post(
            self.url + "/sparql", data=update_text(i).encode(), timeout=30,
            headers={**AUTH, "Content-Type": "application/sparql-update"}),
            lambda i, r: self.acked_updates.append(i))

    def facts(self):
        self._stream(self.first_fact, self.sent_facts, 201, lambda i: requests.post(
            self.url + "/facts", data=fact_text(i).encode(), timeout=30,
            headers={**AUTH, "Content-Type": "application/n-triples"}),
            lambda i, r: self.acked_facts.__setitem__(i, r.json()["graph"]))

    def _stream(self, i: int, sent: list[int], ok: int, send, acknowledged):
        """Send write ``i``, ``i + 1`` … until stopped or the connection breaks; record each."""
        while not self.stop.is_set():
            sent.append(i)
            try:
                r = send(i)
            except requests.RequestException:
                return
            if r.status_code != ok:
                self.failures.append(f"write {i}: {r.status_code} {r.text[:200]}")
                return
            acknowledged(i, r)
            i += 1

    def join(self):
        for t in self.threads:
            t.join(60)


def check(quads: set[ox.Quad], before: set[ox.Quad], w: Writers) -> int:
    """Acknowledged writes are there in full, others in full or not at all, nothing else changed.
    Returns the counter's value."""
    values = [q.object.value for q in quads if q.subject == COUNTER and q.predicate == VALUE]
    assert len(values) == 1, f"the counter has {len(values)} values: an update was half applied"
    last = int(values[0])
    assert last >= max(w.acked_updates, default=0), "an acknowledged update was lost"
    expected = {ox.Quad(COUNTER, VALUE, ox.Literal(str(last)), G)}
    for i in w.sent_updates:
        wrote = update_quads(i)
        present = wrote & quads
        if i <= last:
            assert present == wrote, f"update {i} is not there in full"
            expected |= wrote
        else:
            assert not present, f"update {i} (after the counter's value {last}) left triples"
    triples = {(q.subject, q.predicate, q.object) for q in quads}
    graphs_of = {}
    for q in quads:
        graphs_of.setdefault((q.subject, q.predicate, q.object), set()).add(q.graph_name)
    for i in w.sent_facts:
        wrote = fact_triples(i)
        present = wrote & triples
        if i in w.acked_facts:
            assert present == wrote, f"acknowledged facts batch {i} is not there in full"
            assert all(ox.NamedNode(w.acked_facts[i]) in graphs_of[t] for t in wrote)
        else:
            assert present in (set(), wrote), f"facts batch {i} is half there"
        if present:
            graph = next(iter(graphs_of[next(iter(wrote))]))
            expected |= {q for q in quads if q.graph_name == graph}
    old_counter = {q for q in before if q.subject == COUNTER}
    assert before - old_counter <= quads, "a quad that was there before the writes is gone"
    assert quads - before - expected == set(), "quads that no write made appeared"
    return last


@pytest.mark.slow
def test_sigkill_mid_stream_keeps_acknowledged_writes_whole(corpus_store_dir, tmp_path):
    store = tmp_path / "store"
    shutil.copytree(corpus_store_dir, store, symlinks=True)
    log = tmp_path / "serve.log"
    server = ServeProcess(store, log, token=TOKEN)
    before = server.quads()
    counter, first_fact = 0, 1
    try:
        for cycle in range(2):
            writers = Writers(server.url, counter + 1, first_fact)
            deadline = time.monotonic() + 40
            while (len(writers.acked_updates) < 3 or len(writers.acked_facts) < 2) and time.monotonic() < deadline \
                    and not writers.failures:
                time.sleep(0.05)
            time.sleep(random.uniform(0.0, 0.4))  # somewhere in the middle of the next writes
            server.kill()
            writers.stop.set()
            writers.join()
            assert not writers.failures, writers.failures
            assert writers.acked_updates and writers.acked_facts
            server = ServeProcess(store, log, token=TOKEN)
            after = server.quads()
            counter = check(after, before, writers)
            before, first_fact = after, max(writers.sent_facts) + 1
    finally:
        server.stop()
    assert TOKEN not in log.read_text(errors="replace"), "the server logged its token"
