"""The committed OpenAPI documents are the contract: they must match the code."""

import json

import pytest

from hrss.web.management.commands.openapi import DOCS, doc_path, openapi_text


@pytest.mark.parametrize("name", sorted(DOCS))
def test_committed_document_matches_the_code(name):
    committed = doc_path(name).read_text(encoding="utf-8")
    assert committed == openapi_text(name), "run `make openapi` and commit docs/api/"


@pytest.mark.parametrize("name", sorted(DOCS))
def test_every_operation_is_summarised_and_described(name):
    schema = json.loads(openapi_text(name))
    for path, methods in schema["paths"].items():
        for method, op in methods.items():
            assert op.get("summary"), f"{method} {path} has no summary"
            assert op.get("description"), f"{method} {path} has no description"
