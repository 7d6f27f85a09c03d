"""The human-readable reference printed on every copy, and its QR form.

A reference is ``<document uuid> · <short hash>``, the short hash being the first eight
hex digits of SHA-256 over the document's canonical bytes. The uuid finds the document
at the endpoint; the short hash tells at a glance whether the paper in hand matches the
signed original (a changed document keeps its id but not its hash). Eight hex digits
catch typing errors and substituted copies; they are not a security measure: the
endpoint compares the full hash it stored and the signature binds the content.

Why one module: ``fitnote-desktop verify``, the UI's "prolong a certificate issued
elsewhere" field and the QR code on the paper must all agree on one syntax, and the
parser must accept what people actually type from paper (upper case, no separator, a
leading "Ref.", the middle dot replaced by a space, a slash or a hyphen).
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


def qr_payload(document: Document) -> str:
    """URI carried by the QR code: ``fitnote:verify?id=<uuid>&h=<short hash>``.

    Only the id and the short hash: a QR code on an employer's copy must not carry
    anything the printed text does not already show.
    """
    return qr_payload_for(document.id, short_hash(document))


def qr_payload_for(document_id: uuid.UUID | str, short: str) -> str:
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
    separator, in any case, with an optional ``Ref.`` label, and the ``fitnote:verify?``
    URI of the QR code. With ``require_hash=False`` a bare uuid is accepted too (the
    hash is then ``None``): a certificate issued elsewhere may be known by its id alone.
    The error message never echoes the input (it may be a pasted medical text).
    """
    candidate = " ".join((text or "").split())
    if candidate.lower().startswith(f"{QR_SCHEME}:"):
        return _parse_uri(candidate, require_hash=require_hash)
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


def matches(reference: Reference, document: Document) -> bool:
    """Does ``document`` have this id and (when given) this short hash?"""
    if reference.id != document.id:
        return False
    return reference.short_hash is None or reference.short_hash == short_hash(document)
