"""Sending commands: ``send``, ``status``, ``retract``, ``outbox``.

    fitnote-desktop send ENVELOPE.json --endpoint URL (--demo-pki DIR [--as gp] |
                         --receipt-cert R.pem [--ca CA.pem] KEY) [--receipt-out F] [--json]
    fitnote-desktop status ID --endpoint URL ... [--json]
    fitnote-desktop retract ID --endpoint URL ... [--reason error] [--receipt-out F]
    fitnote-desktop outbox PROFILE [--passphrase-file F] [--drain] [--json]

KEY is how to log in (and, for ``retract``, sign the retraction): ``--auth-pkcs12 FILE``
and ``--pkcs12 FILE``, or ``--module LIB --token LABEL`` for a card/token; ``--demo-pki
DIR --as gp|specialist`` takes everything (CA, pinned receipt certificate, keys, demo
password) from a demo PKI. TLS is always verified (``--ca`` or the system store) and
``http://`` is refused. The receipt is verified against the pinned certificate before
anything is reported as accepted.

Exit codes: 0 accepted / done, 1 the endpoint refused (its error code is printed),
2 the command could not run (offline, TLS failure, wrong PIN, missing file...).
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fitnote_desktop.cli import EXIT_INVALID, EXIT_OK, EXIT_UNREADABLE, CommandError, coded_error
from fitnote_desktop.wiring.connection import (
    Connection,
    EndpointConfig,
    connect,
    endpoint_config,
    signer_config,
)

if TYPE_CHECKING:
    from fitnote_desktop.signing import SignerConfig
    from fitnote_desktop.store import Profile


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("send", help="send a signed envelope to the endpoint, verify the receipt")
    p.add_argument("envelope", type=Path, metavar="ENVELOPE.json")
    _endpoint_options(p)
    p.add_argument("--receipt-out", type=Path, metavar="F", help="write the signed receipt here")
    p.add_argument("--json", action="store_true", help="machine-readable result")
    p.set_defaults(func=run_send)

    p = sub.add_parser("status", help="a sent document's status at the endpoint")
    p.add_argument("document_id", metavar="ID")
    _endpoint_options(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run_status)

    p = sub.add_parser("retract", help="sign and send the retraction of a sent document")
    p.add_argument("document_id", metavar="ID")
    _endpoint_options(p)
    p.add_argument("--pkcs12", type=Path, metavar="FILE", help="signature key file")
    p.add_argument(
        "--reason", default="error", choices=("error", "replaced", "patient-request", "other")
    )
    p.add_argument("--receipt-out", type=Path, metavar="F")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run_retract)

    p = sub.add_parser("outbox", help="list (and drain) a profile's outbox")
    p.add_argument("profile_id", metavar="PROFILE")
    p.add_argument("--passphrase-file", type=Path, help="profile passphrase from FILE")
    p.add_argument(
        "--drain",
        action="store_true",
        help="send what is due now with the profile's endpoint and signer settings",
    )
    p.add_argument("--pin-file", type=Path, metavar="F", help="PIN/password for logging in")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run_outbox)


def _endpoint_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--endpoint", required=True, metavar="URL", help="https://host:port")
    p.add_argument(
        "--demo-pki",
        type=Path,
        metavar="DIR",
        help="take CA, receipt certificate and keys from a demo PKI",
    )
    p.add_argument(
        "--as",
        dest="who",
        default="gp",
        choices=("gp", "specialist"),
        help="demo physician (with --demo-pki)",
    )
    p.add_argument("--ca", type=Path, metavar="CA.pem", help="CA bundle for TLS")
    p.add_argument(
        "--receipt-cert",
        type=Path,
        metavar="R.pem",
        help="the endpoint's receipt certificate to pin",
    )
    p.add_argument("--auth-pkcs12", type=Path, metavar="FILE", help="authentication key file")
    p.add_argument("--module", metavar="LIB", help="PKCS#11 module of the card/token")
    p.add_argument("--token", metavar="LABEL", help="token label (with --module)")
    p.add_argument("--pin-file", type=Path, metavar="F", help="read the PIN/password from F")
    p.add_argument("--timeout", type=float, default=15.0, help="seconds (default 15)")


# --------------------------------------------------------------------------- plumbing


def _pin(args: argparse.Namespace, demo_password: str | None) -> Callable[[str], str | None]:
    pin_file: Path | None = getattr(args, "pin_file", None)

    def ask(purpose: str) -> str | None:
        if pin_file is not None:
            try:
                return pin_file.read_text(encoding="utf-8").rstrip("\r\n")
            except OSError as exc:
                raise CommandError(f"cannot read {pin_file}: {exc.strerror or exc}") from None
        if demo_password is not None:
            return demo_password
        if not sys.stdin.isatty():
            line = sys.stdin.readline()
            return line.rstrip("\r\n") if line else None
        try:
            return getpass.getpass(f"PIN ({purpose} key): ")
        except EOFError:
            return None

    return ask


def _open(
    endpoint: EndpointConfig, config: SignerConfig, pin: Callable[[str], str | None], **kw: Any
) -> Connection:
    """``wiring.connection.connect`` with its failures as one-line command errors."""
    from fitnote_desktop.signing import SigningError
    from fitnote_desktop.transport.client import TransportError

    try:
        return connect(endpoint, config, pin, **kw)
    except SigningError as exc:
        raise coded_error(exc) from None
    except TransportError as exc:
        raise coded_error(exc) from None
    except OSError as exc:
        raise CommandError(f"cannot read {endpoint.receipt_cert}: {exc.strerror or exc}") from None


@contextmanager
def _connect(args: argparse.Namespace, *, need_signer: bool = False) -> Iterator[Connection]:
    from fitnote_desktop.signing import SignerConfig, SigningError
    from fitnote_desktop.transport.client import TransportError

    ca, receipt_cert = args.ca, args.receipt_cert
    demo_password = None
    sig_p12 = getattr(args, "pkcs12", None)
    auth_p12 = args.auth_pkcs12
    if args.demo_pki is not None:
        from fitnote_desktop.demo.pki import read_manifest

        try:
            pki = read_manifest(args.demo_pki)
        except (OSError, ValueError, KeyError) as exc:
            raise CommandError(f"{args.demo_pki}: not a demo PKI ({exc})") from None
        person = pki.physician(args.who)
        ca = ca or pki.endpoint_ca_pem
        receipt_cert = receipt_cert or pki.receipt_cert_pem
        auth_p12 = auth_p12 or person.authentication_p12
        sig_p12 = sig_p12 or person.signature_p12
        demo_password = pki.password
    if receipt_cert is None:
        raise CommandError("--receipt-cert (or --demo-pki) is needed to verify receipts")
    if args.module:
        config = SignerConfig(kind="pkcs11", module_path=args.module, token_label=args.token)
    elif auth_p12 is not None:
        config = SignerConfig(
            kind="pkcs12", pkcs12_path=sig_p12 or auth_p12, pkcs12_auth_path=auth_p12
        )
    else:
        raise CommandError("a login key is needed: --auth-pkcs12, --module/--token or --demo-pki")
    if need_signer and config.kind == "pkcs12" and sig_p12 is None:
        raise CommandError("retract needs the signature key: --pkcs12 FILE")
    endpoint = EndpointConfig(args.endpoint, ca, Path(receipt_cert))
    conn = _open(endpoint, config, _pin(args, demo_password), timeout=args.timeout)
    try:
        yield conn
    except TransportError as exc:
        code = EXIT_INVALID if _is_refusal(exc) else EXIT_UNREADABLE
        raise coded_error(exc, code) from None
    except SigningError as exc:
        raise coded_error(exc) from None
    finally:
        conn.close()


def _is_refusal(exc: Exception) -> bool:
    from fitnote_desktop.transport.client import EndpointRejected, LoginFailed

    return isinstance(exc, EndpointRejected) and not isinstance(exc, LoginFailed)


def _write_receipt(path: Path | None, result: Any) -> None:
    if path is None:
        return
    from fitnote_desktop.transport.receipts import pack_receipt

    try:
        path.write_bytes(pack_receipt(result.receipt_bytes, result.receipt_signature))
    except OSError as exc:
        raise CommandError(f"cannot write {path}: {exc.strerror or exc}") from None


def _report(args: argparse.Namespace, result: Any) -> None:
    out = {
        "document_id": result.document_id,
        "status": result.status,
        "received_at": result.receipt.received_at.isoformat(),
        "payload_sha256": result.receipt.payload_sha256,
        "dossier_id": result.dossier_id,
    }
    if args.json:
        print(json.dumps(out, indent=2))
    else:
        print(f"{out['status']}: {out['document_id']} at {out['received_at']} (receipt verified)")


# --------------------------------------------------------------------------- commands


def run_send(args: argparse.Namespace) -> int:
    from fitnote_desktop.commands.validate import read_json
    from fitnote_desktop.signing.envelope import EnvelopeError, parse_envelope

    try:
        payload, cms = parse_envelope(read_json(args.envelope, "a signed envelope"))
    except EnvelopeError as exc:
        raise coded_error(exc, about=str(args.envelope)) from None
    with _connect(args) as conn:
        result = conn.client.submit(payload, cms)
    _write_receipt(args.receipt_out, result)
    _report(args, result)
    return EXIT_OK


def run_status(args: argparse.Namespace) -> int:
    with _connect(args) as conn:
        state = conn.client.status(args.document_id)
    if args.json:
        print(
            json.dumps(
                {
                    "document_id": state.document_id,
                    "status": state.status,
                    "kind": state.kind,
                    "received_at": state.received_at.isoformat(),
                    "retracted_at": state.retracted_at.isoformat() if state.retracted_at else None,
                },
                indent=2,
            )
        )
    else:
        line = f"{state.status}: {state.document_id} ({state.kind}), received {state.received_at}"
        if state.retracted_at:
            line += f", retracted {state.retracted_at}"
        print(line)
    return EXIT_OK


def run_retract(args: argparse.Namespace) -> int:
    from fitnote_desktop.transport.client import sign_retraction

    with _connect(args, need_signer=True) as conn:
        signed = sign_retraction(conn.keys.document_signer, args.document_id, args.reason)
        result = conn.client.retract(args.document_id, signed.payload, signed.signature)
    _write_receipt(args.receipt_out, result)
    _report(args, result)
    return EXIT_OK


def run_outbox(args: argparse.Namespace) -> int:
    from fitnote_desktop.store import ProfileManager, StoreError

    manager = ProfileManager(getattr(args, "profile_dir", None))
    passphrase = None
    if args.passphrase_file is not None:
        try:
            passphrase = args.passphrase_file.read_text(encoding="utf-8").rstrip("\r\n")
        except OSError as exc:
            raise CommandError(
                f"cannot read {args.passphrase_file}: {exc.strerror or exc}"
            ) from None
    try:
        info = manager.get(args.profile_id)
        if passphrase is None and info.needs_passphrase:
            if not sys.stdin.isatty():
                raise CommandError("the profile needs a passphrase: --passphrase-file F")
            passphrase = getpass.getpass(f"Passphrase of {args.profile_id}: ")
        profile = manager.open(args.profile_id, passphrase)
    except StoreError as exc:
        raise coded_error(exc) from None
    try:
        if args.drain:
            _drain(args, profile)
        items = profile.outbox.list()
        rows = [
            {
                "document_id": str(i.document_id),
                "operation": i.operation.value,
                "status": i.status.value,
                "attempts": i.attempts,
                "next_attempt_at": i.next_attempt_at.isoformat()
                if i.status.value == "queued"
                else None,
                "last_error": i.last_error_code,
            }
            for i in items
        ]
    finally:
        profile.lock()
    if args.json:
        print(json.dumps(rows, indent=2))
    else:
        for r in rows:
            extra = f" next {r['next_attempt_at']}" if r["next_attempt_at"] else ""
            error = f" [{r['last_error']}]" if r["last_error"] else ""
            print(
                f"{r['status']:<9} {r['operation']:<7} {r['document_id']} "
                f"attempts={r['attempts']}{extra}{error}"
            )
        if not rows:
            print("outbox empty")
    return EXIT_OK


def _drain(args: argparse.Namespace, profile: Profile) -> None:
    from fitnote_desktop.transport.outbox import OutboxWorker
    from fitnote_desktop.transport.ports import StorePayloads

    settings = profile.settings()
    endpoint, config = endpoint_config(settings), signer_config(settings)
    if endpoint is None or config is None:
        raise CommandError("the profile has no endpoint or signer settings")
    conn = _open(endpoint, config, _pin(args, None))
    try:
        worker = OutboxWorker(profile.outbox, StorePayloads(profile.documents), conn.client)
        worker.recover()
        report = worker.drain_once()
    finally:
        conn.close()
    state = "offline" if report.offline else "online"
    print(
        f"drained ({state}): {len(report.accepted)} accepted, {len(report.rejected)} "
        f"rejected, {len(report.retried)} to retry",
        file=sys.stderr,
    )
