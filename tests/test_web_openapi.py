"""The OpenAPI spec says what the API really does: schemathesis sends valid and invalid requests generated from
it to the app in-process and checks every response (status, content type, body schema, no server errors)."""

from __future__ import annotations

import json
import warnings

import pytest
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
CONTENT_CHECKED = {"/api/v1/call", "/api/v1/call/timeline", "/api/v1/call/view", "/api/v1/call/report/{fmt}", "/api/v1/open",
                   "/api/v1/history/save/call"}  # a call is saved to a deal by name: an unknown one is a 404


@pytest.mark.slow
@SCHEMA.parametrize()
@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
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


def test_a_blank_filename_is_a_422_and_the_spec_says_so():
    """A label of only blank characters (any Python or JSON Schema whitespace, U+001F and U+FEFF included) is
    refused with one line, and the spec's pattern refuses exactly those, so a generator never sends one as valid."""
    import re

    from jsonschema import Draft202012Validator

    from plainpitch.web.models import BLANK

    spec = _spec()["components"]["schemas"]
    client = _client()
    for request, path, body in (("CheckRequest", "/api/v1/check", {"text": "Try it."}),
                                ("CallRequest", "/api/v1/call", {"text": "Ana: Hi.\nBen: Hello.\n"})):  # fmt: skip
        field = Draft202012Validator(spec[request]["properties"]["filename"])
        for name in [*BLANK, " \x1f\ufeff\u3000", "\t\n"]:
            assert not field.is_valid(name)
            r = client.post(path, json={**body, "filename": name})
            assert r.status_code == 422 and r.json()["error"]["message"] == "'filename' is empty", (name, r.text)
        for name in ("a", "\u200b", "deck.md", "a/ "):  # a label with a character that is not blank is taken
            assert field.is_valid(name)
            assert client.post(path, json={**body, "filename": name}).status_code == 200
    assert re.fullmatch(r"\[\^(\\u[0-9a-f]{4})+\]", spec["CheckRequest"]["properties"]["filename"]["pattern"])
