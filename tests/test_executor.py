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
    """A worker's handler: keep the CPU busy as long as asked, then say its own CPU priority."""
    import time

    end = time.monotonic() + float(request)
    while time.monotonic() < end:
        pass
    return str(os.getpriority(os.PRIO_PROCESS, 0)).encode()


def _pool(size: int, **kwargs):
    import threading

    from kutniti.server.workers import Pool

    kwargs.setdefault("runaway_after", 0.4)
    return Pool(_nice_after, size, fork_lock=threading.Lock(), generation=lambda: 0, demote_after=0.1, **kwargs)


def _in_threads(pool, requests_: list[bytes]):
    import threading

    answers: list = []
    threads = [threading.Thread(target=lambda r=r: answers.append(pool.call(r, timeout=20)[0])) for r in requests_]
    for t in threads:
        t.start()
    return threads, answers


def _wait_for(condition, seconds: float = 10.0) -> None:
    import time

    end = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < end, "the condition did not come true in time"
        time.sleep(0.02)


def test_a_long_query_gives_way_and_its_worker_is_replaced():
    pool = _pool(1)
    try:
        base = os.getpriority(os.PRIO_PROCESS, 0)
        quick, _ = pool.call(b"0", timeout=10)
        assert int(quick) == base
        first = pool.pids()
        slow, _ = pool.call(b"0.8", timeout=10)
        assert int(slow) == 19  # moved to the lowest priority once it had used 0.4 s of CPU
        assert first[0] not in pool.pids()  # and not reused at that priority
        again, _ = pool.call(b"0", timeout=10)
        assert int(again) == base
    finally:
        pool.close()


def test_a_heavy_query_gives_way_to_short_ones_before_it_counts_as_a_runaway():
    """Past ``demote_after`` a query runs at nice 10 (below short queries, above runaways); only
    past ``runaway_after`` does it go to nice 19."""
    from kutniti.server.workers import GIVE_WAY_NICE

    pool = _pool(1, runaway_after=5.0)
    try:
        base = os.getpriority(os.PRIO_PROCESS, 0)
        heavy, _ = pool.call(b"0.6", timeout=10)
        assert int(heavy) == max(base, GIVE_WAY_NICE)
        assert pool.demotions == 1
    finally:
        pool.close()


def test_long_queries_leave_the_slots_to_short_ones():
    """Two runaways on a pool of one: once they gave way, a short query still finds a worker at
    full priority at once, instead of waiting for them."""
    import time

    pool = _pool(1)
    try:
        base = os.getpriority(os.PRIO_PROCESS, 0)
        threads, answers = _in_threads(pool, [b"3", b"3"])
        _wait_for(lambda: pool.long_running() == 2)
        started = time.monotonic()
        quick, _ = pool.call(b"0", timeout=10)
        assert int(quick) == base and time.monotonic() - started < 1.0
        assert pool.long_running() == 2  # the runaways are still running meanwhile
        for t in threads:
            t.join()
        assert sorted(int(a) for a in answers) == [19, 19]
        assert pool.long_running() == 0
    finally:
        pool.close()


def test_the_long_queries_are_bounded():
    """With room for one long query, a second runaway keeps its slot: a short query waits."""
    from kutniti.server.workers import WorkerTimeout

    pool = _pool(1, long_queries=1)
    try:
        threads, _ = _in_threads(pool, [b"2", b"2"])
        _wait_for(lambda: pool.demotions == 2)
        assert pool.long_running() == 1
        with pytest.raises(WorkerTimeout):
            pool.call(b"0", timeout=0.3)
        for t in threads:
            t.join()
        assert pool.long_running() == 0
        assert pool.call(b"0", timeout=10)[0]
    finally:
        pool.close()


def test_runaways_over_http_do_not_hold_the_only_worker(live_server):
    """Three runaway queries on a server with one query worker: a fresh query (no cache) is
    answered while they run, and each runaway is still stopped at the time limit."""
    import threading
    import time

    server = live_server(QUERY_WORKERS=1, QUERY_TIMEOUT=4, CACHE_BYTES=0)
    statuses: list[int] = []
    # three different runaways (identical ones in flight together would be evaluated once)
    runs = [threading.Thread(target=lambda q=q: statuses.append(
        requests.get(server.url + "/sparql", params={"query": q}, timeout=30).status_code))
        for q in (RUNAWAY.replace("}", f'FILTER(?l != "{i}") }}') for i in range(3))]
    for t in runs:
        t.start()
    pool = replica(server).pool
    _wait_for(lambda: pool.long_running() == 3)
    started = time.monotonic()
    assert count(server, DOCS + " LIMIT 7") == 5
    assert time.monotonic() - started < 2.0
    for t in runs:
        t.join()
    assert statuses == [503, 503, 503]


def test_queries_are_answered_while_the_copy_is_made_and_writes_wait_for_it(live_server):
    """Until the in-memory copy is ready, queries are answered from the disk and a write waits;
    then the write lands in both stores, the workers reading the disk are retired, and the copy
    holds exactly what the disk holds, blank nodes named alike."""
    import threading
    import time

    import pyoxigraph as ox

    from kutniti.server.executor import Replica

    server = live_server(UPDATE_TOKEN=TOKEN, CACHE_BYTES=0)
    replica(server).close()
    store = server.store
    ex = "http://example.org/"
    store.oxigraph.add(ox.Quad(ox.BlankNode("b1"), ox.NamedNode(ex + "p"), ox.Literal("x"), ox.NamedNode(ex + "h")))
    fresh = Replica(store, workers=2, cache_bytes=0, copy="later")
    server.app.extensions["kutniti.replica"] = fresh
    assert requests.get(server.url + "/healthz").json()["replica"] == "copying"
    assert count(server, DOCS) == 5  # from the disk, in a worker
    assert requests.get(server.url + "/id/north-korea").status_code == 200
    disk_workers = set(fresh.pool.pids())
    assert disk_workers
    statuses: list[int] = []
    upd = f'INSERT DATA {{ GRAPH <{ex}g> {{ <{ex}a> <{ex}b> "during the copy" }} }}'
    writer = threading.Thread(target=lambda: statuses.append(
        requests.post(server.url + "/sparql", data={"update": upd}, headers=AUTH, timeout=60).status_code))
    writer.start()
    time.sleep(0.5)
    assert statuses == []  # the write waits for the copy
    fresh.start_copy()
    writer.join(60)
    assert statuses == [204]
    assert requests.get(server.url + "/healthz").json()["replica"] == "memory"
    assert count(server, THINGS) == 1  # the write, answered from the copy
    assert not disk_workers & set(fresh.pool.pids())
    assert {str(q) for q in fresh.memory} == {str(q) for q in store.oxigraph}
    r = requests.post(server.url + "/sparql", data={"update": f"DELETE WHERE {{ GRAPH <{ex}h> {{ ?s ?p ?o }} }}"},
                      headers=AUTH)
    assert r.status_code == 204  # a blank node found in the copy is removed from the disk too
    assert not list(store.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(ex + "h")))


def test_identical_requests_in_flight_are_answered_by_one_evaluation(live_server):
    """Clients asking the same uncached question at the same moment share one evaluation (and
    one worker); each gets the whole answer."""
    import threading

    server = live_server(QUERY_WORKERS=1, CACHE_BYTES=0)
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f FILTER(STR(?c) != STR(?f)) }"
    shared_before = replica(server).in_flight.shared
    bodies: list[tuple[int, str]] = []
    start = threading.Barrier(4)

    def ask():
        start.wait()
        r = requests.get(server.url + "/sparql", params={"query": slow},
                         headers={"Accept": "application/sparql-results+json"}, timeout=60)
        bodies.append((r.status_code, r.json()["results"]["bindings"][0]["n"]["value"]))

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(bodies) == 4 and len(set(bodies)) == 1 and bodies[0][0] == 200 and int(bodies[0][1]) > 0
    assert replica(server).in_flight.shared - shared_before >= 1
    # the same question asked later, alone, is evaluated again (nothing is cached with CACHE_BYTES=0)
    before = replica(server).in_flight.shared
    assert requests.get(server.url + "/sparql", params={"query": slow}).status_code == 200
    assert replica(server).in_flight.shared == before


def test_the_cache_keeps_answers_up_to_a_quarter_of_its_size():
    from kutniti.server.executor import Answer, AnswerCache

    cache = AnswerCache(4000)
    fits, too_big = Answer("solutions", b"x" * 990, "application/json"), Answer("solutions", b"y" * 1100, "application/json")
    cache.put(0, ("q1",), fits)
    cache.put(0, ("q2",), too_big)
    assert cache.get(0, ("q1",)) is fits and cache.get(0, ("q2",)) is None
    assert cache.get(1, ("q1",)) is None  # a write since: not served
