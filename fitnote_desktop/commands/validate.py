"""``fitnote-desktop validate FILE.json``: check a document against the domain rules."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

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


def load_document(path: Path) -> Document:
    """Read a document file; every failure becomes a one-line ``CommandError``."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CommandError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        return canonical.document_from_bytes(raw)
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
