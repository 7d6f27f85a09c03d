"""``fitnote-desktop validate FILE.json``: check a document against the domain rules.

Also the one reader of the JSON files every command takes (documents for ``validate``,
``sign``, ``pdf``, ``export-kmehr``; envelopes for ``send`` and ``verify``): a file
larger than the endpoint accepts, or nested deeper than any document is, is unreadable
input (one line, exit 2) before a parser or a recursive decoder can exhaust memory or
the stack on it.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from fitnote_desktop.cli import EXIT_INVALID, EXIT_OK, CommandError
from fitnote_desktop.domain import canonical, messages
from fitnote_desktop.domain.findings import has_errors
from fitnote_desktop.domain.model import LANGUAGES, Document
from fitnote_desktop.domain.validation import validate


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("validate", help="check a fitnote/1 document against the rules")
    p.add_argument("file", type=Path, help="fitnote/1 JSON document")
    p.add_argument("--lang", choices=LANGUAGES, default="en", help="language of the messages")
    p.add_argument("--json", action="store_true", help="machine-readable findings")
    p.add_argument("--today", type=date.fromisoformat, help="check as of this date (ISO)")
    p.set_defaults(func=run)


# The endpoint's request limit (``EndpointSettings.max_body_bytes``): what it would
# refuse is not worth reading here either.
MAX_INPUT_BYTES = 256 * 1024
# A fitnote/1 document is six levels deep; an envelope one.
MAX_JSON_DEPTH = 32


def read_input(path: Path) -> bytes:
    """The bytes of an input file, reading no more than ``MAX_INPUT_BYTES`` (+1) of it."""
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_INPUT_BYTES + 1)
    except OSError as exc:
        raise CommandError(f"cannot read {path}: {exc.strerror or exc}") from None
    if len(raw) > MAX_INPUT_BYTES:
        raise CommandError(f"{path}: unreadable input: larger than {MAX_INPUT_BYTES // 1024} KiB")
    return raw


def parse_json(raw: bytes) -> Any:
    """UTF-8 JSON at most ``MAX_JSON_DEPTH`` levels deep; ``ValueError`` saying why not.

    The C parser gives up on very deep input with ``RecursionError``; the depth bound
    also keeps what it did parse away from the recursive decoders behind it.
    """
    too_deep = f"nested more than {MAX_JSON_DEPTH} levels deep"
    try:
        value = json.loads(raw.decode("utf-8"))
    except RecursionError:
        raise ValueError(too_deep) from None
    except ValueError:  # JSONDecodeError and UnicodeDecodeError
        raise ValueError("not UTF-8 JSON") from None
    if _depth_exceeds(value, MAX_JSON_DEPTH):
        raise ValueError(too_deep)
    return value


def _depth_exceeds(value: Any, limit: int) -> bool:
    """Whether arrays and objects nest more than ``limit`` levels (iterative: no stack)."""
    pending: list[tuple[Any, int]] = [(value, 1)]
    while pending:
        item, level = pending.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if level > limit:
            return True
        pending.extend((child, level + 1) for child in children)
    return False


def read_json(path: Path, what: str) -> Any:
    """The JSON value of an input file; unreadable input is a one-line ``CommandError``."""
    raw = read_input(path)
    try:
        return parse_json(raw)
    except ValueError as exc:
        raise CommandError(f"{path}: not {what}: {exc}") from None


def load_document(path: Path) -> Document:
    """Read a document file; every failure becomes a one-line ``CommandError``."""
    data = read_json(path, "a valid fitnote/1 document")
    try:
        return canonical.from_dict(data)
    except canonical.CanonicalError as exc:
        raise CommandError(f"{path}: not a valid fitnote/1 document: {exc}") from None


def run(args: argparse.Namespace) -> int:
    doc = load_document(args.file)
    findings = validate(doc, today=args.today or date.today())
    invalid = has_errors(findings)
    if args.json:
        out = {
            "valid": not invalid,
            "findings": [
                {**f.as_dict(), "message": messages.render(f, args.lang)} for f in findings
            ],
        }
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for f in findings:
            severity = messages.message(f"severity.{f.severity.value}", args.lang)
            print(f"{severity}: {f.field}: {messages.render(f, args.lang)} [{f.code}]")
        if not findings:
            print(messages.message("validate.ok", args.lang))
    return EXIT_INVALID if invalid else EXIT_OK
