"""The human-readable reference printed on every copy, and its QR form.

A reference is ``<document uuid> · <short hash>``, the short hash being the first eight
hex digits of SHA-256 over the document's canonical bytes. The uuid finds the document
at the endpoint; the short hash tells at a glance whether the paper in hand matches the
signed original (a changed document keeps its id but not its hash). Eight hex digits
catch typing errors and substituted copies; they are not a security measure: the
endpoint compares the full hash it stored and the signature binds the content.

The QR code carries the https address of the verification page on the endpoint the
document was sent to, ``<endpoint>/verify/<uuid>-<short hash>``: anyone holding a copy
scans it and reads whether the certificate exists, was retracted or replaced. Papers
printed before carry ``fitnote:verify?id=<uuid>&h=<short hash>``, which is still read,
and so is a copy printed without a known endpoint.

Why one module: ``fitnote-desktop verify-copy``, the UI's "prolong a certificate issued
elsewhere" field, the endpoint's verification page and the QR code on the paper must all
agree on one syntax, and the parser must accept what people actually type from paper
(upper case, no separator, a leading "Ref.", the middle dot replaced by a space, a slash
or a hyphen) as well as the scanned address. It lives in the domain because every layer
reads it, the UI included (which may not import the printing code).
"""

from __future__ import annotations

import hashlib
import re
import uuid
from typing import NamedTuple
from urllib.parse import parse_qs, urlsplit

from fitnote_desktop.domain.canonical import canonical_bytes
from fitnote_desktop.domain.model import Document

SHORT_HASH_LENGTH = 8
SEPARATOR = " · "  # the middle dot is the printed separator
QR_SCHEME = "fitnote"
QR_ACTION = "verify"
VERIFY_PATH = "/verify"  # the endpoint's verification page: VERIFY_PATH/<url_token>


class Reference(NamedTuple):
    """A parsed reference; unpacks as ``(id, short_hash)``."""

    id: uuid.UUID
    short_hash: str | None  # lower-case hex, None only when parsed with require_hash=False

    def __str__(self) -> str:
        return format_reference(self.id, self.short_hash)


def full_hash(document: Document) -> str:
    """SHA-256 (hex) of the document re-encoded to canonical bytes.

    Right for a draft and for a document encoded in the current shape. For a signed
    document the hash is the one of the stored, signed bytes (:func:`signed_reference`):
    a payload signed in an older shape is read through an upgrade and re-encodes to
    other bytes.
    """
    return hashlib.sha256(canonical_bytes(document)).hexdigest()


def signed_reference(document_id: uuid.UUID | str, payload_sha256: str) -> str:
    """The printed reference of a signed document: its id and the signed bytes' hash."""
    if not re.fullmatch(r"[0-9a-f]{64}", payload_sha256):
        raise ValueError("not a SHA-256 hex digest")
    return format_reference(document_id, payload_sha256[:SHORT_HASH_LENGTH])


def short_hash(document: Document) -> str:
    return full_hash(document)[:SHORT_HASH_LENGTH]


def format_reference(document_id: uuid.UUID | str, short: str | None) -> str:
    text = str(uuid.UUID(str(document_id)))
    return f"{text}{SEPARATOR}{short}" if short else text


def make_reference(document: Document) -> str:
    """``6f1c2b1e-7a3d-4c5e-9b8a-0d1e2f3a4b5c · 3fa2b9c1``: printed on every page."""
    return format_reference(document.id, short_hash(document))


def url_token(document_id: uuid.UUID | str, short: str) -> str:
    """The reference as one URL path segment: ``<uuid>-<short hash>``."""
    if not _HASH.match(short):
        raise ValueError("not a short hash")
    return f"{uuid.UUID(str(document_id))}-{short}"


def verification_url(base_url: str, document_id: uuid.UUID | str, short: str) -> str:
    """``https://endpoint/verify/<uuid>-<short hash>``: the page that checks a copy.

    Only https: the answer tells a reader whether to trust a paper, it must not be
    forgeable on the way.
    """
    base = base_url.strip().rstrip("/")
    if not base.lower().startswith("https://") or len(base) <= len("https://"):
        raise ValueError("the verification address must be an https:// URL")
    return f"{base}{VERIFY_PATH}/{url_token(document_id, short)}"


def qr_payload(document: Document, *, verify_base_url: str | None = None) -> str:
    """What the QR code carries; see :func:`qr_payload_for`."""
    return qr_payload_for(document.id, short_hash(document), verify_base_url=verify_base_url)


def qr_payload_for(
    document_id: uuid.UUID | str, short: str, *, verify_base_url: str | None = None
) -> str:
    """The verification page's address on ``verify_base_url`` (the endpoint the document
    is sent to), or ``fitnote:verify?id=<uuid>&h=<short hash>`` when none is known.

    Only the id and the short hash: a QR code on an employer's copy must not carry
    anything the printed text does not already show.
    """
    if verify_base_url:
        return verification_url(verify_base_url, document_id, short)
    return f"{QR_SCHEME}:{QR_ACTION}?id={uuid.UUID(str(document_id))}&h={short}"


_UUID = r"[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}"
_REFERENCE = re.compile(
    r"^(?:r[eé]f[a-zé]*\.?\s*:?\s*)?"  # an optional label: Ref., Réf., Referentie:
    rf"(?P<id>{_UUID})"
    rf"(?:\s*[·•|/#,;:-]?\s*(?P<hash>[0-9a-fA-F]{{{SHORT_HASH_LENGTH}}}))?$",
    re.IGNORECASE,
)
_HASH = re.compile(rf"^[0-9a-f]{{{SHORT_HASH_LENGTH}}}$")


def parse_reference(text: str, *, require_hash: bool = True) -> Reference:
    """Parse a printed reference or the QR payload; raises ``ValueError`` when malformed.

    Accepts ``<uuid> · <hash>`` with any of ``·``, space, ``/``, ``-``, ``#`` as the
    separator, in any case, with an optional ``Ref.`` label, the verification page's
    address (``https://.../verify/<uuid>-<hash>``) and the older ``fitnote:verify?`` URI
    of the QR code. With ``require_hash=False`` a bare uuid is accepted too (the
    hash is then ``None``): a certificate issued elsewhere may be known by its id alone.
    The error message never echoes the input (it may be a pasted medical text).
    """
    candidate = " ".join((text or "").split())
    lowered = candidate.lower()
    if lowered.startswith(f"{QR_SCHEME}:"):
        return _parse_uri(candidate, require_hash=require_hash)
    if lowered.startswith(("https://", "http://")):
        return _parse_url(candidate, require_hash=require_hash)
    match = _REFERENCE.match(candidate)
    if match is None:
        raise ValueError("not a document reference (expected '<uuid> · <8 hex digits>')")
    doc_id = uuid.UUID(match.group("id"))
    short = match.group("hash")
    if short is None and require_hash:
        raise ValueError("the reference lacks its 8-digit hash")
    return Reference(doc_id, short.lower() if short else None)


def _parse_uri(text: str, *, require_hash: bool) -> Reference:
    parts = urlsplit(text)
    if parts.path != QR_ACTION:
        raise ValueError("not a fitnote verification URI")
    query = parse_qs(parts.query)
    ids = query.get("id", [])
    hashes = query.get("h", [])
    if len(ids) != 1 or len(hashes) > 1:
        raise ValueError("the verification URI needs exactly one id")
    try:
        doc_id = uuid.UUID(ids[0])
    except ValueError:
        raise ValueError("the verification URI carries a malformed id") from None
    short = hashes[0].lower() if hashes else None
    if short is not None and not _HASH.match(short):
        raise ValueError("the verification URI carries a malformed hash")
    if short is None and require_hash:
        raise ValueError("the verification URI lacks its hash")
    return Reference(doc_id, short)


def _parse_url(text: str, *, require_hash: bool) -> Reference:
    """The verification page's address: the last path segment after ``/verify/``."""
    head, _, token = urlsplit(text).path.rstrip("/").rpartition("/")
    if not head.endswith(VERIFY_PATH) or not token:
        raise ValueError("not a fitnote verification address")
    try:
        return parse_reference(token, require_hash=require_hash)
    except ValueError:
        raise ValueError("the verification address carries a malformed reference") from None


def matches(reference: Reference, document: Document) -> bool:
    """Does ``document`` have this id and (when given) this short hash?"""
    if reference.id != document.id:
        return False
    return reference.short_hash is None or reference.short_hash == short_hash(document)
