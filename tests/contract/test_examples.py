"""The contract tells the truth: every example in a service's request schemas is a body that
service itself accepts, and If-Match is required wherever the server answers 428 without it."""

import json
import os

import pytest
from fastapi.routing import APIRoute
from pydantic import BaseModel, TypeAdapter, ValidationError

os.environ.setdefault("TSUNAGU_DEMO_MODE", "1")

from case_api.main import create_app as case_app
from intake_api.main import create_app as intake_app
from meeting_api.main import create_app as meeting_app

APPS = {"intake-api": intake_app, "case-api": case_app, "meeting-api": meeting_app}


def _routes(routes: list) -> list[APIRoute]:
    found: list[APIRoute] = []
    for route in routes:
        if isinstance(route, APIRoute):
            found.append(route)
        elif hasattr(route, "original_router"):
            found += _routes(route.original_router.routes)
    return found


def _examples() -> list:
    cases = []
    for service, factory in APPS.items():
        for route in _routes(factory().routes):
            if route.body_field is None:
                continue
            model = route.body_field.field_info.annotation
            if not (isinstance(model, type) and issubclass(model, BaseModel)):
                continue
            for i, example in enumerate(model.model_json_schema().get("examples", [])):
                method = sorted(route.methods)[0]
                cases.append(pytest.param(model, example, id=f"{service} {method} {route.path} #{i}"))
    return cases


EXAMPLES = _examples()


def test_there_are_examples_to_check() -> None:
    assert len(EXAMPLES) >= 20


@pytest.mark.parametrize(("model", "example"), EXAMPLES)
def test_every_request_example_is_accepted_by_its_own_schema(model: type[BaseModel], example: dict) -> None:
    try:
        TypeAdapter(model).validate_json(json.dumps(example))
    except ValidationError as exc:
        fields = [".".join(map(str, e["loc"])) for e in exc.errors()]
        raise AssertionError(f"{model.__name__}'s own example is refused on {fields}") from None


@pytest.mark.parametrize("service", list(APPS))
def test_if_match_is_required_wherever_428_is_answered(service: str) -> None:
    document = APPS[service]().openapi()
    for path, item in document["paths"].items():
        for method, operation in item.items():
            headers = {p["name"].lower(): p for p in operation.get("parameters", []) if p["in"] == "header"}
            if "428" in operation.get("responses", {}) and "x-if-match" not in operation:
                assert headers["if-match"]["required"] is True, f"{method.upper()} {path}"


def test_schema_names_are_plain() -> None:
    """Two models of one name in a service get module-path names (`case_api__…__OutcomeCreate`), and the
    SPA's typed client loses the plain one it uses. (The same name in two services is the merge's to
    tell apart: it prefixes the later one.)"""
    from gateway.main import create_app as gateway_app

    for service, factory in {**APPS, "gateway": gateway_app}.items():
        for name in factory().openapi().get("components", {}).get("schemas", {}):
            assert "__" not in name, f"{service}: {name}"
