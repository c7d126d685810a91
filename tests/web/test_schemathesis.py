"""Property-based API testing from the OpenAPI document (schemathesis over the ASGI app).

Every operation is called with generated valid and invalid input, as an admin (who may use every
route). No response may be a 5xx, and every response must match the document: its status codes,
content types and schemas. The number of examples per operation is kept small so the suite stays
fast; raise THREATLINE_SCHEMATHESIS_EXAMPLES for a deeper run.

This drives schemathesis through its Python API (`APIOperation.as_strategy` under Hypothesis's
`@given`), not its pytest plugin: the plugin rewrites pytest's private `_nodeid`, which pytest 9.2
no longer has, so the plugin fails there ("'Function' object has no attribute '_nodeid'").
"""

from __future__ import annotations

import os
from typing import Any, cast

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as examples
from hypothesis import strategies as st

from tests.web.conftest import People, seed
from threatline.config import Settings
from threatline.store import Store
from threatline.web import create_app

schemathesis = pytest.importorskip("schemathesis")
from schemathesis import GenerationMode  # noqa: E402
from schemathesis import checks as st_checks  # noqa: E402

EXAMPLES = int(os.environ.get("THREATLINE_SCHEMATHESIS_EXAMPLES", "25"))
CHECKS = [st_checks.not_a_server_error, st_checks.status_code_conformance, st_checks.content_type_conformance,
          st_checks.response_schema_conformance]


def _labels() -> list[str]:
    """Every operation in the app's document; describing the API needs no database."""
    document = create_app(cast(Store, None), Settings()).openapi()
    return [result.ok().label for result in schemathesis.openapi.from_dict(document).get_all_operations()]


@pytest.mark.parametrize("label", _labels())
def test_the_api_keeps_to_its_document(label: str, store: Store, people: People, settings: Settings) -> None:
    seed(store)
    admin = people.headers("admin")
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", create_app(store, settings), headers=admin)
    operation = next(r.ok() for r in schema.get_all_operations() if r.ok().label == label)
    cases = st.one_of(operation.as_strategy(GenerationMode.POSITIVE), operation.as_strategy(GenerationMode.NEGATIVE))

    @given(case=cases)
    @examples(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
    def keeps_to_the_document(case: Any) -> None:
        response = case.call(headers=admin)
        assert response.status_code < 500, f"{label}: {response.status_code} {response.text}"
        case.validate_response(response, checks=CHECKS)

    keeps_to_the_document()
