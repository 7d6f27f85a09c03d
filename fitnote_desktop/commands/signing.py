"""Signing commands: ``demo-pki``, ``token list``, ``sign``, ``verify``.

    fitnote-desktop demo-pki DIR [--softhsm] [--rsa] [--force]
    fitnote-desktop token list [--module LIB] [--json]
    fitnote-desktop sign DOCUMENT.json (--pkcs12 FILE | --module LIB --token LABEL)
                         -o ENVELOPE.json [--pin-file F]
    fitnote-desktop verify ENVELOPE.json --trust CA.pem [--json]

Exit codes: 0 success/valid, 1 signature invalid, 2 the command could not run (wrong PIN,
unknown token, missing module or file, wrong password...), always as one line on stderr.
The PIN is read without echo (getpass) when stdin is a terminal, else one line from stdin,
or from ``--pin-file`` for scripts; at the moment of signing, and not kept afterwards.
Heavy imports (pyHanko, python-pkcs11) happen inside the commands so that other
subcommands start fast.
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path

from fitnote_desktop.cli import (
    EXIT_INVALID,
    EXIT_OK,
    CommandError,
    cli_language,
    coded_error,
)
from fitnote_desktop.domain import messages


def default_eid_module_candidates(platform: str | None = None) -> list[str]:
    """Usual install locations of the Belgian eID PKCS#11 module on this platform.

    Thin re-export of ``fitnote_desktop.signing.pkcs11.default_eid_module_candidates`` (the
    settings dialog uses the same list).
    """
    from fitnote_desktop.signing.pkcs11 import default_eid_module_candidates as candidates

    return candidates(platform)


def payload_for_signing(path: Path) -> bytes:
    """The exact bytes that get signed for the document file at ``path``.

    The seam where domain canonicalisation will plug in; for now the JSON is re-serialised
    canonically (sorted keys, no whitespace, UTF-8), so that formatting of the input file
    does not change what is signed.
    """
    from fitnote_desktop.commands.validate import read_json

    obj = read_json(Path(path), "a JSON document")
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


# --------------------------------------------------------------------------- plumbing


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("demo-pki", help="create (or reuse) a demo PKI in a directory")
    p.add_argument("directory", type=Path, metavar="DIR", help="where to write keys and certs")
    p.add_argument("--softhsm", action="store_true", help="also load the keys into SoftHSM2 tokens")
    p.add_argument("--rsa", action="store_true", help="RSA-2048 instead of ECDSA P-384")
    p.add_argument("--force", action="store_true", help="regenerate even if one exists")
    p.set_defaults(func=run_demo_pki)

    t = sub.add_parser("token", help="PKCS#11 tokens (eID cards, SoftHSM2)")
    t_sub = t.add_subparsers(dest="token_command", metavar="TOKEN_COMMAND", required=True)
    tl = t_sub.add_parser("list", help="list tokens and their certificates (no PIN needed)")
    tl.add_argument("--module", metavar="LIB", help="PKCS#11 module (default: eID middleware)")
    tl.add_argument("--json", action="store_true", help="machine-readable output")
    tl.set_defaults(func=run_token_list)

    s = sub.add_parser("sign", help="sign a document into an envelope (CAdES-BES)")
    s.add_argument("document", type=Path, metavar="DOCUMENT.json")
    key = s.add_mutually_exclusive_group(required=True)
    key.add_argument("--pkcs12", type=Path, metavar="FILE", help="signature key file")
    key.add_argument("--module", metavar="LIB", help="PKCS#11 module of the card/token")
    s.add_argument("--token", metavar="LABEL", help="token label (with --module)")
    s.add_argument("--key-label", default="Signature", help="key label on the token")
    s.add_argument("-o", "--output", type=Path, required=True, metavar="ENVELOPE.json")
    s.add_argument("--pin-file", type=Path, metavar="F", help="read the PIN/password from a file")
    s.set_defaults(func=run_sign)

    v = sub.add_parser("verify", help="verify a signed envelope")
    v.add_argument("envelope", type=Path, metavar="ENVELOPE.json")
    v.add_argument(
        "--trust",
        type=Path,
        action="append",
        required=True,
        metavar="CA.pem",
        help="trusted root certificate(s); repeatable, PEM bundles allowed",
    )
    v.add_argument("--json", action="store_true", help="machine-readable result")
    v.set_defaults(func=run_verify)


def _quiet_libraries(args: argparse.Namespace) -> None:
    """pyHanko logs validation failures as warnings with tracebacks; the result already
    says what failed, so keep them out of the CLI unless ``--verbose``."""
    if not getattr(args, "verbose", False):
        for name in ("pyhanko", "pyhanko_certvalidator"):
            logging.getLogger(name).setLevel(logging.CRITICAL)


# --------------------------------------------------------------------------- demo-pki


def run_demo_pki(args: argparse.Namespace) -> int:
    from fitnote_desktop.demo.pki import create_demo_pki

    try:
        pki = create_demo_pki(
            args.directory, algorithm="rsa-2048" if args.rsa else "ecdsa-p384", force=args.force
        )
    except (ValueError, OSError) as exc:
        raise CommandError(str(exc)) from None
    print(f"demo PKI ({pki.algorithm}) in {pki.directory}")
    print(f"  password (demo only): {pki.password}")
    print(f"  citizen root (trust for signatures): {pki.root_ca_pem}")
    print(f"  endpoint CA (pin for TLS, receipts):  {pki.endpoint_ca_pem}")
    for person in pki.physicians.values():
        print(
            f"  {person.display_name} ({person.niss}): {person.signature_p12.name}, "
            f"{person.authentication_p12.name}"
        )
    if args.softhsm:
        from fitnote_desktop.demo.softhsm import SoftHsmUnavailable, load_demo_pki_into_softhsm

        try:
            token = load_demo_pki_into_softhsm(pki, pki.directory / "softhsm")
        except (SoftHsmUnavailable, RuntimeError, OSError) as exc:
            raise CommandError(f"SoftHSM2: {exc}") from None
        print(f"SoftHSM2 tokens (PIN {token.pin}), module {token.module_path}:")
        for label in token.labels.values():
            print(f"  {label}")
        print(f"set this before using them:  export SOFTHSM2_CONF={token.conf_path}")
    return EXIT_OK


# --------------------------------------------------------------------------- token list


def _resolve_module(module: str | None) -> str:
    if module:
        return module
    from fitnote_desktop.signing.pkcs11 import find_eid_module

    found = find_eid_module()
    if found is None:
        raise CommandError(
            "no eID middleware (PKCS#11 module) found; install it or pass --module LIB"
        )
    return found


def run_token_list(args: argparse.Namespace) -> int:
    from fitnote_desktop.signing.errors import SigningError
    from fitnote_desktop.signing.pkcs11 import list_tokens

    module = _resolve_module(args.module)
    try:
        tokens = list_tokens(module)
    except SigningError as exc:
        raise coded_error(exc) from None
    if args.json:
        out = [
            {
                "slot": t.slot_id,
                "label": t.label,
                "serial": t.serial,
                "manufacturer": t.manufacturer,
                "model": t.model,
                "pin_locked": t.pin_locked,
                "certificates": [
                    {
                        "label": c.label,
                        "subject": c.subject,
                        "key_usage": list(c.key_usage),
                        "niss": c.niss,
                        "ca": c.is_ca,
                    }
                    for c in t.certificates
                ],
            }
            for t in tokens
        ]
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    if not tokens:
        print(f"no token present ({module})")
        return EXIT_OK
    for t in tokens:
        locked = "  [PIN LOCKED]" if t.pin_locked else ""
        print(f"slot {t.slot_id}: {t.label!r} serial {t.serial} ({t.manufacturer}){locked}")
        for c in t.certificates:
            usage = ", ".join(c.key_usage) or "-"
            print(f"  {c.label:<15} {c.common_name}  [{usage}]")
    return EXIT_OK


# --------------------------------------------------------------------------- sign


def _pin_callback(args: argparse.Namespace) -> Callable[[str], str | None]:
    """PIN source for ``sign``: --pin-file, the demo manifest, or a no-echo prompt.

    Each call reads afresh; nothing is cached between calls.
    """
    pin_file: Path | None = args.pin_file
    pkcs12: Path | None = args.pkcs12

    def ask(purpose: str) -> str | None:
        if pin_file is not None:
            try:
                text = pin_file.read_text(encoding="utf-8")
            except OSError as exc:
                raise CommandError(f"cannot read {pin_file}: {exc.strerror or exc}") from None
            return text.rstrip("\r\n")
        if pkcs12 is not None:
            from fitnote_desktop.demo.pki import find_manifest_password

            demo_password = find_manifest_password(pkcs12)
            if demo_password is not None:
                return demo_password
            prompt = f"Password of {pkcs12.name}: "
        else:
            prompt = f"PIN ({purpose} key): "
        if not sys.stdin.isatty():
            # Scripted use (``... | fitnote-desktop sign``): one line from stdin.
            line = sys.stdin.readline()
            return line.rstrip("\r\n") if line else None
        try:
            return getpass.getpass(prompt)
        except EOFError:
            return None

    return ask


def run_sign(args: argparse.Namespace) -> int:
    from fitnote_desktop.signing import SignerConfig, SigningError, open_signer
    from fitnote_desktop.signing.envelope import dump_envelope
    from fitnote_desktop.signing.verify import certificate_niss

    _quiet_libraries(args)
    payload = payload_for_signing(args.document)
    if args.pkcs12 is not None:
        if args.token:
            raise CommandError("--token goes with --module, not with --pkcs12")
        config = SignerConfig(kind="pkcs12", pkcs12_path=args.pkcs12)
    else:
        config = SignerConfig(
            kind="pkcs11",
            module_path=_resolve_module(args.module),
            token_label=args.token,
            signature_key_label=args.key_label,
        )
    try:
        session = open_signer(config, _pin_callback(args))
        try:
            cms_der = session.document_signer.sign_detached(payload)
            cert = session.document_signer.signing_certificate
        finally:
            session.close()
    except SigningError as exc:
        raise coded_error(exc) from None
    try:
        args.output.write_bytes(dump_envelope(payload, cms_der))
    except OSError as exc:
        raise CommandError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    name = cert.subject.native.get("common_name", cert.subject.human_friendly)
    print(f"signed by {name} (NISS {certificate_niss(cert) or '-'}) -> {args.output}")
    return EXIT_OK


# --------------------------------------------------------------------------- verify


def run_verify(args: argparse.Namespace) -> int:
    from fitnote_desktop.commands.validate import parse_json, read_input
    from fitnote_desktop.signing.certificates import load_certificates
    from fitnote_desktop.signing.envelope import EnvelopeError, parse_envelope
    from fitnote_desktop.signing.verify import verify_detached

    _quiet_libraries(args)
    roots = []
    for path in args.trust:
        try:
            roots.extend(load_certificates(path))
        except OSError as exc:
            raise CommandError(f"cannot read {path}: {exc.strerror or exc}") from None
        except ValueError:
            raise CommandError(f"{path}: no certificate in it") from None
    raw = read_input(args.envelope)
    try:
        try:
            envelope = parse_json(raw)
        except ValueError:
            raise EnvelopeError("The envelope is not valid JSON.") from None
        payload, cms_der = parse_envelope(envelope)
    except EnvelopeError as exc:
        if args.json:
            json.dump({"valid": False, "code": exc.code, "codes": [exc.code]}, sys.stdout)
            sys.stdout.write("\n")
        else:
            print(f"invalid: {messages.message(exc.code, cli_language())} [{exc.code}]")
        return EXIT_INVALID
    result = verify_detached(payload, cms_der, roots)
    if args.json:
        json.dump(result.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif result.valid:
        when = result.signing_time.isoformat() if result.signing_time else "unknown time"
        cert = result.signer_certificate
        name = cert.subject.native.get("common_name") if cert is not None else None
        print(
            f"valid: signed by {name or result.signer_subject} (NISS {result.signer_niss}) "
            f"at {when}"
        )
    else:
        code = result.code or "signature.invalid"
        print(f"invalid: {messages.message(code, cli_language())} [{code}]")
        if len(result.codes) > 1:
            print(f"  all problems: {', '.join(result.codes)}")
    return EXIT_OK if result.valid else EXIT_INVALID
