"""Checks an answer against docs/openapi.yaml: a documented status below 500, and a JSON body that fits its schema."""
from functools import cache
from typing import Any

import yaml
from jsonschema import Draft202012Validator

from bot.settings import ROOT

SPEC_PATH = ROOT / "docs" / "openapi.yaml"


@cache
def spec() -> dict[str, Any]:
    return yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    """Follow a local '#/components/...' reference (responses may be references)."""
    while "$ref" in node:
        target: Any = spec()
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


@cache
def _validator(path: str, method: str, status: int) -> Draft202012Validator | None:
    responses = spec()["paths"][path][method]["responses"]
    assert str(status) in responses, f"{method.upper()} {path} answered {status}, which it does not document"
    content = _resolve(responses[str(status)]).get("content", {}).get("application/json")
    if content is None:
        return None
    # The schema's references point into the whole document, so it travels along as the root.
    return Draft202012Validator({**content["schema"], "components": spec()["components"]})


def check(path: str, method: str, status: int, body: Any) -> None:
    """Fails with the schema's complaint when the answer breaks the contract."""
    assert status < 500, f"{method.upper()} {path} answered {status}: {body!r:.300}"
    validator = _validator(path, method, status)
    if validator is not None:
        errors = sorted(validator.iter_errors(body), key=str)
        assert not errors, f"{method.upper()} {path} {status}: {errors[0].message} in {body!r:.300}"
