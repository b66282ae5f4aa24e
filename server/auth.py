"""Bearer-token authorisation for writes: off unless a token is configured."""

from __future__ import annotations

import functools
import hmac

from flask import current_app, request

from kutniti.server.errors import problem


def token_ok() -> bool:
    """Whether the request carries the configured update token (compared in constant time)."""
    expected = current_app.config.get("UPDATE_TOKEN")
    if not expected:
        return False
    header = request.headers.get("Authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer":
        return False
    return hmac.compare_digest(given.strip().encode(), str(expected).encode())


def require_token(view):
    """Refuse the request with 401/403 unless it carries the update token."""

    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        if not current_app.config.get("UPDATE_TOKEN"):
            return problem(403, "writes are disabled on this server: start it with --update-token "
                                "(or KUTNITI_UPDATE_TOKEN) to allow them")
        if not token_ok():
            resp = problem(401, "this write needs the header 'Authorization: Bearer <token>'")
            resp.headers["WWW-Authenticate"] = 'Bearer realm="kutniti"'
            return resp
        return view(*args, **kwargs)

    return wrapper
