"""Serve N-Quads files with rdflib-endpoint over an in-memory rdflib Dataset (a benchmark peer).

    python -m bench.rdflib_peer --port 8123 data.nq

The default graph is the union of the named graphs, as in kutniti and ``oxigraph
serve-read-only --union-default-graph``, so every peer answers the same queries the same way.
"""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args(argv)

    import uvicorn
    from rdflib import Dataset
    from rdflib_endpoint import SparqlEndpoint

    dataset = Dataset(default_union=True)
    for f in args.files:
        dataset.parse(f, format="nquads")
    app = SparqlEndpoint(graph=dataset, path="/sparql", cors_enabled=False)
    uvicorn.run(app, host="127.0.0.1", port=args.port, log_level="warning")
    return 0


if __name__ == "__main__":
    sys.exit(main())
