"""``render(document, recipient, language)``: the PDF copy one recipient may receive.

The document is projected onto the recipient's dataset first
(:func:`fitnote_desktop.domain.datasets.project`) and only that view is laid out: the
diagnosis cannot reach the employer's or the patient's paper because it never reaches
the layout code. The document itself is used for one thing only: its reference (id and
hash of the canonical bytes), printed and encoded in the QR code. The QR code leads to
the verification page of the endpoint the document is sent to (``verify_base_url``, the
endpoint's base URL) when the caller knows it.

Languages: ``nl``, ``fr``, ``de``, ``en``, or ``nl+fr`` for the two-column bilingual
copy. ``language=None`` picks the usual one: the employer's language for the employer
(``nl+fr`` when it is unknown), the document's language for everyone else.

A prolongation or replacement is rendered with the document it follows (``previous``):
each copy then says what changed since the copy its reader already holds, limited to
that reader's dataset (``domain.changes.changes_seen_by``: the employer never reads
that a diagnosis changed).
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass

from fitnote_desktop.documents import content as content_model
from fitnote_desktop.documents.flowables import SignaturePlacement
from fitnote_desktop.documents.labels import BILINGUAL, label, split_languages
from fitnote_desktop.documents.layout import CopyLayout
from fitnote_desktop.documents.pades import DEFAULT_FIELD, keywords
from fitnote_desktop.domain.changes import changes_line, changes_seen_by
from fitnote_desktop.domain.datasets import project
from fitnote_desktop.domain.model import Document, Recipient
from fitnote_desktop.domain.reference import make_reference, parse_reference, qr_payload_for
from fitnote_desktop.gc_pause import gc_paused


@dataclass(frozen=True)
class RenderedCopy:
    """A rendered copy and what the caller may want to know about it."""

    pdf: bytes
    recipient: Recipient
    language: str
    pages: int
    reference: str
    signature: SignaturePlacement | None  # None for a draft (no signature field)
    qr: SignaturePlacement | None = None  # where the verification QR code is (None: draft)


def copy_language(document: Document, recipient: Recipient | str) -> str:
    """The language a copy is printed in when the caller does not choose."""
    recipient = Recipient(recipient)
    if recipient is Recipient.EMPLOYER:
        employment = document.employment
        if employment is None or employment.employer_language is None:
            return BILINGUAL
        return employment.employer_language.value
    return document.language.value


def render_copy(
    document: Document,
    recipient: Recipient | str,
    language: str | None = None,
    *,
    draft: bool = False,
    reference: str | None = None,
    field_name: str = DEFAULT_FIELD,
    verify_base_url: str | None = None,
    previous: Document | None = None,
    previous_reference: str | None = None,
) -> RenderedCopy:
    """Like :func:`render`, returning the page count and signature box as well."""
    try:
        recipient = Recipient(recipient)
    except ValueError:
        choices = ", ".join(r.value for r in Recipient)
        raise ValueError(f"unknown recipient {recipient!r}; use one of {choices}") from None
    language = language or copy_language(document, recipient)
    langs = split_languages(language)
    if len(langs) > 2:
        raise ValueError("a copy is printed in one language or two side by side")
    if reference is None:
        reference = _reference(document)
    parsed = parse_reference(reference, require_hash=False)
    if parsed.id != document.id:
        raise ValueError("the reference does not belong to this document")
    qr = (
        None
        if draft or parsed.short_hash is None
        else qr_payload_for(parsed.id, parsed.short_hash, verify_base_url=verify_base_url)
    )

    view = project(document, recipient)
    changes = _changes(document, recipient, previous, previous_reference)
    copy = content_model.build(
        view, reference=reference, qr_payload=qr, draft=draft, changes=changes
    )
    first = langs[0]
    layout = CopyLayout(copy, langs)
    with gc_paused():  # platypus's objects live until the PDF is written
        rendered = layout.build(
            title=f"{copy.title(first)} – {copy.copy_for(first)}",
            author=view.author.full_name,
            subject=f"{label('footer.reference', first)} {reference}",
            keywords=keywords(view.kind.value, recipient.value, "+".join(langs), draft),
            signature_field=None if draft else field_name,
        )
    return RenderedCopy(
        pdf=rendered.pdf,
        recipient=recipient,
        language="+".join(langs),
        pages=rendered.pages,
        reference=reference,
        signature=None if draft else rendered.signature,
        qr=rendered.qr,
    )


_LAST_REFERENCE: tuple[weakref.ref[Document], str] | None = None


def _reference(document: Document) -> str:
    """``make_reference(document)``, hashed once for the copies of one document object.

    A document's copies are rendered one after the other, and hashing its canonical bytes
    for each was about a hundredth of a copy. Documents are immutable; the last one is
    remembered by a weak reference, so that it is not kept alive for this.
    """
    global _LAST_REFERENCE
    last = _LAST_REFERENCE
    if last is not None and last[0]() is document:
        return last[1]
    reference = make_reference(document)
    _LAST_REFERENCE = (weakref.ref(document), reference)
    return reference


def _changes(
    document: Document,
    recipient: Recipient,
    previous: Document | None,
    previous_reference: str | None,
) -> content_model.Localized | None:
    """The "changes since" line of ``recipient``'s copy; None when it sees no change."""
    if previous is None:
        return None
    seen = changes_seen_by(previous, document, recipient)
    if not seen:  # not even "no changes": that would hint at a change it may not see
        return None
    ref = previous_reference or make_reference(previous)
    return lambda lang: changes_line(ref, seen, lang)


def render(
    document: Document,
    recipient: Recipient | str,
    language: str | None = None,
    *,
    draft: bool = False,
    reference: str | None = None,
    verify_base_url: str | None = None,
    previous: Document | None = None,
    previous_reference: str | None = None,
) -> bytes:
    """PDF bytes of ``recipient``'s copy of ``document`` in ``language``.

    A non-draft copy carries an empty signature field over its signature box, ready
    for :func:`fitnote_desktop.documents.sign_pdf`; a draft is watermarked
    "DRAFT / ONTWERP / PROJET / ENTWURF", has no QR code and no signature field.
    ``reference`` overrides the printed reference (it must name this document's id),
    e.g. to print a copy of a document whose canonical bytes were stored elsewhere.
    ``verify_base_url``: the endpoint's base URL, for the QR code's verification address.
    ``previous``: the document this one prolongs or replaces, with its printed reference
    (``previous_reference``; default: re-encoded), for the "changes since" line.
    Output is deterministic: the same document gives the same bytes.
    """
    return render_copy(
        document,
        recipient,
        language,
        draft=draft,
        reference=reference,
        verify_base_url=verify_base_url,
        previous=previous,
        previous_reference=previous_reference,
    ).pdf


def render_all(
    document: Document,
    *,
    draft: bool = False,
    language: str | None = None,
    verify_base_url: str | None = None,
    previous: Document | None = None,
    previous_reference: str | None = None,
) -> dict[Recipient, RenderedCopy]:
    """Every copy the document's recipients get, each in its usual language (or ``language``)."""
    reference = make_reference(document)
    recipients = list(dict.fromkeys([*document.recipients, Recipient.PATIENT]))
    return {
        r: render_copy(
            document,
            r,
            language,
            draft=draft,
            reference=reference,
            verify_base_url=verify_base_url,
            previous=previous,
            previous_reference=previous_reference,
        )
        for r in recipients
    }
