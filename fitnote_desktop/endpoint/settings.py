"""Settings of the sandbox endpoint: one frozen value built by the CLI, the demo or tests.

The clock is a setting so that tests can expire sessions and challenges without
sleeping, and the retention purge can be tested on fixed dates.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import KW_ONLY, dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from asn1crypto import x509

from fitnote_desktop.endpoint.receipts import ReceiptSigner

ROLES = ("treating", "advising", "occupational")
DEFAULT_RETENTION = timedelta(days=730)  # TRIO keeps data at most two years


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class RegistryEntry:
    """One practitioner of the registry (eHealth's professionals register, simplified).

    The web desk's caseload (``endpoint.desk.inbox``) comes from the same file: an
    occupational physician is assigned the patients whose documents name one of
    ``employers`` (the employment's employer name; the prevention service's affiliates),
    an advising physician those whose address has a postal code starting with one of
    ``postal_codes`` (the sickness fund's regional office: the document model carries no
    sickness-fund membership, the address is what it has).
    """

    niss: str
    riziv: str
    given_name: str = ""
    family_name: str = ""
    role: str = "treating"
    _: KW_ONLY  # the optional assignments by name: two tuples of strings are easily swapped
    employers: tuple[str, ...] = ()
    postal_codes: tuple[str, ...] = ()
    region: str = ""  # e.g. a province code (BE-VAN): the mirror's regional figures


def load_registry(path: Path) -> tuple[RegistryEntry, ...]:
    """Read a registry file: a JSON list of
    ``{niss, riziv, given_name, family_name, role, region}`` with, for the desk's caseload,
    ``employers`` and ``postal_codes`` (lists of strings)."""

    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise ValueError("registry file must hold a JSON list")
    out = []
    for i, item in enumerate(data):
        try:
            entry = RegistryEntry(
                niss=str(item["niss"]),
                riziv=str(item["riziv"]),
                given_name=str(item.get("given_name", "")),
                family_name=str(item.get("family_name", "")),
                role=str(item.get("role", "treating")),
                employers=tuple(str(e) for e in item.get("employers", ())),
                postal_codes=tuple(str(c) for c in item.get("postal_codes", ())),
                region=str(item.get("region", "")),
            )
        except (KeyError, TypeError):
            raise ValueError(f"registry entry {i} needs niss and riziv") from None
        if entry.role not in ROLES:
            raise ValueError(f"registry entry {i}: role must be one of {', '.join(ROLES)}")
        out.append(entry)
    return tuple(out)


@dataclass(frozen=True)
class EndpointSettings:
    """Everything the app factory needs; no global state."""

    db_url: str
    trust_roots: tuple[x509.Certificate, ...]
    receipt_signer: ReceiptSigner
    registry: tuple[RegistryEntry, ...] = ()
    intermediates: tuple[x509.Certificate, ...] = ()
    session_ttl: timedelta = timedelta(minutes=15)
    # How long a worker trusts a session it read from the database without asking again
    # (``endpoint.session_cache``): a session deleted from the database behind its back
    # stays usable that long. Zero asks the database on every request.
    session_cache_ttl: timedelta = timedelta(seconds=10)
    challenge_ttl: timedelta = timedelta(minutes=2)
    max_body_bytes: int = 256 * 1024
    retention: timedelta = DEFAULT_RETENTION
    signing_time_skew: timedelta = timedelta(minutes=5)
    clock: Callable[[], datetime] = field(default=utc_now)
    # TLS (used by ``serve``; the app itself is transport-agnostic)
    host: str = "127.0.0.1"
    port: int = 8443
    tls_cert: Path | None = None
    tls_key: Path | None = None
    # Raw 256-bit key of a SQLCipher database (a SQLite URL only): the endpoint embedded
    # in the desktop app keeps patient documents on the physician's laptop, encrypted like
    # the profile. A server relies on its own disk encryption and leaves it None.
    db_key: bytes | None = field(default=None, repr=False)
    # The web desk (``endpoint.desk``): ``demo`` lists the registry's advising and
    # occupational physicians to sign in as; otherwise they sign in with the eID
    # authentication certificate, which the HTTPS port then asks for (``client_ca``:
    # the PEM file of the roots that certificate must chain to).
    demo: bool = False
    client_ca: Path | None = None
    # The demo endpoints fill an empty database with a synthetic population (clearly
    # marked, ``endpoint.synthetic``) so that the mirror's regional cells are not empty.
    synthetic_population: bool = False
    mirror_cache_ttl: timedelta = timedelta(seconds=60)
