"""``fitnote-desktop pdf``: print one recipient's copy of a document, optionally signed.

    fitnote-desktop pdf DOCUMENT.json --recipient R [--lang L] -o OUT.pdf [--draft]
                        [--endpoint URL] [--previous PREVIOUS.json [--previous-reference REF]]
                        [--sign (--pkcs12 FILE | --module LIB --token LABEL)
                         [--password-file F]]

R is advising-physician, occupational-physician, employer or patient; L is nl, fr, de,
en or nl+fr (two columns). Without ``--lang`` the copy takes its usual language: the
employer's (NL+FR when unknown) for the employer, the document's for the others.
``--endpoint`` is the endpoint the document is sent to: the QR code then leads to its
verification page (without it the QR code carries the reference only).
``--previous`` is the document a prolongation or replacement follows: the copy then
says what its reader sees changed since it ("Changes since REF: period, ...", the
employer never reading of a diagnosis); REF is ``--previous-reference`` when given (the
reference printed on that document's copies), else computed from PREVIOUS.json.
``--sign`` adds a PAdES-B-B signature with the physician's signature key; the password
or PIN is asked like ``fitnote-desktop sign`` does (``--password-file`` for scripts).
Exit codes: 0 written, 2 the command could not run (bad input, wrong password, draft
asked to be signed...), as one line on stderr.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from fitnote_desktop.cli import EXIT_OK, CommandError, coded_error

if TYPE_CHECKING:
    from fitnote_desktop.domain.model import Document
    from fitnote_desktop.signing import SignerConfig

RECIPIENTS = ("advising-physician", "occupational-physician", "employer", "patient")
LANGUAGES = ("nl", "fr", "de", "en", "nl+fr")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "pdf",
        help="print a recipient's copy of a document as PDF (optionally PAdES-signed)",
        description="Print one recipient's copy of a fitnote/1 document as an A4 PDF.",
    )
    p.add_argument("document", type=Path, metavar="DOCUMENT.json", help="fitnote/1 JSON document")
    p.add_argument("--recipient", "-r", required=True, choices=RECIPIENTS, help="whose copy")
    p.add_argument(
        "--lang", choices=LANGUAGES, help="language of the copy (default: the usual one)"
    )
    p.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.pdf")
    p.add_argument(
        "--draft", action="store_true", help="watermarked draft (never signed, no QR code)"
    )
    p.add_argument(
        "--reference", metavar="REF", help="print this reference instead of computing it"
    )
    p.add_argument(
        "--endpoint",
        metavar="URL",
        help="https://host:port of the endpoint: the QR code leads to its verification page",
    )
    p.add_argument(
        "--previous",
        type=Path,
        metavar="PREVIOUS.json",
        help="the document this one prolongs or replaces: print what changed since it",
    )
    p.add_argument(
        "--previous-reference", metavar="REF", help="the reference printed on the previous copy"
    )
    sign = p.add_argument_group("signature (PAdES-B-B)")
    sign.add_argument("--sign", action="store_true", help="sign the copy")
    key = sign.add_mutually_exclusive_group()
    key.add_argument("--pkcs12", type=Path, metavar="FILE", help="signature key file")
    key.add_argument("--module", metavar="LIB", help="PKCS#11 module of the card/token")
    sign.add_argument("--token", metavar="LABEL", help="token label (with --module)")
    sign.add_argument("--key-label", default="Signature", help="key label on the token")
    sign.add_argument(
        "--password-file",
        "--pin-file",
        dest="pin_file",
        type=Path,
        metavar="F",
        help="read the password/PIN from a file",
    )
    p.set_defaults(func=run)


def _signer_config(args: argparse.Namespace) -> SignerConfig:
    from fitnote_desktop.signing import SignerConfig

    if args.pkcs12 is not None:
        if args.token:
            raise CommandError("--token goes with --module, not with --pkcs12")
        if not args.pkcs12.is_file():
            raise CommandError(f"cannot read {args.pkcs12}: no such file")
        return SignerConfig(kind="pkcs12", pkcs12_path=args.pkcs12)
    if args.module is not None or args.token:
        from fitnote_desktop.commands.signing import _resolve_module

        return SignerConfig(
            kind="pkcs11",
            module_path=_resolve_module(args.module),
            token_label=args.token,
            signature_key_label=args.key_label,
        )
    raise CommandError("--sign needs a key: --pkcs12 FILE or --module LIB --token LABEL")


def run(args: argparse.Namespace) -> int:
    from fitnote_desktop.commands.validate import load_document

    if args.sign and args.draft:
        raise CommandError("a draft is never signed: drop --draft or --sign")
    if not args.sign and (args.pkcs12 or args.module or args.token):
        raise CommandError("--pkcs12/--module/--token need --sign")
    document = load_document(args.document)  # one-line CommandError on bad input
    previous = _previous(args, document)

    from fitnote_desktop.documents.copies import render_copy

    try:
        copy = render_copy(
            document,
            args.recipient,
            args.lang,
            draft=args.draft,
            reference=args.reference,
            verify_base_url=args.endpoint,
            previous=previous,
            previous_reference=args.previous_reference,
        )
    except ValueError as exc:
        raise CommandError(f"{args.document}: cannot print: {exc}") from None
    pdf = copy.pdf
    signed_by = ""
    if args.sign:
        pdf, signed_by = _sign(pdf, args)
    try:
        args.output.write_bytes(pdf)
    except OSError as exc:
        raise CommandError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    pages = f"{copy.pages} page{'s' if copy.pages != 1 else ''}"
    what = "draft" if args.draft else (f"signed by {signed_by}" if signed_by else "unsigned")
    print(f"{args.output}: {copy.recipient.value} copy, {copy.language}, {pages}, {what}")
    print(f"reference: {copy.reference}")
    return EXIT_OK


def _previous(args: argparse.Namespace, document: Document) -> Document | None:
    """``--previous``, refused unless ``document`` names it as what it follows."""
    from fitnote_desktop.commands.validate import load_document
    from fitnote_desktop.domain.changes import followed_reference
    from fitnote_desktop.domain.reference import parse_reference

    if args.previous is None:
        if args.previous_reference:
            raise CommandError("--previous-reference goes with --previous")
        return None
    previous = load_document(args.previous)
    try:
        follows = parse_reference(followed_reference(document), require_hash=False).id
    except ValueError:
        follows = None
    if follows != previous.id:
        raise CommandError(
            f"{args.document} does not prolong or replace {args.previous} (another document id)"
        )
    return previous


def _sign(pdf: bytes, args: argparse.Namespace) -> tuple[bytes, str]:
    from fitnote_desktop.commands.signing import _pin_callback, _quiet_libraries
    from fitnote_desktop.documents.pades import PdfSigningError, sign_pdf, signer_name
    from fitnote_desktop.signing import SigningError, open_signer

    _quiet_libraries(args)
    config = _signer_config(args)
    try:
        session = open_signer(config, _pin_callback(args))
        try:
            signer = session.document_signer.pdf_signer()
            signed = sign_pdf(pdf, signer)
            name = signer_name(signer)
        finally:
            session.close()
    except SigningError as exc:
        raise coded_error(exc) from None
    except PdfSigningError as exc:
        raise coded_error(exc) from None
    return signed, name
