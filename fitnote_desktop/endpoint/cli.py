"""``fitnote-endpoint``: the sandbox TRIO-like server.

Two ways to serve (both over TLS only):

    fitnote-endpoint --demo DIR [--host H] [--port P]
    fitnote-endpoint --host H --port P --cert CERT.pem --key KEY.pem --trust CA.pem \\
        --db URL --registry FILE --receipt-cert R.pem --receipt-key R-key.pem

and the retention purge:

    fitnote-endpoint purge (--demo DIR | --db URL) [--before YYYY-MM-DD]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from fitnote_desktop import __version__

if TYPE_CHECKING:  # imported lazily at run time: `--help` and `purge` stay quick
    from fastapi import FastAPI

    from fitnote_desktop.endpoint.settings import EndpointSettings

EXIT_USAGE = 2


def _serve_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="fitnote-endpoint",
        description="The sandbox TRIO-like endpoint (HTTPS only). "
        "Subcommand: `fitnote-endpoint purge --help`.",
    )
    p.add_argument("--version", action="version", version=f"fitnote-endpoint {__version__}")
    p.add_argument(
        "--demo",
        metavar="DIR",
        type=Path,
        help="create or reuse a demo PKI, registry and SQLite database in DIR",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8443, help="port (default 8443)")
    p.add_argument("--cert", type=Path, help="TLS certificate chain (PEM)")
    p.add_argument("--key", type=Path, help="TLS private key (PEM, unencrypted)")
    p.add_argument(
        "--trust",
        type=Path,
        action="append",
        default=[],
        help="trusted root CA(s) for physicians' certificates (PEM); repeatable",
    )
    p.add_argument(
        "--intermediate",
        type=Path,
        action="append",
        default=[],
        help="intermediate CA certificate(s) (PEM); repeatable",
    )
    p.add_argument(
        "--db", metavar="URL", help="SQLAlchemy URL: sqlite:///path or postgresql+psycopg://..."
    )
    p.add_argument("--registry", type=Path, help="practitioner registry (JSON list)")
    p.add_argument(
        "--desk-client-ca",
        type=Path,
        help="PEM of the CAs (root and intermediates) of the eID authentication "
        "certificates the web desk accepts; without it the desk has no sign-in but --demo's",
    )
    p.add_argument("--receipt-cert", type=Path, help="receipt-signing certificate (PEM)")
    p.add_argument("--receipt-key", type=Path, help="receipt-signing key (PEM, unencrypted)")
    p.add_argument(
        "--retention-days",
        type=int,
        default=730,
        help="retention in days for `purge` (default 730 = two years)",
    )
    p.add_argument("--session-minutes", type=int, default=15, help="session lifetime")
    p.add_argument(
        "--workers",
        type=int,
        default=1,
        help="worker processes (use the cores for signature checks; default 1)",
    )
    p.add_argument("--access-log", action="store_true", help="log each request line")
    p.add_argument("-v", "--verbose", action="store_true")
    return p


def _purge_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="fitnote-endpoint purge", description="Delete data older than the retention period."
    )
    p.add_argument("--demo", metavar="DIR", type=Path, help="the demo directory's database")
    p.add_argument("--db", metavar="URL", help="SQLAlchemy database URL")
    p.add_argument(
        "--before",
        type=date.fromisoformat,
        help="delete what was received before this date (default: now - retention)",
    )
    p.add_argument("--retention-days", type=int, default=730)
    return p


def _fail(message: str) -> int:
    print(f"fitnote-endpoint: {message}", file=sys.stderr)
    return EXIT_USAGE


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["purge"]:
        return _purge(_purge_parser().parse_args(args_list[1:]))
    args = _serve_parser().parse_args(args_list)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    try:
        settings = _settings(args)
    except (OSError, ValueError) as exc:
        return _fail(str(exc))
    if args.workers > 1:
        # Workers rebuild the settings from the same arguments (see ``worker_app``).
        os.environ[_ARGV_ENV] = json.dumps(args_list)
    from fitnote_desktop.endpoint.server import serve

    print(
        f"fitnote-endpoint: serving https://{args.host}:{args.port}/v1 (OpenAPI at /openapi.json)\n"
        f"fitnote-endpoint: desk for advising and occupational physicians at "
        f"https://{args.host}:{args.port}/desk",
        file=sys.stderr,
        flush=True,
    )
    with contextlib.suppress(KeyboardInterrupt):
        serve(
            settings,
            access_log=args.access_log,
            workers=args.workers,
            factory=f"{__name__}:worker_app",
        )
    return 0


_ARGV_ENV = "FITNOTE_ENDPOINT_ARGV"


def worker_app() -> FastAPI:
    """App factory of a uvicorn worker process (``--workers N``)."""
    from fitnote_desktop.endpoint.app import create_app
    from fitnote_desktop.endpoint.server import freeze_startup_objects

    args = _serve_parser().parse_args(json.loads(os.environ[_ARGV_ENV]))
    app = create_app(_settings(args), prepare=False)
    freeze_startup_objects()
    return app


def _settings(args: argparse.Namespace) -> EndpointSettings:
    from fitnote_desktop.endpoint.certificates import load_certificates
    from fitnote_desktop.endpoint.receipts import ReceiptSigner
    from fitnote_desktop.endpoint.settings import EndpointSettings, load_registry

    retention = timedelta(days=args.retention_days)
    session_ttl = timedelta(minutes=args.session_minutes)
    if args.demo:
        from fitnote_desktop.endpoint.server import demo_settings

        demo = replace(
            demo_settings(args.demo, host=args.host, port=args.port),
            retention=retention,
            session_ttl=session_ttl,
        )
        return replace(demo, db_url=args.db) if args.db else demo
    missing = [
        name
        for name in ("cert", "key", "db", "registry", "receipt_cert", "receipt_key")
        if getattr(args, name) is None
    ]
    if not args.trust:
        missing.append("trust")
    if missing:
        raise ValueError(
            "without --demo these options are required: "
            + ", ".join("--" + m.replace("_", "-") for m in missing)
        )
    roots = tuple(c for path in args.trust for c in load_certificates(path))
    intermediates = tuple(c for path in args.intermediate for c in load_certificates(path))
    return EndpointSettings(
        db_url=args.db,
        trust_roots=roots,
        intermediates=intermediates,
        receipt_signer=ReceiptSigner.from_pem(
            args.receipt_cert.read_bytes(), args.receipt_key.read_bytes()
        ),
        registry=load_registry(args.registry),
        host=args.host,
        port=args.port,
        tls_cert=args.cert,
        tls_key=args.key,
        client_ca=args.desk_client_ca,
        retention=retention,
        session_ttl=session_ttl,
    )


def _purge(args: argparse.Namespace) -> int:
    from fitnote_desktop.endpoint import db, tables
    from fitnote_desktop.endpoint.purge import purge

    if args.db:
        url = args.db
    elif args.demo:
        from fitnote_desktop.endpoint.server import DEMO_DB_NAME

        url = f"sqlite:///{(args.demo / DEMO_DB_NAME).resolve()}"
    else:
        return _fail("purge needs --db URL or --demo DIR")
    now = datetime.now(UTC)
    if args.before is not None:
        before = datetime(args.before.year, args.before.month, args.before.day, tzinfo=UTC)
    else:
        before = now - timedelta(days=args.retention_days)
    engine = db.make_engine(url)
    tables.create_schema(engine)
    report = purge(engine, before, now=now)
    engine.dispose()
    print(
        f"purged data received before {before.date().isoformat()}: "
        f"{report.documents} document(s), {report.threads} thread(s) "
        f"({report.messages} message(s)), {report.audit_entries} audit entr(y/ies), "
        f"{report.dossiers} empty dossier(s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
