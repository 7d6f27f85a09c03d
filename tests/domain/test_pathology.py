"""Pathology groups: the code-to-group mapping the duration guidance and mirror rely on."""

import pytest

from fitnote_desktop.domain.model import LANGUAGES, CodeSystem
from fitnote_desktop.domain.pathology import GROUPS, group_label, group_of


def test_about_twenty_groups_each_labelled_in_four_languages_with_codes() -> None:
    assert 18 <= len(GROUPS) <= 25
    for group_id, group in GROUPS.items():
        assert group.id == group_id
        assert all(group.label(lang).strip() for lang in LANGUAGES)
        assert group.icpc2 or group.icd10_prefixes


@pytest.mark.parametrize(
    ("system", "code", "expected"),
    [
        (CodeSystem.ICPC2, "L03", "low_back_pain"),
        (CodeSystem.ICPC2, "l86", "low_back_pain"),
        (CodeSystem.ICPC2, "L03.01", "low_back_pain"),  # national extension of the rubric
        (CodeSystem.ICPC2, "P76", "depression"),
        (CodeSystem.ICPC2, "P78", "burnout"),
        (CodeSystem.ICPC2, "R80", "influenza_like_illness"),
        (CodeSystem.ICPC2, "N93", "carpal_tunnel"),
        (CodeSystem.ICPC2, "K86", None),  # hypertension: no group
        (CodeSystem.ICD10, "M54.5", "low_back_pain"),
        (CodeSystem.ICD10, "M54.2", "neck_pain"),  # same three characters, other group
        (CodeSystem.ICD10, "M51.1", "low_back_pain"),
        (CodeSystem.ICD10, "F33.1", "depression"),
        (CodeSystem.ICD10, "F34.1", "depression"),
        (CodeSystem.ICD10, "F34.0", None),  # cyclothymia: only F34.1 is listed
        (CodeSystem.ICD10, "Z73.0", "burnout"),
        (CodeSystem.ICD10, "C50.9", "cancer_treatment"),
        (CodeSystem.ICD10, "O21.0", "pregnancy"),
        (CodeSystem.ICD10, "U07.1", "covid19"),
        (CodeSystem.ICD10, "S525", "wrist_forearm_fracture"),  # dot optional
        (CodeSystem.ICD10, "I10", None),
        ("ICPC", "L84", "low_back_pain"),  # KMEHR name of the system
        ("ICD", "G56.0", "carpal_tunnel"),
        (CodeSystem.SNOMED_CT, "279039007", None),
        (CodeSystem.ICPC2, "", None),
        (CodeSystem.ICPC2, "xyz", None),
    ],
)
def test_group_of(system: str, code: str, expected: str | None) -> None:
    assert group_of(system, code) == expected


def test_icd_longest_prefix_wins() -> None:
    # "C" (every malignant neoplasm) and "M54.5" vs "M54.2": a longer prefix always decides.
    assert group_of(CodeSystem.ICD10, "C") == "cancer_treatment"
    assert group_of(CodeSystem.ICD10, "M54") is None  # no group lists the bare M54


def test_every_listed_code_maps_back_to_its_own_group() -> None:
    for group_id, group in GROUPS.items():
        for code in group.icpc2:
            assert group_of(CodeSystem.ICPC2, code) == group_id
        for prefix in group.icd10_prefixes:
            assert group_of(CodeSystem.ICD10, prefix) == group_id


def test_group_label() -> None:
    assert group_label("low_back_pain", "nl") == "Lage rugpijn"
    assert group_label("low_back_pain", "fr") == "Lombalgie"
    with pytest.raises(KeyError):
        group_label("no_such_group", "nl")
    with pytest.raises(ValueError):
        group_label("low_back_pain", "xx")
