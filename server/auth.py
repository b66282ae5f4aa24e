"""Bearer-token authorisation for writes: off unless a token is configured.

``UPDATE_TOKEN`` is one token or several: ``"SECRET"``, ``"NAME:SECRET"``, a list of those, or a
``{name: secret}`` mapping. The name of the token a write came with is who made it (the provenance
of added facts); a token given without a name is called ``operator``.
"""

from __future__ import annotations

import functools
import hmac

from flask import current_app, request

from kutniti.server.errors import problem


def configured_tokens(setting) -> dict[str, str]:
    """The ``UPDATE_TOKEN`` setting as {name: secret}."""
    if isinstance(setting, dict):
        return {str(k): str(v) for k, v in setting.items()}
    out: dict[str, str] = {}
    for entry in [setting] if isinstance(setting, str) else list(setting or ()):
        name, sep, secret = str(entry).partition(":")
        if sep and name and secret:
            out[name] = secret
        else:
            out["operator"] = str(entry)
    return out


def token_name() -> str | None:
    """The name of the update token the request carries, or None (compared in constant time)."""
    header = request.headers.get("Authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer":
        return None
    found = None
    for name, secret in configured_tokens(current_app.config.get("UPDATE_TOKEN")).items():
        if hmac.compare_digest(given.strip().encode(), secret.encode()):
            found = name
    return found


def token_ok() -> bool:
    """Whether the request carries a configured update token."""
    return token_name() is not None


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
