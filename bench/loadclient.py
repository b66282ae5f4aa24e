"""A bounded SPARQL load client that compares endpoints fairly, on loopback only.

For each query and each concurrency, the endpoints take turns in short slices (A, B, C, A, B, C …),
so whatever else the machine is doing hits all of them alike. A slice ends after ``slice_seconds``
or ``slice_requests`` requests, whichever comes first; requests still in flight are waited for
(each bounded by ``request_timeout``). Every request is a SPARQL protocol GET over a kept-alive
connection; a non-2xx answer, a broken connection or a timeout counts as an error.

The result per (endpoint, query, concurrency) is requests per second (successes over the time the
endpoint's slices took), p50 and p99 latency and the error count; and per endpoint the geometric
mean of its throughput ratio to the reference endpoint over the queries.
"""

from __future__ import annotations

import http.client
import math
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@dataclass
class Endpoint:
    """A SPARQL query endpoint under test."""

    name: str
    url: str

    def __post_init__(self) -> None:
        host = urllib.parse.urlsplit(self.url).hostname
        if host not in LOOPBACK:
            raise ValueError(f"{self.name}: {self.url} is not on loopback; the load client only calls 127.0.0.1")


@dataclass
class Cell:
    """What one endpoint did on one query at one concurrency, summed over its slices."""

    ok: int = 0
    errors: int = 0
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    last_error: str | None = None

    def summary(self) -> dict:
        lat = sorted(self.latencies)
        return {
            "requests": self.ok + self.errors,
            "ok": self.ok,
            "errors": self.errors,
            "seconds": round(self.seconds, 4),
            "rps": round(self.ok / self.seconds, 3) if self.seconds else 0.0,
            "p50_ms": round(_percentile(lat, 50) * 1000, 3) if lat else None,
            "p99_ms": round(_percentile(lat, 99) * 1000, 3) if lat else None,
            "last_error": self.last_error,
        }


def _percentile(sorted_values: list[float], pct: float) -> float:
    k = (len(sorted_values) - 1) * pct / 100
    lo, hi = math.floor(k), math.ceil(k)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (k - lo)


class _Connection:
    """One kept-alive HTTP connection to an endpoint, reopened after any failure."""

    def __init__(self, url: str, timeout: float) -> None:
        parts = urllib.parse.urlsplit(url)
        self.host, self.port, self.path = parts.hostname, parts.port or 80, parts.path or "/"
        self.timeout = timeout
        self.conn: http.client.HTTPConnection | None = None

    def query(self, text: str) -> tuple[str, bytes]:
        """GET a query; (Content-Type, body) of a 2xx answer, else RuntimeError."""
        status, body, media = self.get(self.path + "?" + urllib.parse.urlencode({"query": text}), ACCEPT)
        if not 200 <= status < 300:
            raise RuntimeError(f"HTTP {status}: {body[:200].decode('utf-8', 'replace')}")
        return media, body

    def get(self, target: str, accept: str = "*/*") -> tuple[int, bytes, str]:
        """GET ``target`` (a path and query string) on this connection: (status, body, Content-Type)."""
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            self.conn.request("GET", target, headers={"Accept": accept})
            resp = self.conn.getresponse()
            body = resp.read()
        except BaseException:
            self.close()
            raise
        return resp.status, body, resp.getheader("Content-Type", "") or ""

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def count_answers(content_type: str, body: bytes) -> int | None:
    """How many solutions (SELECT), 1 or 0 (ASK) or triples (CONSTRUCT) an answer holds, so that
    endpoints can be checked to give the same answers; None when the format is not understood."""
    try:
        return _count(content_type, body)
    except (ValueError, KeyError, TypeError, SyntaxError):
        return None


def _count(content_type: str, body: bytes) -> int | None:
    import json

    media = content_type.split(";")[0].strip().lower()
    if "json" in media and "ld+json" not in media:
        data = json.loads(body)
        if "boolean" in data:
            return int(bool(data["boolean"]))
        return len(data["results"]["bindings"])
    if media in ("application/n-triples", "text/plain"):
        return sum(1 for line in body.splitlines() if line.strip() and not line.startswith(b"#"))
    if media == "text/turtle":
        import pyoxigraph as ox

        return sum(1 for _ in ox.parse(body, format=ox.RdfFormat.TURTLE))
    return None


def run_slice(url: str, query: str, concurrency: int, cell: Cell, *, seconds: float, max_requests: int,
              request_timeout: float, pool: list[_Connection]) -> None:
    """Run one slice: ``concurrency`` workers issue ``query`` until the slice's time or count is used."""
    lock = threading.Lock()
    issued = 0
    deadline = time.perf_counter() + seconds

    def worker(conn: _Connection) -> None:
        nonlocal issued
        while True:
            with lock:
                if issued >= max_requests or time.perf_counter() >= deadline:
                    return
                issued += 1
            t0 = time.perf_counter()
            try:
                conn.query(query)
                dt = time.perf_counter() - t0
                with lock:
                    cell.ok += 1
                    cell.latencies.append(dt)
            except Exception as exc:  # counted and reported, not fatal
                with lock:
                    cell.errors += 1
                    cell.last_error = f"{type(exc).__name__}: {exc}"[:300]

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(pool[i],), daemon=True) for i in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(seconds + request_timeout + 5)
    cell.seconds += time.perf_counter() - started


def _replace_url(e: Endpoint, url: str | None, pools: dict, timeout: float, size: int) -> None:
    """After ``settle`` restarted an endpoint elsewhere, point its connections at the new URL."""
    if url and url != e.url:
        for conn in pools[e.name]:
            conn.close()
        e.url = url
        pools[e.name] = [_Connection(url, timeout) for _ in range(size)]


def geomean(values: list[float]) -> float | None:
    values = [v for v in values if v > 0]
    return math.exp(sum(map(math.log, values)) / len(values)) if values else None


def run(endpoints: list[Endpoint], queries: dict[str, str], *, concurrencies=(1, 8), rounds: int = 3,
        slice_seconds: float = 0.5, slice_requests: int = 1000, request_timeout: float = 10.0,
        reference: str | None = None, warmup: bool = True, progress=None, settle=None) -> dict:
    """Run every query against every endpoint, interleaved; return the results as a dict.

    Total time is bounded by about ``len(queries) × len(concurrencies) × rounds × len(endpoints) ×
    (slice_seconds + request_timeout)``. ``settle(name)``, if given, is called after a slice that
    had errors, to wait until that endpoint has finished the work its timed-out requests left behind
    (so it does not steal the next endpoint's CPU); it may restart the endpoint and return its new
    URL.
    """
    reference = reference or endpoints[0].name
    pools = {e.name: [_Connection(e.url, request_timeout) for _ in range(max(concurrencies))] for e in endpoints}
    cells: dict[tuple[str, str, int], Cell] = {}
    skipped: set[tuple[str, str]] = set()
    answers: dict[str, dict[str, int | None]] = {}
    if warmup:  # one request per query and endpoint, so first-use costs are not measured
        for qname, text in queries.items():
            for e in endpoints:
                try:
                    answers.setdefault(qname, {})[e.name] = count_answers(*pools[e.name][0].query(text))
                except Exception as exc:
                    # An endpoint that cannot answer once within the timeout is not measured on
                    # this query (it would only stall the run); it is reported with no answers.
                    skipped.add((e.name, qname))
                    for c in concurrencies:
                        cell = cells.setdefault((e.name, qname, c), Cell())
                        cell.errors += 1
                        cell.last_error = f"warm-up: {type(exc).__name__}: {exc}"[:300]
                    if settle:
                        _replace_url(e, settle(e.name), pools, request_timeout, max(concurrencies))
    for c in concurrencies:
        for qname, text in queries.items():
            for r in range(rounds):
                order = endpoints if r % 2 == 0 else list(reversed(endpoints))
                for e in order:
                    cell = cells.setdefault((e.name, qname, c), Cell())
                    if (e.name, qname) in skipped:
                        continue
                    errors_before = cell.errors
                    run_slice(e.url, text, c, cell, seconds=slice_seconds, max_requests=slice_requests,
                              request_timeout=request_timeout, pool=pools[e.name])
                    if settle and cell.errors > errors_before:
                        _replace_url(e, settle(e.name), pools, request_timeout, max(concurrencies))
            if progress:
                progress(f"c={c} {qname}: " + ", ".join(
                    f"{e.name} {cells[(e.name, qname, c)].summary()['rps']:.1f}/s" for e in endpoints))
    for pool in pools.values():
        for conn in pool:
            conn.close()

    results = []
    for (ename, qname, c), cell in cells.items():
        results.append({"endpoint": ename, "query": qname, "concurrency": c, **cell.summary()})
    by_key = {(r["endpoint"], r["query"], r["concurrency"]): r for r in results}
    for r in results:
        ref = by_key[(reference, r["query"], r["concurrency"])]["rps"]
        r["ratio"] = round(r["rps"] / ref, 4) if ref else None
    summary = {}
    for e in endpoints:
        for c in concurrencies:
            ratios = [by_key[(e.name, q, c)]["ratio"] or 0.0 for q in queries]
            summary[f"{e.name}@{c}"] = {
                "endpoint": e.name, "concurrency": c,
                "geomean_ratio": _round(geomean(ratios)),
                "geomean_rps": _round(geomean([by_key[(e.name, q, c)]["rps"] for q in queries])),
                "queries_without_answers": sum(1 for x in ratios if x <= 0),
                "errors": sum(by_key[(e.name, q, c)]["errors"] for q in queries),
            }
    disagreements = {q: a for q, a in answers.items() if len({n for n in a.values() if n is not None}) > 1}
    return {
        "reference": reference,
        "answers": answers,
        "disagreements": disagreements,
        "settings": {"concurrencies": list(concurrencies), "rounds": rounds, "slice_seconds": slice_seconds,
                     "slice_requests": slice_requests, "request_timeout": request_timeout},
        "endpoints": {e.name: e.url for e in endpoints},
        "results": results,
        "summary": summary,
    }


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def load_queries(folder: Path) -> dict[str, str]:
    """The ``*.rq`` files of ``folder`` by stem, in name order."""
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.rq"))}


def markdown(report: dict) -> str:
    """A Markdown table of one run: one row per query and concurrency, a column group per endpoint."""
    names = list(report["endpoints"])
    head = "| query | c | " + " | ".join(f"{n} req/s | p50 ms | p99 ms | err | ×ref" for n in names) + " |"
    sep = "|" + "---|" * (2 + 5 * len(names))
    rows = [head, sep]
    by_key = {(r["endpoint"], r["query"], r["concurrency"]): r for r in report["results"]}
    queries = sorted({r["query"] for r in report["results"]})
    for c in report["settings"]["concurrencies"]:
        for q in queries:
            cells = []
            for n in names:
                r = by_key[(n, q, c)]
                cells.append(f"{r['rps']:.1f} | {_fmt(r['p50_ms'])} | {_fmt(r['p99_ms'])} | {r['errors']} | "
                             f"{_fmt(r['ratio'], 2)}")
            rows.append(f"| {q} | {c} | " + " | ".join(cells) + " |")
    rows.append("")
    if report.get("disagreements"):
        rows.append("Queries where the endpoints' answers differ in size (solutions or triples; a query "
                    "with a LIMIT may pick different rows, but not a different number):")
        rows.append("")
        for q, a in sorted(report["disagreements"].items()):
            rows.append(f"- {q}: " + ", ".join(f"{n} {v}" for n, v in a.items()))
    else:
        rows.append("Every endpoint gave answers of the same size to every query it answered.")
    rows.append("")
    rows.append(f"Geometric mean of throughput ratio to **{report['reference']}**:")
    rows.append("")
    rows.append("| endpoint | c | geomean ×ref | geomean req/s | queries with no answer | errors |")
    rows.append("|---|---|---|---|---|---|")
    for s in report["summary"].values():
        rows.append(f"| {s['endpoint']} | {s['concurrency']} | {_fmt(s['geomean_ratio'], 3)} | "
                    f"{_fmt(s['geomean_rps'], 1)} | {s['queries_without_answers']} | {s['errors']} |")
    return "\n".join(rows) + "\n"


def _fmt(x, digits: int = 1) -> str:
    return "–" if x is None else f"{x:.{digits}f}"
