"""The published JSON Schema and example files stay in sync with the model."""

import importlib.util
import json
from pathlib import Path

import jsonschema
import pytest

from fitnote_desktop.domain import canonical, samples

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_FILE = ROOT / "resources" / "schema" / "fitnote-1.schema.json"


def load_generator():
    spec = importlib.util.spec_from_file_location("gen", ROOT / "scripts" / "generate_resources.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_schema_file_matches_the_model() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == load_generator().schema_text(), (
        "run scripts/generate_resources.py after changing the model"
    )


def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("name", sorted(samples.all_samples()))
def test_examples_validate_against_the_schema(name: str) -> None:
    data = json.loads((ROOT / "resources" / "examples" / f"{name}.json").read_bytes())
    assert list(validator().iter_errors(data)) == []


def test_schema_rejects_what_the_decoder_rejects() -> None:
    v = validator()
    data = canonical.to_dict(samples.incapacity())
    data["body"]["reason"] = "boredom"
    assert list(v.iter_errors(data))
    data = canonical.to_dict(samples.incapacity())
    data["patient"]["blood_type"] = "A+"
    assert list(v.iter_errors(data))
    data = canonical.to_dict(samples.partial_resumption())
    data["body"]["hours_per_week"] = 19.5  # floats are never canonical
    assert list(v.iter_errors(data))
