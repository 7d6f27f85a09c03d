"""Regenerate the derived files in resources/: example documents and the JSON Schema.

Both are generated from the domain (samples and model type hints); tests fail when the
committed files drift from what this script writes, so run it after changing the model:

    .venv/bin/python scripts/generate_resources.py
"""

from __future__ import annotations

import json
from pathlib import Path

from fitnote_desktop.domain import canonical, samples

ROOT = Path(__file__).resolve().parent.parent


def schema_text() -> str:
    return json.dumps(canonical.json_schema(), indent=2, ensure_ascii=False) + "\n"


def main() -> None:
    examples = ROOT / "resources" / "examples"
    examples.mkdir(parents=True, exist_ok=True)
    for name, doc in samples.all_samples().items():
        (examples / f"{name}.json").write_bytes(canonical.canonical_bytes(doc))
    schema_dir = ROOT / "resources" / "schema"
    schema_dir.mkdir(parents=True, exist_ok=True)
    (schema_dir / "fitnote-1.schema.json").write_text(schema_text(), encoding="utf-8")
    print(f"wrote {len(samples.all_samples())} examples and the schema")


if __name__ == "__main__":
    main()
