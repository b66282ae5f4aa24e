"""Query workers and the answer cache, over real HTTP against a live server on loopback."""

from __future__ import annotations

import os

import pytest
import requests

TOKEN = "s3cret-test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
DOCS = "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/kutniti/ontology#SourceDocument> }"
THINGS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <http://example.org/g> { ?s ?p ?o } }"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def count(server, query: str) -> int:
    r = requests.get(server.url + "/sparql", params={"query": query})
    assert r.status_code == 200, r.text
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


def insert(server, n: int) -> None:
    upd = f'INSERT DATA {{ GRAPH <http://example.org/g> {{ <http://example.org/a> <http://example.org/b> "c{n}" }} }}'
    r = requests.post(server.url + "/sparql", data={"update": upd}, headers=AUTH)
    assert r.status_code == 204, r.text


def replica(server):
    return server.app.extensions["kutniti.replica"]


def test_queries_are_answered_by_the_same_workers_until_a_write(live_server):
    server = live_server(UPDATE_TOKEN=TOKEN, QUERY_WORKERS=2, CACHE_BYTES=0)
    for limit in range(1, 9):  # eight different queries, no cache: each one reaches a worker
        assert count(server, DOCS + f" LIMIT {limit}") == 5
    pool = replica(server).pool
    assert pool.forks <= 2
    workers = set(pool.pids())
    assert workers and os.getpid() not in workers
    insert(server, 1)
    assert count(server, THINGS) == 1  # a worker forked after the write sees it
    assert set(pool.pids()) - workers


def test_a_repeated_query_comes_from_the_cache_until_a_write(live_server):
    server = live_server(UPDATE_TOKEN=TOKEN)
    cache = replica(server).cache
    assert count(server, THINGS) == 0
    hits = cache.hits
    assert count(server, THINGS) == 0
    assert cache.hits == hits + 1
    insert(server, 1)
    assert count(server, THINGS) == 1  # not the cached 0
    insert(server, 2)
    assert count(server, THINGS) == 2


def test_a_stopped_worker_is_replaced(live_server):
    server = live_server(QUERY_TIMEOUT=1, QUERY_WORKERS=1)
    assert count(server, DOCS) == 5
    r = requests.get(server.url + "/sparql", params={"query": RUNAWAY})
    assert r.status_code == 503 and "stopped" in r.text
    assert count(server, DOCS + " LIMIT 3") == 5  # the one worker slot is free again
    assert replica(server).pool.forks == 2


@pytest.mark.parametrize("workers", [0, -1])
def test_a_pool_needs_a_worker(workers):
    import threading

    from kutniti.server.workers import Pool

    with pytest.raises(ValueError, match="at least one worker"):
        Pool(lambda b: b, workers, fork_lock=threading.Lock(), generation=lambda: 0)


def test_a_name_ending_in_from_is_not_a_dataset_clause(live_server):
    """``prov:wasDerivedFrom`` holds the letters FROM: the default graph stays the union."""
    server = live_server()
    query = ("SELECT (COUNT(*) AS ?n) WHERE { ?e <http://www.w3.org/ns/prov#wasDerivedFrom> ?d . "
             "?d a <https://w3id.org/kutniti/ontology#SourceDocument> }")
    expected = int(next(server.store.query(query))["n"].value)
    assert expected > 0
    assert count(server, query) == expected


def _nice_after(request: bytes) -> bytes:
    """A worker's handler: sleep as long as asked, then say its own CPU priority."""
    import time

    time.sleep(float(request))
    return str(os.getpriority(os.PRIO_PROCESS, 0)).encode()


def test_a_long_query_gives_way_and_its_worker_is_replaced():
    import threading

    from kutniti.server.workers import Pool

    pool = Pool(_nice_after, 1, fork_lock=threading.Lock(), generation=lambda: 0, demote_after=0.3)
    try:
        base = os.getpriority(os.PRIO_PROCESS, 0)
        quick, _ = pool.call(b"0", timeout=10)
        assert int(quick) == base
        first = pool.pids()
        slow, _ = pool.call(b"0.8", timeout=10)
        assert int(slow) == 19  # moved to the lowest priority while it ran
        assert pool.pids() != first  # and not reused at that priority
        again, _ = pool.call(b"0", timeout=10)
        assert int(again) == base
    finally:
        pool.close()
