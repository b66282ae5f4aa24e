"""The HTTP API against its OpenAPI description (``server/openapi.json``, served at
``/openapi.json``): schemathesis sends generated requests to a live server, with the update token,
and checks that none is answered 5xx and that status codes and media types are the described ones."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import content_type_conformance, not_a_server_error, status_code_conformance

ROOT = Path(__file__).resolve().parent.parent
SPEC = json.loads((ROOT / "server" / "openapi.json").read_text("utf-8"))
TOKEN = "openapi-test-token"
TEXT_BODIES = ("text/turtle", "application/n-triples", "application/trig", "application/n-quads",
               "application/rdf+xml", "application/sparql-query", "application/sparql-update")


@schemathesis.serializer(*TEXT_BODIES)
def _text(ctx, value):
    """RDF and SPARQL bodies are text: generated strings are sent as UTF-8."""
    return None if value is None else str(value).encode("utf-8")


schema = schemathesis.openapi.from_dict(SPEC)


@pytest.fixture(scope="module")
def api_server(corpus_store_dir, tmp_path_factory):
    from conftest import LiveServer

    copy = tmp_path_factory.mktemp("openapi") / "store"
    shutil.copytree(corpus_store_dir, copy, symlinks=True)
    server = LiveServer(copy, UPDATE_TOKEN=TOKEN, QUERY_TIMEOUT=5)
    yield server
    server.close()


def test_the_description_is_served_and_names_every_route(api_server):
    r = requests.get(api_server.url + "/openapi.json", timeout=10)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("application/json")
    assert r.json() == SPEC
    rules = {str(rule) for rule in api_server.app.url_map.iter_rules() if not str(rule).startswith("/static")}
    described = {p.replace("{", "<").replace("}", ">") for p in SPEC["paths"]}
    assert {"/sparql", "/store", "/validate", "/facts", "/id/<slug>", "/doc/<stem>", "/ontology",
            "/.well-known/void", "/healthz", "/openapi.json"} <= described
    assert rules - {"/store/<path:rest>"} <= described


@schema.parametrize()
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_meets_its_description(case, api_server):
    case.call_and_validate(base_url=api_server.url, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30,
                           checks=[not_a_server_error, status_code_conformance, content_type_conformance])
