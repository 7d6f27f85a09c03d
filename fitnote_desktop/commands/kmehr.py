"""``fitnote-desktop export-kmehr`` and ``import-kmehr``: exchange certificates in KMEHR 1.42.

Export refuses an invalid document (exit 1 with the findings, as ``validate`` prints
them): a message that the domain rules refuse would be refused by eHealth too.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, date, datetime
from pathlib import Path

from fitnote_desktop.cli import EXIT_INVALID, EXIT_OK, CommandError, cli_language, coded_error
from fitnote_desktop.commands.validate import load_document
from fitnote_desktop.documents.kmehr import KmehrError, KmehrRecipient, export_kmehr, import_kmehr
from fitnote_desktop.domain import canonical, messages
from fitnote_desktop.domain.datasets import addressed_to
from fitnote_desktop.domain.findings import has_errors
from fitnote_desktop.domain.validation import validate


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("export-kmehr", help="write a certificate as a KMEHR 1.42 message")
    p.add_argument("file", type=Path, help="fitnote/1 JSON document (an incapacity certificate)")
    p.add_argument("--recipient", "-r", required=True, choices=[r.value for r in KmehrRecipient])
    p.add_argument("-o", "--output", type=Path, help="XML file (default: standard output)")
    p.add_argument("--today", type=date.fromisoformat, help="check the rules as of this date")
    p.set_defaults(func=run_export)

    p = sub.add_parser("import-kmehr", help="read a KMEHR incapacity notification")
    p.add_argument("file", type=Path, help="KMEHR XML message")
    p.add_argument("-o", "--output", type=Path, required=True, help="fitnote/1 JSON document")
    p.set_defaults(func=run_import)


def run_export(args: argparse.Namespace) -> int:
    doc = load_document(args.file)
    try:
        xml = export_kmehr(doc, args.recipient, now=datetime.now(UTC))
    except KmehrError as exc:
        raise coded_error(exc, about=str(args.file)) from None
    # an export is a sending to that recipient: the rules for it hold
    addressed = addressed_to(doc, KmehrRecipient(args.recipient).dataset)
    findings = validate(addressed, today=args.today or date.today())
    if has_errors(findings):
        lang = cli_language()
        for f in findings:
            severity = messages.message(f"severity.{f.severity.value}", lang)
            print(f"{severity}: {f.field}: {messages.render(f, lang)} [{f.code}]", file=sys.stderr)
        return EXIT_INVALID
    fit = doc.fit_note
    if fit is not None and fit.capacities:
        print(
            "fitnote-desktop: note: the fit-note's ICF capacities are not part of a KMEHR "
            "incapacity message (they travel through the endpoint only)",
            file=sys.stderr,
        )
    _write(args.output, xml)
    return EXIT_OK


def run_import(args: argparse.Namespace) -> int:
    try:
        raw = args.file.read_bytes()
    except OSError as exc:
        raise CommandError(f"cannot read {args.file}: {exc.strerror or exc}") from None
    try:
        doc = import_kmehr(raw)
    except KmehrError as exc:
        raise coded_error(exc, about=str(args.file)) from None
    _write(args.output, canonical.canonical_bytes(doc))
    return EXIT_OK


def _write(path: Path | None, data: bytes) -> None:
    if path is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise CommandError(f"cannot write {path}: {exc.strerror or exc}") from None
