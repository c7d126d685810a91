"""Property-based API testing from the OpenAPI document (schemathesis over the ASGI app).

Every operation is called with generated valid and invalid input, as an admin (who may use every
route). No response may be a 5xx, and every response must match the document: its status codes,
content types and schemas. The number of examples per operation is kept small so the suite stays
fast; raise THREATLINE_SCHEMATHESIS_EXAMPLES for a deeper run.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from tests.web.conftest import People, seed
from threatline.store import Store
from threatline.web import create_app

schemathesis = pytest.importorskip("schemathesis")
from schemathesis import checks as st_checks  # noqa: E402

EXAMPLES = int(os.environ.get("THREATLINE_SCHEMATHESIS_EXAMPLES", "25"))


@pytest.fixture
def api_schema(store: Store, people: People, settings: Any) -> Any:
    seed(store)
    app = create_app(store, settings)
    return schemathesis.openapi.from_asgi("/api/v1/openapi.json", app, headers=people.headers("admin"))


@pytest.fixture
def admin_headers(people: People) -> dict[str, str]:
    return people.headers("admin")


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.filter_too_much])
def test_the_api_keeps_to_its_document(case: Any, admin_headers: dict[str, str]) -> None:
    response = case.call(headers=admin_headers)
    assert response.status_code < 500, f"{case.method} {case.formatted_path}: {response.status_code} {response.text}"
    case.validate_response(response, checks=[
        st_checks.not_a_server_error, st_checks.status_code_conformance, st_checks.content_type_conformance,
        st_checks.response_schema_conformance,
    ])
