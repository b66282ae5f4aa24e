"""The application factory: one Flask app over one kutniti store.

``create_app`` takes its settings explicitly; nothing happens at import time. Each part of the
HTTP surface is a blueprint in its own module and registered here: the SPARQL protocol
(``sparql``), the Graph Store protocol (``gsp``), fact checking (``facts``) and the pages
(``web``).
"""

from __future__ import annotations

from flask import Flask, Response, request

#: Settings and their defaults; ``create_app(config)`` overrides them.
DEFAULTS = {
    "STORE_PATH": None,  # store folder; None = in memory
    "STORE_URL": None,  # a remote SPARQL 1.1 store instead of the folder (see kutniti.graph.remote)
    "UPDATE_TOKEN": None,  # writes are refused unless a token is set
    "QUERY_TIMEOUT": 30.0,  # seconds
    "MAX_ROWS": 100_000,  # result rows served at most
    "MAX_CONTENT_LENGTH": 16 * 1024 * 1024,  # request bodies, bytes (413 past it)
    "ALLOW_SERVICE": (),  # IRI prefixes that SERVICE may call
    "CORS_ORIGIN": None,  # allowed origin, or None for no CORS
    "QUERY_WORKERS": None,  # worker processes answering queries; None = one per core, at least two
    "CACHE_BYTES": 64 * 2**20,  # answers to repeated queries kept between writes; 0 = no cache
    "PAGE_EVENTS": 100,  # events listed on one page of a thing (the rest a link away)
}


def create_app(config: dict | None = None, store=None) -> Flask:
    """Make the app. ``store`` is a :class:`kutniti.graph.store.Store`; without one it is opened
    from ``STORE_PATH`` (or made in memory)."""
    from kutniti.graph.store import Store
    from kutniti.server.executor import DEFAULT_WORKERS, NotWritable, Replica

    app = Flask(__name__)
    app.config.update(DEFAULTS)
    app.config.update(config or {})
    if store is None and app.config["STORE_URL"]:
        from kutniti.graph.remote import RemoteStore

        store = RemoteStore(app.config["STORE_URL"])
    store = store if store is not None else Store(app.config["STORE_PATH"])
    app.extensions["kutniti.store"] = store
    # a remote store may be written by others too: its answers are not cached here
    cache = 0 if getattr(store, "url", None) else int(app.config["CACHE_BYTES"])
    app.extensions["kutniti.replica"] = Replica(store, workers=app.config["QUERY_WORKERS"] or DEFAULT_WORKERS,
                                                cache_bytes=cache)

    from . import facts, gsp, sparql, web

    app.register_blueprint(sparql.bp)
    app.register_blueprint(gsp.bp)
    app.register_blueprint(facts.bp)
    app.register_blueprint(web.bp)

    @app.get("/healthz")
    def healthz():
        replica = app.extensions["kutniti.replica"]
        # "copying": answering from the disk while the in-memory copy is made (writes wait)
        return {"status": "ok", "quads": replica.quads(), "replica": replica.state}

    @app.errorhandler(NotWritable)
    def not_writable(exc):
        return Response(f"{exc}\n", status=503, mimetype="text/plain", headers={"Retry-After": "5"})

    @app.get("/openapi.json")
    def openapi():
        from importlib.resources import files

        return Response(files(__package__).joinpath("openapi.json").read_bytes(), mimetype="application/json")

    @app.errorhandler(413)
    def too_large(_):
        return Response(f"the request body is larger than {app.config['MAX_CONTENT_LENGTH']} bytes\n",
                        status=413, mimetype="text/plain")

    @app.errorhandler(405)
    def not_allowed(_):
        return Response(f"{request.method} is not allowed on {request.path}\n", status=405, mimetype="text/plain")

    @app.after_request
    def cors(resp: Response) -> Response:
        origin = app.config.get("CORS_ORIGIN")
        if origin and request.headers.get("Origin") in (origin, None) or origin == "*":
            resp.headers["Access-Control-Allow-Origin"] = origin
            resp.headers["Access-Control-Allow-Headers"] = "Authorization, Content-Type, Accept"
            resp.headers["Access-Control-Allow-Methods"] = "GET, POST, PUT, DELETE, HEAD, OPTIONS"
        resp.headers.setdefault("X-Content-Type-Options", "nosniff")
        return resp

    return app
