"""Documents stored or signed before the issue-12 model change stay readable.

The files in ``legacy/`` are the example documents exactly as the previous model wrote
them (list ``incapacity_for``, ``employee``, reason ``hospitalisation`` with its period,
diagnoses without a principal mark). Their bytes never change; the decoder upgrades them.
"""

import json
from datetime import date
from pathlib import Path

import pytest

from fitnote_desktop.domain import canonical, samples
from fitnote_desktop.domain.model import (
    EmploymentSituation,
    HospitalStay,
    IncapacityCertificate,
    IncapacityFor,
    IncapacityReason,
)

LEGACY = Path(__file__).parent / "legacy"


def _legacy(name: str) -> bytes:
    return (LEGACY / f"{name}.json").read_bytes()


def test_old_prolongation_becomes_illness_with_a_hospital_stay() -> None:
    doc = canonical.document_from_bytes(_legacy("incapacity-prolongation"))
    body = doc.body
    assert isinstance(body, IncapacityCertificate)
    assert body.reason is IncapacityReason.ILLNESS
    assert body.hospital_stay == HospitalStay(date(2026, 11, 30), date(2026, 12, 2))
    assert body.incapacity_for is IncapacityFor.WORK
    assert body.diagnoses[0].principal
    assert doc.employment is not None
    assert doc.employment.situation is EmploymentSituation.EMPLOYED


@pytest.mark.parametrize("name", ["incapacity-initial", "invalidity-recognition"])
def test_old_documents_decode_to_todays_sample_but_for_new_fields(name: str) -> None:
    """Apart from the fields the old model lacked, the old bytes hold today's sample."""
    old = canonical.to_dict(canonical.document_from_bytes(_legacy(name)))
    new = canonical.to_dict(samples.all_samples()[name])
    assert old["body"]["diagnoses"] == new["body"]["diagnoses"]
    assert old["employment"] == new["employment"]
    assert old["body"].get("incapacity_for") == new["body"].get("incapacity_for")


def test_upgrade_maps_swimming_and_takes_the_first_value() -> None:
    data = json.loads(_legacy("incapacity-initial"))
    data["body"]["incapacity_for"] = ["swimming", "school"]
    body = canonical.from_dict(data).body
    assert isinstance(body, IncapacityCertificate)
    assert body.incapacity_for is IncapacityFor.SWIM


def test_upgrade_is_pure_and_leaves_current_documents_alone() -> None:
    data = json.loads(_legacy("incapacity-prolongation"))
    before = json.dumps(data, sort_keys=True)
    canonical.upgrade_legacy(data)
    assert json.dumps(data, sort_keys=True) == before
    current = canonical.to_dict(samples.prolongation())
    assert canonical.upgrade_legacy(current) == current


def test_legacy_bytes_are_not_rewritten() -> None:
    """A signed legacy payload is kept as is: it is not the canonical form of the new model."""
    raw = _legacy("incapacity-prolongation")
    assert not canonical.is_canonical(raw)
    assert canonical.document_from_bytes(raw).id == samples.prolongation().id
