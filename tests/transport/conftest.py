"""Fixtures of the transport tests: a demo PKI, physicians, and live TLS endpoints."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from support import endpoint as ep_support
from support import signing as sig_support

from fitnote_desktop.demo.pki import DemoPki


@pytest.fixture(scope="session")
def demo_pki(tmp_path_factory: pytest.TempPathFactory) -> DemoPki:
    return sig_support.build_demo_pki(tmp_path_factory.mktemp("transport-pki"))


@pytest.fixture(scope="session")
def gp(demo_pki: DemoPki) -> ep_support.Physician:
    return ep_support.Physician.from_pki(demo_pki, "gp")


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'endpoint.sqlite3'}"


@pytest.fixture
def faulty(
    demo_pki: DemoPki, db_url: str
) -> Iterator[tuple[ep_support.LiveEndpoint, ep_support.FaultInjector]]:
    """A live endpoint whose submissions can be made to fail (500, slow, lost answer)."""
    injector: list[ep_support.FaultInjector] = []

    def wrap(app):  # type: ignore[no-untyped-def]
        injector.append(ep_support.FaultInjector(app))
        return injector[0]

    # Tests here make the endpoint forget its sessions (a restart, a revocation) and expect
    # the very next request refused: no in-process session cache.
    with ep_support.running_endpoint(
        demo_pki, db_url=db_url, wrap=wrap, session_cache_ttl=timedelta(0)
    ) as ep:
        yield ep, injector[0]
