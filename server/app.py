"""The application factory: one Flask app over one kutniti store.

``create_app`` takes its settings explicitly; nothing happens at import time. Each part of the
HTTP surface is a blueprint in its own module and registered here.
"""

from __future__ import annotations

from flask import Flask

#: Settings and their defaults; ``create_app(config)`` overrides them.
DEFAULTS = {
    "STORE_PATH": None,  # directory of the on-disk store; None = in memory
    "UPDATE_TOKEN": None,  # writes are refused unless a token is set
    "QUERY_TIMEOUT": 30.0,  # seconds
    "MAX_ROWS": 100_000,  # result rows served at most
    "MAX_CONTENT_LENGTH": 16 * 1024 * 1024,  # request bodies, bytes (413 past it)
    "ALLOW_SERVICE": (),  # IRI prefixes that SERVICE may call
    "CORS_ORIGIN": None,  # allowed origin, or None for no CORS
}


def create_app(config: dict | None = None, store=None) -> Flask:
    """Make the app. ``store`` is a :class:`kutniti.graph.store.Store`; without one it is opened
    from ``STORE_PATH`` (or made in memory)."""
    from kutniti.graph.store import Store

    app = Flask(__name__)
    app.config.update(DEFAULTS)
    app.config.update(config or {})
    app.extensions["kutniti.store"] = store if store is not None else Store(app.config["STORE_PATH"])

    from . import sparql

    app.register_blueprint(sparql.bp)
    return app
