"""Fixtures of the endpoint tests: one demo PKI, both storage backends, live servers.

Every test that takes ``db_url`` runs twice: on SQLite and on PostgreSQL. PostgreSQL
comes from ``FITNOTE_TEST_PG_URL`` or is started here through
``scripts/pg-test-server.sh``; under CI (``CI=true``) a missing PostgreSQL fails the run
instead of skipping, so the PostgreSQL path can never silently go untested.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import endpoint as ep_support
from support import signing as sig_support

from fitnote_desktop.demo.pki import DemoPki


@pytest.fixture(scope="session")
def demo_pki(tmp_path_factory: pytest.TempPathFactory) -> DemoPki:
    return sig_support.build_demo_pki(tmp_path_factory.mktemp("endpoint-pki"))


@pytest.fixture(scope="session")
def pg_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with ep_support.postgresql_for_tests(tmp_path_factory.mktemp("pg")) as url:
        if url is None:
            if os.environ.get("CI") == "true":
                pytest.fail("PostgreSQL is required in CI for the endpoint tests")
            pytest.skip("PostgreSQL not available on this machine")
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'endpoint.sqlite3'}"
    url: str = request.getfixturevalue("pg_url")
    ep_support.reset_database(url)
    return url


@pytest.fixture(scope="session")
def gp(demo_pki: DemoPki) -> ep_support.Physician:
    return ep_support.Physician.from_pki(demo_pki, "gp")


@pytest.fixture(scope="session")
def specialist(demo_pki: DemoPki) -> ep_support.Physician:
    return ep_support.Physician.from_pki(demo_pki, "specialist")


@pytest.fixture
def clock() -> ep_support.MutableClock:
    return ep_support.MutableClock()


@pytest.fixture
def endpoint(
    demo_pki: DemoPki, db_url: str, clock: ep_support.MutableClock
) -> Iterator[ep_support.LiveEndpoint]:
    with ep_support.running_endpoint(demo_pki, db_url=db_url, clock=clock) as ep:
        yield ep
