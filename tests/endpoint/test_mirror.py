"""``GET /v1/mirror`` against a real uvicorn/TLS server, on SQLite and PostgreSQL.

The population is one real certificate (the demo GP's, submitted and signed as usual)
plus synthetic rows written straight into ``synthetic_certificates``: both go through
the same computation, so the publication thresholds are tested exactly at their edges.
"""

from __future__ import annotations

import dataclasses
import json
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
import sqlalchemy as sa
from support.endpoint import LiveEndpoint, Physician, demo_registry, running_endpoint

from fitnote_desktop.demo.pki import DemoPki
from fitnote_desktop.domain import samples
from fitnote_desktop.endpoint import db, synthetic
from fitnote_desktop.endpoint.settings import RegistryEntry
from fitnote_desktop.transport.client import EndpointRejected

TODAY = datetime.now(UTC).date()


def _registry(specialist_role: str = "treating") -> tuple[RegistryEntry, ...]:
    gp, specialist = demo_registry()
    return (
        dataclasses.replace(gp, region="BE-VAN"),
        dataclasses.replace(specialist, role=specialist_role, region="BE-BRU"),
    )


@pytest.fixture
def mirror_endpoint(demo_pki: DemoPki, db_url: str) -> Iterator[LiveEndpoint]:
    with running_endpoint(demo_pki, db_url=db_url, registry=_registry()) as ep:
        yield ep


def _add(url: str, group: str, physicians: int, certificates: int, region: str = "BE-VAN") -> None:
    """``certificates`` one-certificate episodes of ``group`` spread over ``physicians``."""
    rows = [
        dict(
            physician=f"SYN-{group[:6]}-{i % physicians:02d}",
            region=region,
            patient=f"SYN-P-{group[:6]}-{i:03d}",
            kind="incapacity",
            begin=TODAY - timedelta(days=30 + i % 60),
            end=TODAY - timedelta(days=30 + i % 60) + timedelta(days=9),
            pathology_group=group,
            fit_note=i % 2 == 0,
        )
        for i in range(certificates)
    ]
    engine = db.make_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(sa.insert(db.SyntheticCertificate), rows)
    finally:
        engine.dispose()


def _cells(answer: dict[str, object], key: str) -> dict[str, dict[str, object]]:
    cells = answer[key]
    assert isinstance(cells, list)
    return {c["group"]: c for c in cells}


def test_cells_are_published_from_10_physicians_and_50_certificates(
    mirror_endpoint: LiveEndpoint, gp: Physician
) -> None:
    ep = mirror_endpoint
    # one real sciatica certificate (ICPC-2 L86, the sample) of the GP, region BE-VAN
    doc = samples.incapacity(
        id=str(uuid.uuid4()), begin=TODAY - timedelta(days=20), end=TODAY - timedelta(days=11)
    )
    ep.client(gp).submit(*gp.sign(doc))
    _add(ep.settings.db_url, "sciatica", physicians=9, certificates=49)  # + GP: 10 / 50
    _add(ep.settings.db_url, "depression", physicians=9, certificates=80)  # 9 physicians
    _add(ep.settings.db_url, "burnout", physicians=10, certificates=49)  # 49 certificates
    _add(ep.settings.db_url, "neck_pain", physicians=10, certificates=50)  # exactly at both
    _add(ep.settings.db_url, "sciatica", physicians=3, certificates=5, region="BE-BRU")

    answer = ep.client(gp).mirror(12)

    assert answer["region"] == "BE-VAN"  # the caller's region, from the registry
    assert answer["thresholds"] == {"physicians": 10, "certificates": 50}
    assert answer["includes_synthetic"] is True
    region = _cells(answer, "region_figures")
    assert region["sciatica"]["suppressed"] is False
    assert region["sciatica"]["certificates"] == 50
    assert region["sciatica"]["median_days"] == 10
    assert region["neck_pain"]["suppressed"] is False
    assert region["neck_pain"]["fit_note_share"] == 0.5
    assert region["depression"] == {"group": "depression", "suppressed": True}
    assert region["burnout"] == {"group": "burnout", "suppressed": True}
    national = _cells(answer, "national_figures")
    assert national["sciatica"]["certificates"] == 55  # BE-BRU's five count for Belgium
    assert national["all"]["certificates"] == 50 + 80 + 49 + 50 + 5
    # no identity of any kind in the answer
    text = json.dumps(answer)
    assert "SYN-" not in text and gp.riziv not in text and gp.niss not in text
    assert "physicians" not in json.dumps(answer["region_figures"])

    other = ep.client(gp).mirror(12, "BE-BRU")  # another region by name
    assert _cells(other, "region_figures")["sciatica"] == {
        "group": "sciatica",
        "suppressed": True,
    }


def test_mirror_is_for_treating_physicians_only(
    demo_pki: DemoPki, db_url: str, specialist: Physician
) -> None:
    registry = _registry("advising")
    with (
        running_endpoint(demo_pki, db_url=db_url, registry=registry) as ep,
        pytest.raises(EndpointRejected) as caught,
    ):
        ep.client(specialist).mirror(12)
    assert caught.value.code == "mirror.treating_only"


def test_the_synthetic_population_is_seeded_once_and_fills_the_demo_region(
    demo_pki: DemoPki, db_url: str, gp: Physician
) -> None:
    settings = {"registry": _registry(), "synthetic_population": True}
    with running_endpoint(demo_pki, db_url=db_url, **settings) as ep:
        answer = ep.client(gp).mirror(12)
    with running_endpoint(demo_pki, db_url=db_url, **settings):
        pass  # a second start over the same database adds nothing
    engine = db.make_engine(db_url)
    try:
        with engine.connect() as conn:
            count = conn.execute(sa.select(sa.func.count(db.SyntheticCertificate.id))).scalar()
            real = conn.execute(sa.select(sa.func.count(db.Document.id))).scalar()
    finally:
        engine.dispose()
    assert count == len(synthetic.population(date.today()))
    assert 2000 < count < 5000
    assert real == 0  # synthetic rows never become documents
    region = _cells(answer, "region_figures")
    assert region["sciatica"]["suppressed"] is False
    assert any(c["suppressed"] for c in region.values())  # rare groups stay hidden
