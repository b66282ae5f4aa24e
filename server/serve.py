"""Running the app under a production WSGI server (waitress), with its settings from the CLI."""

from __future__ import annotations

import logging
from pathlib import Path


def run(store_path: Path | str | None, host: str = "127.0.0.1", port: int = 8000, *,
        update_token: str | list[str] | None = None, query_timeout: float = 30.0, allow_service=(),
        cors_origin: str | None = None, threads: int = 8, max_rows: int = 100_000,
        query_workers: int | None = None, cache_mb: float = 64, store_url: str | None = None) -> None:
    """Serve the store at ``store_path`` (or the remote store at ``store_url``) on ``host:port``
    until interrupted."""
    from waitress import serve as waitress_serve

    from kutniti.server.app import create_app

    app = create_app({
        "STORE_PATH": str(store_path) if store_path else None,
        "STORE_URL": store_url,
        "UPDATE_TOKEN": update_token,
        "QUERY_TIMEOUT": query_timeout,
        "ALLOW_SERVICE": tuple(allow_service or ()),
        "CORS_ORIGIN": cors_origin,
        "MAX_ROWS": max_rows,
        "QUERY_WORKERS": query_workers,
        "CACHE_BYTES": int(cache_mb * 2**20),
    })
    logging.getLogger("waitress").setLevel(logging.INFO)
    print(f"kutniti serving {store_url or store_path} at http://{host}:{port}/ (SPARQL: /sparql, Graph Store: /store)",
          flush=True)
    waitress_serve(app, host=host, port=port, threads=threads, ident="kutniti", clear_untrusted_proxy_headers=True)
