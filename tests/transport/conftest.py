"""Fixtures of the transport tests: a demo PKI, physicians, and live TLS endpoints."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from fitnote_desktop.endpoint import testing as ep_testing
from fitnote_desktop.signing import testing as sig_testing
from fitnote_desktop.signing.demo_pki import DemoPki


@pytest.fixture(scope="session")
def demo_pki(tmp_path_factory: pytest.TempPathFactory) -> DemoPki:
    return sig_testing.build_demo_pki(tmp_path_factory.mktemp("transport-pki"))


@pytest.fixture(scope="session")
def gp(demo_pki: DemoPki) -> ep_testing.Physician:
    return ep_testing.Physician.from_pki(demo_pki, "gp")


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'endpoint.sqlite3'}"


@pytest.fixture
def faulty(
    demo_pki: DemoPki, db_url: str
) -> Iterator[tuple[ep_testing.LiveEndpoint, ep_testing.FaultInjector]]:
    """A live endpoint whose submissions can be made to fail (500, slow, lost answer)."""
    injector: list[ep_testing.FaultInjector] = []

    def wrap(app):  # type: ignore[no-untyped-def]
        injector.append(ep_testing.FaultInjector(app))
        return injector[0]

    with ep_testing.running_endpoint(demo_pki, db_url=db_url, wrap=wrap) as ep:
        yield ep, injector[0]
