"""The canonical form is what gets signed: it must round-trip exactly and never drift."""

import json
import uuid
from dataclasses import replace
from pathlib import Path

import pytest
from doc_strategies import documents
from hypothesis import given, settings

from fitnote_desktop.domain import canonical, samples

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"


@pytest.mark.parametrize("name", sorted(samples.all_samples()))
def test_examples_are_the_golden_canonical_bytes(name: str) -> None:
    """Byte stability: a change to the model or encoder that alters signed bytes fails here."""
    doc = samples.all_samples()[name]
    golden = (EXAMPLES / f"{name}.json").read_bytes()
    assert canonical.canonical_bytes(doc) == golden
    assert canonical.document_from_bytes(golden) == doc
    assert canonical.is_canonical(golden)


def test_canonical_bytes_are_sorted_compact_utf8() -> None:
    raw = canonical.canonical_bytes(samples.incapacity())
    text = raw.decode("utf-8")
    assert "Émilie" in text  # not \\u-escaped
    obj = json.loads(text)
    assert list(obj) == sorted(obj)
    assert json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False) == text
    assert obj["schema"] == "fitnote/1" and obj["kind"] == "incapacity"
    uuid.UUID(obj["id"])


def test_reformatted_json_is_not_canonical_but_decodes_to_the_same_document() -> None:
    doc = samples.incapacity()
    pretty = json.dumps(canonical.to_dict(doc), indent=2).encode()
    assert not canonical.is_canonical(pretty)
    assert canonical.document_from_bytes(pretty) == doc


@given(documents())
@settings(max_examples=60)
def test_round_trip_is_exact(doc: canonical.Document) -> None:
    raw = canonical.canonical_bytes(doc)
    again = canonical.document_from_bytes(raw)
    assert again == doc
    assert canonical.canonical_bytes(again) == raw


@pytest.mark.parametrize(
    ("mutate", "path"),
    [
        (lambda d: d.update(schema="fitnote/2"), "schema"),
        (lambda d: d.update(kind="prescription"), "kind"),
        (lambda d: d["body"]["period"].update(begin="16/11/2026"), "body.period.begin"),
        (lambda d: d["body"].update(reason="boredom"), "body.reason"),
        (lambda d: d["patient"].update(blood_type="A+"), "patient.<unknown field>"),
        (lambda d: d["patient"].pop("niss"), "patient.niss"),
        (
            lambda d: d["body"]["fit_note"]["capacities"][0].update(qualifier="2"),
            "body.fit_note.capacities[0].qualifier",
        ),
        (lambda d: d.update(id="not-a-uuid"), "id"),
        (lambda d: d["consent"].update(electronic_sending="yes"), "consent.electronic_sending"),
    ],
)
def test_malformed_documents_name_the_field(mutate, path: str) -> None:
    data = canonical.to_dict(samples.incapacity())
    mutate(data)
    with pytest.raises(canonical.CanonicalError) as err:
        canonical.from_dict(data)
    assert err.value.path == path


def test_error_messages_do_not_echo_values() -> None:
    data = canonical.to_dict(samples.incapacity())
    data["patient"]["niss"] = 85073003229  # wrong type: the value must not be shown
    with pytest.raises(canonical.CanonicalError) as err:
        canonical.from_dict(data)
    assert "85073003229" not in str(err.value)


def test_not_json_is_reported() -> None:
    with pytest.raises(canonical.CanonicalError):
        canonical.document_from_bytes(b"\xff\xfe not json")


def test_decimal_hours_survive_as_strings() -> None:
    doc = samples.partial_resumption_hours()
    obj = json.loads(canonical.canonical_bytes(doc))
    assert obj["body"]["hours_per_week"] == "19.5"
    assert canonical.from_dict(obj) == doc


def test_document_id_changes_the_bytes() -> None:
    doc = samples.incapacity()
    other = replace(doc, id=uuid.uuid4())
    assert canonical.canonical_bytes(doc) != canonical.canonical_bytes(other)
