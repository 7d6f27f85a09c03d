"""``fitnote-desktop verify-copy REFERENCE``: ask the endpoint whether a paper copy stands.

    fitnote-desktop verify-copy REFERENCE [--endpoint URL] [--ca CA.pem | --demo-pki DIR]
                                [--lang nl|fr|de|en] [--json] [--timeout S]

REFERENCE is what the copy prints (``<uuid> · <8 hex>``, typed as people type it) or the
address its QR code carries (then ``--endpoint`` may be left out). The command reads the
JSON twin of the endpoint's public verification page (no login) and prints one line per
fact, in the same words as the page. TLS is verified as for ``send``: ``--ca``, the demo
PKI's endpoint CA, or the system store; ``http://`` is refused.

Exit codes: 0 the certificate exists and stands; 1 it was retracted or replaced, or no
certificate has this reference; 2 the reference is unreadable or the endpoint cannot be
reached (one line on stderr).
"""

from __future__ import annotations

import argparse
import json
import ssl
from pathlib import Path

from fitnote_desktop.cli import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_UNREADABLE,
    CommandError,
    cli_language,
)
from fitnote_desktop.domain.messages import message
from fitnote_desktop.domain.model import LANGUAGES
from fitnote_desktop.domain.reference import VERIFY_PATH, parse_reference, url_token


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "verify-copy",
        help="check a printed copy's reference at the endpoint's verification page",
    )
    p.add_argument("reference", metavar="REFERENCE", help="as printed, or the QR code's address")
    p.add_argument("--endpoint", metavar="URL", help="https://host:port of the endpoint")
    trust = p.add_mutually_exclusive_group()
    trust.add_argument("--ca", type=Path, metavar="CA.pem", help="CA bundle for TLS")
    trust.add_argument(
        "--demo-pki", type=Path, metavar="DIR", help="trust the demo PKI's endpoint CA"
    )
    p.add_argument(
        "--lang", choices=LANGUAGES, help="language of the lines (default: FITNOTE_LANG / LANG)"
    )
    p.add_argument("--json", action="store_true", help="the endpoint's answer as JSON")
    p.add_argument("--timeout", type=float, default=15.0, help="seconds (default 15)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from fitnote_desktop.endpoint.verification import Status, Verification

    lang = args.lang or cli_language()
    try:
        reference = parse_reference(args.reference)
    except ValueError:
        raise CommandError(message("verify_copy.unreadable", lang)) from None
    assert reference.short_hash is not None  # parse_reference requires the hash
    base = _endpoint(args, lang)
    address = f"{base}{VERIFY_PATH}/{url_token(reference.id, reference.short_hash)}"
    status, body = _get(address, _ca_bundle(args), args.timeout, lang)
    if status == 429:
        raise CommandError(message("verify_copy.busy", lang))
    try:
        if status not in (200, 404):
            raise ValueError(status)
        answer = Verification.from_json(json.loads(body))
    except ValueError:
        raise CommandError(message("verify_copy.bad_answer", lang, status=status)) from None
    if args.json:
        print(json.dumps(answer.as_json(), ensure_ascii=False, indent=2))
    else:
        print(answer.headline(lang))
        for name, value in answer.facts(lang):
            print(f"{name}: {value}")
    return EXIT_OK if answer.status is Status.VALID else EXIT_INVALID


def _endpoint(args: argparse.Namespace, lang: str) -> str:
    """``--endpoint``, else the origin (and mount path) of a scanned QR address."""
    from urllib.parse import urlsplit

    base: str | None = args.endpoint
    if base is None:
        parts = urlsplit(args.reference.strip())
        if not parts.scheme:
            raise CommandError(message("verify_copy.need_endpoint", lang))
        mount = parts.path.rstrip("/").rpartition("/")[0].removesuffix(VERIFY_PATH)
        base = f"{parts.scheme}://{parts.netloc}{mount}"
    if not base.lower().startswith("https://"):
        raise CommandError(message("verify_copy.https_only", lang))
    return base.rstrip("/")


def _ca_bundle(args: argparse.Namespace) -> Path | None:
    if args.demo_pki is None:
        ca: Path | None = args.ca
        return ca
    from fitnote_desktop.demo.pki import read_manifest

    try:
        return read_manifest(args.demo_pki).endpoint_ca_pem
    except (OSError, ValueError, KeyError) as exc:
        raise CommandError(f"{args.demo_pki}: not a demo PKI ({exc})") from None


def _get(address: str, ca_bundle: Path | None, timeout: float, lang: str) -> tuple[int, bytes]:
    """GET the page's JSON twin over verified TLS; unreachable is exit 2, one line."""
    import httpx

    from fitnote_desktop.transport.client import build_ssl_context

    try:
        context = build_ssl_context(ca_bundle)
    except (OSError, ssl.SSLError) as exc:
        raise CommandError(f"cannot read {ca_bundle}: {exc}", EXIT_UNREADABLE) from None
    headers = {"Accept": "application/json", "Accept-Language": lang}
    try:
        with httpx.Client(verify=context, timeout=timeout, follow_redirects=False) as http:
            response = http.get(address, headers=headers)
    except httpx.HTTPError as exc:
        reason = _reason(exc)
        raise CommandError(message("verify_copy.unreachable", lang, reason=reason)) from None
    return response.status_code, response.content


def _reason(exc: Exception) -> str:
    """A short technical cause (TLS, refused, timeout) without echoing any content."""
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, ssl.SSLCertVerificationError):
            return "TLS certificate not trusted"
        cause = cause.__cause__ or cause.__context__
    return type(exc).__name__
