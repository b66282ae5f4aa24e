"""The ``kutniti`` command: build, query, export, validate, reason, load, add, serve, stats.

Exit codes follow one rule across commands: 0 success, 1 the data does not conform (or is
inconsistent), 2 the input cannot be read or the command cannot run.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

err = Console(stderr=True, highlight=False)
out = Console(highlight=False)

#: The corpus shipped with the project, used when ``build`` is given no folders.
PROJECT_CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def default_store() -> Path:
    """The default store folder: ``$KUTNITI_STORE`` or the user's data directory."""
    env = os.environ.get("KUTNITI_STORE")
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("kutniti")) / "store"


def fail(message: str, code: int = 2) -> None:
    """Print an error the user can act on and exit."""
    err.print(f"[bold red]error:[/] {message}", soft_wrap=True)
    sys.exit(code)


store_option = click.option(
    "--store",
    "store_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Store folder (default: $KUTNITI_STORE or a folder in the user's data directory).",
)


store_url_option = click.option(
    "--store-url",
    "store_url",
    envvar="KUTNITI_STORE_URL",
    default=None,
    metavar="URL",
    help="Use a remote SPARQL 1.1 store (Oxigraph server, Fuseki, ...) at URL instead of a folder "
         "(or set KUTNITI_STORE_URL).",
)


def open_remote(url: str):
    """The remote store at ``url``, failing with a clear message when the URL is not usable."""
    from kutniti.graph.remote import RemoteStore
    from kutniti.graph.store import StoreError

    try:
        return RemoteStore(url)
    except StoreError as exc:
        fail(str(exc))


def open_store(store_dir: Path | None, *, must_exist: bool = True, read_only: bool = False):
    """Open the store, failing with a clear message when there is none."""
    from kutniti.graph.store import Store, StoreError

    path = store_dir or default_store()
    if must_exist and not path.exists():
        fail(f"no store at {path}: build one first with `kutniti build --store {path}`")
    try:
        return Store(path, read_only=read_only)
    except StoreError as exc:
        fail(str(exc))


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="kutniti")
def main() -> None:
    """kutniti — a knowledge graph of North Korea's foreign relations, read from Bengali text.

    Build the graph from documents, query it with SPARQL, export it, check new facts against the
    shapes, and serve it over HTTP.
    """


# -- build -----------------------------------------------------------------------------------
@main.command()
@click.argument("folders", nargs=-1, type=click.Path(exists=False, path_type=Path))
@store_option
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the whole graph to FILE (.ttl .trig .nt .nq .jsonld).")
@click.option("--workers", type=int, default=None, help="Worker processes (default: one per core).")
@click.option("--reason", "with_reason", is_flag=True, help="Run the OWL reasoner on the result.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@store_url_option
def build(folders, store_dir, out, workers, with_reason, as_json, store_url=None):
    """Read every *.txt in FOLDERS (default: the corpus), extract, validate and store the facts.

    Facts that break the shapes do not enter the graph: they are listed in a quarantine report
    next to the store. A broken document stops the build with the store left as it was.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from kutniti.graph.build import build as run_build
    from kutniti.graph.store import StoreError
    from kutniti.loaders.document import DocumentError, find_documents

    sources = list(folders) or [PROJECT_CORPUS]
    root = store_dir or default_store()
    try:
        total = len(find_documents(sources))
    except DocumentError as exc:
        fail(str(exc))
    progress = Progress(TextColumn("reading documents"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), console=err, disable=as_json or not err.is_terminal)
    with progress:
        task = progress.add_task("build", total=total)
        remote = open_remote(store_url) if store_url else None
        try:
            summary = run_build(sources, root, workers=workers, store=remote,
                                on_progress=lambda r: progress.advance(task))
        except DocumentError as exc:
            fail(f"{exc}\nnothing was written; the store is as it was")
        except StoreError as exc:
            fail(f"{exc}\n" + ("the remote store may hold part of the documents' graphs" if remote else
                               "nothing was written; the store is as it was"))
        if remote:
            summary.store = store_url
    if out:
        from kutniti.graph.export import export

        store = remote or open_store(root)
        try:
            export(store, out)
        except Exception as exc:  # noqa: BLE001 - report any writer failure plainly
            fail(f"cannot write {out}: {exc}")
    if as_json:
        click.echo(json.dumps(summary.to_json(), ensure_ascii=False, indent=1))
    else:
        rate = summary.documents / summary.seconds if summary.seconds else 0
        err.print(
            f"built [bold]{summary.documents}[/] document(s): {summary.events} events, "
            f"{summary.triples} triples, {summary.quarantined} fact(s) quarantined "
            f"in {summary.seconds:.2f} s ({rate:.0f} docs/s)\nstore: {summary.store}"
            + (f"\nquarantine report: {summary.quarantine_report}" if summary.quarantined else "")
            + (f"\nexported to {out}" if out else "")
        )
    if with_reason:
        ctx = click.get_current_context()
        ctx.invoke(reason, files=(), store_dir=root)


# -- query -----------------------------------------------------------------------------------
QUERY_FORMATS = ["table", "json", "csv", "tsv", "xml", "turtle", "ntriples"]


def resolve_query(query: str, params: tuple[str, ...]) -> str:
    """A canned query's name, an .rq file, or SPARQL text → the SPARQL to run."""
    from kutniti.graph.namespaces import SPARQL_PREFIXES

    values = {}
    for p in params:
        if "=" not in p:
            fail(f"--param {p!r}: write it as NAME=VALUE")
        k, v = p.split("=", 1)
        values[k] = v
    path = Path(query)
    if query.endswith(".rq"):
        if not path.is_file():
            fail(f"{query}: no such query file")
        return path.read_text("utf-8")
    if query.replace("-", "").replace("_", "").isalnum():
        from kutniti.queries import get_query

        try:
            canned = get_query(query)
        except KeyError:
            fail(f"no canned query named {query!r}; `kutniti queries` lists them")
        try:
            return canned.bind(values)
        except ValueError as exc:
            fail(f"{query}: {exc}")
    # SPARQL text: add the project's prefixes unless the query declares its own
    return query if "PREFIX" in query.upper() else SPARQL_PREFIXES + query


@main.command()
@click.argument("query")
@store_option
@click.option("--format", "fmt", type=click.Choice(QUERY_FORMATS), default="table", show_default=True)
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A parameter of a canned query (repeatable).")
def query(query, store_dir, fmt, params):
    """Run QUERY: SPARQL text, a FILE.rq, or the NAME of a canned query in queries/."""
    import pyoxigraph as ox

    sparql = resolve_query(query, params)
    store = open_store(store_dir, read_only=False)
    started = time.perf_counter()
    try:
        result = store.query(sparql)
    except SyntaxError as exc:
        fail(f"malformed SPARQL: {exc}")
    if isinstance(result, ox.QueryBoolean):
        click.echo("true" if bool(result) else "false")
        return
    if isinstance(result, ox.QueryTriples):
        f = {"ntriples": ox.RdfFormat.N_TRIPLES}.get(fmt, ox.RdfFormat.TURTLE)
        sys.stdout.buffer.write(result.serialize(format=f))
        return
    if fmt == "table":
        rows = list(result)
        ms = (time.perf_counter() - started) * 1000
        out.print(_table([v.value for v in result.variables], rows))
        err.print(f"{len(rows)} row(s) in {ms:.1f} ms")
        return
    rf = {"json": ox.QueryResultsFormat.JSON, "csv": ox.QueryResultsFormat.CSV,
          "tsv": ox.QueryResultsFormat.TSV, "xml": ox.QueryResultsFormat.XML}.get(fmt)
    if rf is None:
        fail(f"--format {fmt} is for CONSTRUCT/DESCRIBE; SELECT answers json, csv, tsv, xml or table")
    sys.stdout.buffer.write(result.serialize(format=rf))


def _table(names: list[str], rows) -> Table:
    """Query results for the terminal: ``?x`` and its ``?xLabel`` make one column, the label over
    the IRI's short name; nothing is cut (long values fold), and data is never read as markup."""
    from rich.text import Text

    from kutniti.queries import labelled

    paired = labelled(names)
    columns = [n for n in names if n not in paired.values()]
    table = Table(show_lines=False)
    for n in columns:
        table.add_column(n, overflow="fold")
    for r in rows:
        cells = []
        for n in columns:
            label = r[paired[n]] if n in paired else None
            cell = Text(label.value if label is not None else _short(r[n]))
            if label is not None and r[n] is not None:
                cell.append("\n" + _short(r[n]), style="dim")
            cells.append(cell)
        table.add_row(*cells)
    return table


def _short(term) -> str:
    if term is None:
        return ""
    from kutniti.graph.namespaces import PREFIXES

    value = term.value
    for prefix, iri in PREFIXES.items():
        if value.startswith(iri) and hasattr(term, "value") and term.__class__.__name__ == "NamedNode":
            return f"{prefix}:{value[len(iri):]}"
    return value


@main.command()
def queries():
    """List the canned queries (run one with `kutniti query NAME`)."""
    from kutniti.queries import load_queries

    table = Table("name", "title", "parameters")
    for name, q in sorted(load_queries().items()):
        table.add_row(name, q.title, ", ".join(p.name if hasattr(p, "name") else str(p) for p in q.params))
    out.print(table)


# -- export ----------------------------------------------------------------------------------
@main.command()
@store_option
@click.option("--graph", "graph_iri", help="Export only this named graph.")
@click.option("--format", "fmt", type=click.Choice(["turtle", "trig", "ntriples", "nquads", "jsonld"]),
              help="Format (default: from --out's extension, else TriG).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="File to write (default: stdout).")
def export(store_dir, graph_iri, fmt, out):
    """Export the whole graph, or one named graph, as Turtle, TriG, N-Triples, N-Quads or JSON-LD."""
    from kutniti.graph.export import export as run_export
    from kutniti.graph.store import StoreError

    store = open_store(store_dir)
    try:
        data = run_export(store, out, format=fmt, graph=graph_iri)
    except StoreError as exc:
        fail(str(exc))
    if data is not None:
        sys.stdout.buffer.write(data)
    else:
        err.print(f"wrote {out}")


# -- validate / reason / add / load ----------------------------------------------------------
TABLE_SUFFIXES = (".csv", ".tsv", ".tab")


def read_rdf_files(files) -> "tuple[object, dict[str, str]]":
    """Parse RDF files into one rdflib graph; a file that does not parse exits 2 with its place."""
    from kutniti.graph.rdfio import RdfInputError, parse_file

    import rdflib

    graph = rdflib.Dataset(default_union=True)
    texts = {}
    for f in files:
        try:
            g, text = parse_file(f)
        except RdfInputError as exc:
            fail(str(exc))
        for t in g:
            graph.add(t)
        texts[str(f)] = text
    return graph, texts


def read_facts(files, store=None):
    """RDF files and tables of facts (CSV/TSV, names resolved against ``store``) → one graph, and a
    function saying where each thing was written (file, line). Unreadable input exits 2."""
    import rdflib

    from kutniti.graph.validate import locate
    from kutniti.loaders.table import TableError, read_table

    rdf_files = [f for f in files if f.suffix.lower() not in TABLE_SUFFIXES]
    data, texts = read_rdf_files(rdf_files)
    graph = rdflib.Graph()
    for t in data:
        graph.add(t[:3])
    tables = []
    for f in files:
        if f.suffix.lower() in TABLE_SUFFIXES:
            try:
                table = read_table(f.read_bytes(), str(f), store=store.oxigraph if store is not None else None)
            except OSError as exc:
                fail(f"{f}: cannot be read: {exc.strerror or exc}")
            except TableError as exc:
                fail(f"{exc}\nnothing was read from {f}")
            graph += table.graph
            tables.append(table)

    def where(iri: str):
        for table in tables:
            if table.where(iri)[1]:
                return table.where(iri)
        return locate(texts, iri) if texts else (None, None)

    return graph, where


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--store", "store_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Validate in the context of this store's graph (what the facts mention).")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "turtle"]), default="text", show_default=True)
@store_url_option
def validate(files, store_dir, fmt, store_url=None):
    """Check FILES (RDF, or a CSV/TSV of facts) against the shapes. Exit 0 conform, 1 do not
    (report), 2 unreadable."""
    store = None
    if store_url or store_dir:
        from kutniti.graph.store import StoreError

        try:
            store = open_remote(store_url) if store_url else open_store(store_dir, read_only=True)
        except StoreError as exc:
            fail(str(exc))
    data, where = read_facts(files, store)
    if store is not None:
        from kutniti.graph.gate import check_facts

        report = check_facts(store, data)
    else:
        from kutniti.graph.validate import validate as run_validate

        report = run_validate(data)
    report.place(where)
    if fmt == "json":
        click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=1))
    elif fmt == "turtle":
        click.echo(report.to_turtle())
    else:
        click.echo(report.text())
    sys.exit(0 if report.conforms else 1)


@main.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@store_option
@click.option("--materialise", "--materialize", "materialise", is_flag=True,
              help="Store the inferred types in their own named graph.")
def reason(files, store_dir, materialise):
    """OWL consistency of the ontology + the stored graph (+ FILES). Exit 0/1, 2 cannot run."""
    import rdflib

    from kutniti.graph.reason import ReasonerUnavailable
    from kutniti.graph.reason import reason as run_reason

    path = store_dir or default_store()
    graph = rdflib.Graph()
    store = None
    if path.exists():
        import pyoxigraph as ox

        from kutniti.graph.namespaces import INFERRED_GRAPH

        store = open_store(path)
        stated = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{INFERRED_GRAPH}>) }}",
                             union=False)
        graph.parse(data=stated.serialize(format=ox.RdfFormat.N_TRIPLES).decode("utf-8"), format="nt")
    elif not files:
        fail(f"no store at {path} and no files to reason over")
    if files:
        data, _ = read_rdf_files(files)
        for t in data:
            graph.add(t[:3])
    try:
        result = run_reason(graph)
    except ReasonerUnavailable as exc:
        fail(str(exc))
    if result.consistent:
        click.echo(f"consistent: {len(graph)} triples; {len(result.inferred)} inferred triple(s)")
        if materialise and store is not None:
            from kutniti.graph.namespaces import INFERRED_GRAPH

            store.replace_graph(str(INFERRED_GRAPH), result.inferred)
            click.echo(f"inferred triples stored in <{INFERRED_GRAPH}>")
        sys.exit(0)
    click.echo("inconsistent:")
    for line in result.explanations:
        click.echo(f"  - {line}")
    sys.exit(1)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--store", "store_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Store folder to load into (created if missing).")
@click.option("--graph", "graph_iri", default=None,
              help="Named graph for triple files (default: one graph per file).")
@store_url_option
def load(files, store_dir, graph_iri, store_url=None):
    """Bulk-load RDF FILES into a store (fast; for large data). No shape checks: use `add` for that.

    All files load or none: a file that does not parse leaves the store as it was.
    """
    import time

    from kutniti.graph.generations import next_generation
    from kutniti.graph.namespaces import GRAPH
    from kutniti.graph.store import QUAD_FORMATS, StoreError, format_for

    started = time.perf_counter()
    if (store_dir is None) == (store_url is None):
        fail("give the store to load into: --store DIR or --store-url URL (one of them)")
    for f in files:
        if not f.is_file():
            fail(f"{f}: no such file")
    if store_url:
        _load_remote(files, store_url, graph_iri, started)
        return
    n = 0
    try:
        with next_generation(store_dir) as store:
            before = len(store)
            for f in files:
                fmt = format_for(f)
                graph = graph_iri or (None if fmt in QUAD_FORMATS else str(GRAPH[f"load/{f.stem}"]))
                store.load(f, format=fmt, graph=graph, bulk=True)
            n = len(store) - before
    except (StoreError, OSError, ValueError) as exc:
        fail(f"{exc}\nnothing was loaded; the store is as it was")
    err.print(f"loaded {n} quads from {len(files)} file(s) in {time.perf_counter() - started:.1f} s into {store_dir}")


def _load_remote(files, store_url: str, graph_iri: str | None, started: float) -> None:
    """``load`` into a remote store: every file is parsed first, so a broken one sends nothing."""
    import time

    import pyoxigraph as ox

    from kutniti.graph.namespaces import GRAPH
    from kutniti.graph.store import QUAD_FORMATS, StoreError, format_for

    store = open_remote(store_url)
    batches = []
    try:
        for f in files:
            fmt = format_for(f)
            graph = graph_iri or (None if fmt in QUAD_FORMATS else str(GRAPH[f"load/{f.stem}"]))
            try:
                quads = list(ox.parse(path=str(f), format=fmt))
            except (SyntaxError, OSError) as exc:
                raise StoreError(f"{f}: {exc}") from exc
            if graph:
                quads = [ox.Quad(q.subject, q.predicate, q.object, ox.NamedNode(graph)) for q in quads]
            batches.append(quads)
    except StoreError as exc:
        fail(f"{exc}\nnothing was loaded; the store is as it was")
    n = 0
    try:
        for quads in batches:
            store.oxigraph.extend(quads)
            n += len(quads)
    except (StoreError, SyntaxError) as exc:
        fail(f"{exc}\n{n} quads were loaded before the failure")
    err.print(f"loaded {n} quads from {len(files)} file(s) in {time.perf_counter() - started:.1f} s into {store_url}")


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@store_option
@click.option("--source", help="The source you cite for these facts (dcterms:source).")
@click.option("--by", "who", default=None, help="Who adds them (default: the user name).")
def add(files, store_dir, source, who):
    """Add facts (Turtle, TriG, N-Triples, JSON-LD, RDF/XML, or a CSV/TSV of facts) after checking them.

    A table has the columns type, actor, recipient, date, place, source, quote; its names resolve
    to things the lexicon or the graph knows. Nothing is stored unless every fact conforms to the
    shapes. Exit 0 stored, 1 refused, 2 unreadable.
    """
    from kutniti.graph.gate import GateRefused, submit_facts

    store = open_store(store_dir, must_exist=False)
    data, where = read_facts(files, store)
    try:
        graph_iri = submit_facts(store, data, who=who or os.environ.get("USER", "cli"), source=source, where=where)
    except GateRefused as exc:
        click.echo(exc.report.text())
        err.print("refused: nothing was stored")
        sys.exit(1)
    click.echo(f"stored {len(data)} triples as <{graph_iri}>")


# -- serve / stats ---------------------------------------------------------------------------
@main.command()
@store_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--update-token", envvar="KUTNITI_UPDATE_TOKEN", multiple=True, metavar="[NAME:]SECRET",
              help="Allow writes with this bearer token (or set KUTNITI_UPDATE_TOKEN); repeatable. The "
                   "NAME is recorded as who added facts.")
@click.option("--query-timeout", default=30.0, show_default=True, type=float, help="Seconds per query.")
@click.option("--allow-service", multiple=True, metavar="PREFIX",
              help="Let SERVICE call endpoints under this IRI prefix (repeatable).")
@click.option("--cors", "cors_origin", default=None, metavar="ORIGIN", help="Allow this CORS origin.")
@click.option("--threads", default=8, show_default=True, type=int, help="Server threads.")
@click.option("--query-workers", default=None, type=click.IntRange(min=1),
              help="Processes answering queries (default: one per core, at least two).")
@click.option("--cache-mb", default=64.0, show_default=True, type=click.FloatRange(min=0),
              help="Memory for answers to repeated queries, kept until the next write (0: no cache).")
@click.option("--build", "build_first", is_flag=True,
              help="Build the store from the corpus first (the one-command start).")
@store_url_option
def serve(store_dir, host, port, update_token, query_timeout, allow_service, cors_origin, threads, query_workers,
          cache_mb, build_first, store_url=None):
    """Serve the graph: SPARQL at /sparql, Graph Store at /store, pages at /."""
    root = store_dir or default_store()
    if build_first:
        ctx = click.get_current_context()
        ctx.invoke(build, folders=(), store_dir=root, out=None, workers=None, with_reason=False, as_json=False,
                   store_url=store_url)
    if store_url:
        from kutniti.graph.store import StoreError
        from kutniti.server.serve import run

        open_remote(store_url)
        try:
            run(store_path=None, store_url=store_url, host=host, port=port, update_token=update_token,
                query_timeout=query_timeout, allow_service=list(allow_service), cors_origin=cors_origin,
                threads=threads, query_workers=query_workers, cache_mb=cache_mb)
        except StoreError as exc:
            fail(str(exc))
        return
    if not root.exists():
        fail(f"no store at {root}: build one first with `kutniti build --store {root}` (or add --build)")
    from kutniti.server.serve import run

    run(store_path=root, host=host, port=port, update_token=list(update_token) or None, query_timeout=query_timeout,
        allow_service=list(allow_service), cors_origin=cors_origin, threads=threads,
        query_workers=query_workers, cache_mb=cache_mb)


@main.command()
@store_option
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
def stats(store_dir, as_json):
    """Triples per named graph and things per class."""
    from kutniti.graph.stats import statistics

    s = statistics(open_store(store_dir))
    if as_json:
        click.echo(json.dumps(s, indent=1))
        return
    t = Table("named graph", "triples")
    for g, n in s["graphs"].items():
        t.add_row(g or "(default graph)", str(n))
    out.print(t)
    c = Table("class", "things")
    for k, n in s["classes"].items():
        c.add_row(_short_iri(k), str(n))
    out.print(c)
    out.print(f"{s['quads']} quads in all")


def _short_iri(iri: str) -> str:
    from kutniti.graph.namespaces import PREFIXES

    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


if __name__ == "__main__":
    main()
