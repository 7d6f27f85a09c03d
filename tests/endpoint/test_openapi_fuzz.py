"""schemathesis against ``/openapi.json``: no 5xx, no response outside the documented
schemas, invalid input refused. In-process (ASGI) on SQLite so it stays bounded (< 60 s);
the real TLS server is exercised by the other endpoint tests.

``positive_data_acceptance`` is excluded on purpose: bodies that fit the schema are still
refused when their signature, session or consent is wrong, which is the point.
"""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance
from starlette.testclient import TestClient
from support.endpoint import Physician, endpoint_settings

from fitnote_desktop.demo.pki import DemoPki
from fitnote_desktop.endpoint.app import create_app


@pytest.fixture(scope="module")
def fuzz_app(demo_pki: DemoPki, tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    db = tmp_path_factory.mktemp("fuzz") / "endpoint.sqlite3"
    return create_app(endpoint_settings(demo_pki, f"sqlite:///{db}"))


@pytest.fixture(scope="module")
def token(fuzz_app: FastAPI, demo_pki: DemoPki) -> str:
    gp = Physician.from_pki(demo_pki, "gp")
    auth = gp.authenticator
    with TestClient(fuzz_app, base_url="https://testserver") as http:
        nonce = http.post("/v1/auth/challenge").json()["nonce"]
        body = {
            "nonce": nonce,
            "certificate": base64.b64encode(auth.authentication_certificate.dump()).decode(),
            "algorithm": auth.algorithm,
            "signature": base64.b64encode(auth.sign_challenge(base64.b64decode(nonce))).decode(),
        }
        response = http.post("/v1/auth/session", json=body)
    assert response.status_code == 200, response.text
    return str(response.json()["token"])


@pytest.fixture(scope="module")
def api_schema(fuzz_app: FastAPI) -> schemathesis.BaseSchema:
    return schemathesis.openapi.from_asgi("/openapi.json", fuzz_app)


def test_openapi_conformance(api_schema: schemathesis.BaseSchema, token: str) -> None:
    """Every operation, a bounded number of generated cases each (positive and negative).

    (``schemathesis.pytest.from_fixture`` does not run under pytest 9 yet, so the
    operations are iterated here, each with its own hypothesis run.)
    """
    headers = {"Authorization": f"Bearer {token}"}
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 13
    statuses: list[int] = []
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=12,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        def run(case: schemathesis.Case) -> None:
            response = case.call_and_validate(
                headers=headers, excluded_checks=[positive_data_acceptance]
            )
            statuses.append(response.status_code)

        run()
    assert len(statuses) >= 5 * len(operations)
    assert all(s < 500 for s in statuses)
    assert {200, 404, 422} <= set(statuses)


def test_schema_is_valid_openapi(fuzz_app: FastAPI, tmp_path: Path) -> None:
    with TestClient(fuzz_app) as http:
        spec = http.get("/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            assert "200" in op["responses"] or "201" in op["responses"], (method, path)
            assert "500" in op["responses"], (method, path)
