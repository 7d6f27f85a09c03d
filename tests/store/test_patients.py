"""Patients: accent/case-insensitive search, NISS search, recent first, duplicates."""

from __future__ import annotations

import uuid

import pytest

from fitnote_desktop.store.errors import PatientExistsError, RecordNotFoundError
from fitnote_desktop.store.patients import fold, normalize_niss


def test_fold_and_niss_normalisation() -> None:
    assert fold("Émilie Vanderbeke-Dubois") == "emilie vanderbeke dubois"
    assert fold("  ÇA Straße  ") == "ca strasse"
    assert normalize_niss("85.07.30-032.29") == "85073003229"
    assert normalize_niss(" ") is None


@pytest.fixture
def people(profile):  # type: ignore[no-untyped-def]
    repo = profile.patients
    emilie = repo.create(
        given_name="Émilie", family_name="Vanderbeke-Dubois", niss="85.07.30-032.29", language="nl"
    )
    jan = repo.create(given_name="Jan", family_name="Janssens", niss="72010103794")
    zoe = repo.create(given_name="Zoë", family_name="D'Hondt", language="fr")
    return repo, emilie, jan, zoe


@pytest.mark.parametrize(
    "query",
    ["vanderbeke", "VANDERBEKE-DUB", "émi", "emilie dubois", "Dubois Émilie", "beke"],
)
def test_search_by_name_fragment_ignores_case_and_accents(people, query: str) -> None:  # type: ignore[no-untyped-def]
    repo, emilie, *_ = people
    assert [p.id for p in repo.search(query)] == [emilie.id]


def test_search_by_niss_prefix_and_special_characters(people) -> None:  # type: ignore[no-untyped-def]
    repo, emilie, jan, zoe = people
    assert [p.id for p in repo.search("85.07.30")] == [emilie.id]
    assert [p.id for p in repo.search("7201")] == [jan.id]
    assert [p.id for p in repo.search("d'hondt")] == [zoe.id]
    assert [p.id for p in repo.search("zoe")] == [zoe.id]
    assert repo.search("%") == [] and repo.search("_") == []
    assert repo.search("nobody") == []
    assert repo.find_by_niss("85073003229").id == emilie.id  # type: ignore[union-attr]


def test_recent_first_and_touch(people) -> None:  # type: ignore[no-untyped-def]
    repo, emilie, jan, zoe = people
    assert [p.id for p in repo.recent()] == [zoe.id, jan.id, emilie.id]
    repo.touch(emilie.id)
    assert [p.id for p in repo.recent()] == [emilie.id, zoe.id, jan.id]
    assert [p.id for p in repo.search("j")] == [jan.id]  # "jan janssens" only
    assert [p.id for p in repo.search("")][:1] == [emilie.id]


def test_duplicate_niss_refused(people) -> None:  # type: ignore[no-untyped-def]
    repo, _emilie, jan, _ = people
    with pytest.raises(PatientExistsError) as err:
        repo.create(given_name="Other", family_name="Person", niss="85073003229")
    assert err.value.code == "store.patient_exists"
    assert "85073003229" not in str(err.value)
    with pytest.raises(PatientExistsError):
        repo.update(jan.id, niss="85 07 30 032 29")


def test_update_recomputes_search_key(people) -> None:  # type: ignore[no-untyped-def]
    repo, emilie, *_ = people
    updated = repo.update(emilie.id, family_name="Peeters", data={"phone": "+32"})
    assert updated.family_name == "Peeters" and updated.given_name == "Émilie"
    assert updated.data == {"phone": "+32"} and updated.niss == "85073003229"
    assert repo.search("vanderbeke") == []
    assert [p.id for p in repo.search("emilie peeters")] == [emilie.id]
    assert "Émilie" not in repr(updated)


def test_unknown_patient(profile) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(RecordNotFoundError) as err:
        profile.patients.get(uuid.uuid4())
    assert err.value.code == "store.not_found"
