"""Errors that teach: a plain-text (or JSON) message saying what went wrong and what to do."""

from __future__ import annotations

from flask import Response, request


def problem(status: int, message: str) -> Response:
    """A response with ``status`` whose body explains the problem."""
    wants_json = "application/json" in request.headers.get("Accept", "") and "html" not in request.headers.get(
        "Accept", "")
    if wants_json:
        import json

        return Response(json.dumps({"error": message, "status": status}), status=status,
                        mimetype="application/json")
    return Response(message + "\n", status=status, mimetype="text/plain")
