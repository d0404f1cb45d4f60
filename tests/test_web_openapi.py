"""The OpenAPI spec says what the API really does: schemathesis sends valid and invalid requests generated from
it to the app in-process and checks every response (status, content type, body schema, no server errors)."""

from __future__ import annotations

import json
import warnings

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

from plainpitch.emit.json_report import report_schema
from plainpitch.web.app import create_app

# schemathesis' in-process client talks to the app as http://testserver
APP = create_app(allowed_hosts=["testserver", "localhost"])

with warnings.catch_warnings():  # Starlette nags about httpx vs httpx2; the client works the same
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

    SCHEMA = schemathesis.openapi.from_asgi("/openapi.json", APP)

# Content the schema cannot rule out: an uploaded file that is not text (schemathesis sends PNGs), or a text
# that is not a transcript, is well-formed but unreadable: 422 with the loader's one-line reason. Those
# requests skip "schema-valid data must be accepted"; every other check still runs on them.
CONTENT_CHECKED = {"/api/v1/call", "/api/v1/call/timeline", "/api/v1/call/view", "/api/v1/call/report/{fmt}", "/api/v1/open"}


@SCHEMA.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_spec(case):
    excluded = []
    if case.operation.path in CONTENT_CHECKED or case.media_type == "multipart/form-data":
        excluded.append(positive_data_acceptance)
    if case.media_type == "multipart/form-data":
        # form fields are strings: a one-item array or a null cannot be told from a valid field or an absent one
        # once encoded, so "invalid data must be rejected" is judged on the JSON bodies, which hold the same rules
        excluded.append(negative_data_rejection)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        case.call_and_validate(excluded_checks=excluded)


def _client():
    return TestClient(APP, base_url="http://localhost")


def _spec():
    return _client().get("/openapi.json").json()


def test_every_api_route_is_in_the_spec_and_back():
    routes = {r.path for r in APP.routes if getattr(r, "path", "").startswith("/api/")}
    assert routes == set(_spec()["paths"])


def test_spec_embeds_the_documented_report_schema():
    spec = _spec()
    report = spec["components"]["schemas"]["Report"]
    documented = report_schema()
    assert report["required"] == documented["required"]
    for name in documented.get("$defs", {}):
        assert f"report_{name}" in spec["components"]["schemas"]
    text = json.dumps(spec)
    assert "#/$defs/" not in text  # every reference was moved into components


def test_selectors_in_the_spec_are_accepted():
    """Every select/ignore value the spec offers is one the API takes."""
    spec = _spec()
    values = spec["components"]["schemas"]["CheckRequest"]["properties"]["select"]["items"]["enum"]
    assert "TON001" in values and "hedge-word" in values and "ALL" in values
    client = _client()
    for value in values:
        r = client.post("/api/v1/check", json={"text": "Perhaps.", "select": [value], "ignore": [value]})
        assert r.status_code == 200, r.text
