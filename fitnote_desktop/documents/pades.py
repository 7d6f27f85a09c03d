"""PAdES-B-B signature of a printed copy, with a visible stamp in the signature box.

Why PAdES on top of the CMS signature of the canonical JSON: the JSON is what the
endpoint verifies, the PDF is what an employer or a patient holds. A PAdES signature
lets any PDF reader (and ``pdfsig``) show that the paper-like copy comes unchanged from
the physician's signature key, without our software.

How the pieces fit:

* :func:`fitnote_desktop.documents.render` leaves an empty signature field named
  ``Signature1`` exactly over the dashed box of the signature block
  (``signature_field.py``), and writes
  ``draft`` into the PDF keywords of a draft (which gets no field);
* :func:`sign_pdf` fills that field with pyHanko's ``PdfSigner``
  (``/SubFilter /ETSI.CAdES.detached``, SHA-256, signing-certificate-v2: PAdES
  baseline B-B; no timestamp, so not B-T) through any pyHanko ``Signer``: a
  ``SimpleSigner`` from a PKCS#12 file or the PKCS#11 one behind
  ``DocumentSigner.pdf_signer()``;
* the visible stamp is drawn by reportlab with the embedded DejaVu font (so a signer
  named Ødegård or Łukasz prints correctly; pyHanko's own text stamps use Courier
  with a Latin-only encoding unless fontTools is installed) and placed as the field's
  appearance with pyHanko's ``StaticStampStyle``.
"""

from __future__ import annotations

import asyncio
import hashlib
import io
import re
import threading
from collections.abc import Coroutine
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from fitnote_desktop.documents import fonts
from fitnote_desktop.documents.labels import format_date, label, split_languages
from fitnote_desktop.documents.text import printable
from fitnote_desktop.gc_pause import gc_paused

if TYPE_CHECKING:
    from pyhanko.pdf_utils.content import PdfContent
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.signers import Signer

DEFAULT_FIELD = "Signature1"
STAMP_INSET = 3  # points between the dashed box of the page and the stamp
KEYWORD_PREFIX = "fitnote-desktop"
_LANG_RE = re.compile(r"\blang=([a-z+]+)")


class PdfSigningError(ValueError):
    """The PDF cannot be signed as asked (draft, no such field, already signed)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class CopyInfo:
    """What ``render`` wrote into the PDF keywords: enough to sign correctly."""

    draft: bool
    language: str | None


def keywords(kind: str, recipient: str, language: str, draft: bool) -> str:
    """The PDF ``/Keywords`` of a copy: machine-readable, nothing medical."""
    parts = [KEYWORD_PREFIX, f"kind={kind}", f"recipient={recipient}", f"lang={language}"]
    if draft:
        parts.append("draft")
    return "; ".join(parts)


def copy_info(pdf_bytes: bytes) -> CopyInfo:
    """Read back the keywords written by :func:`keywords` (``draft`` and ``lang``)."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    return _copy_info(PdfFileReader(io.BytesIO(pdf_bytes), strict=False))


def _copy_info(reader: PdfFileReader) -> CopyInfo:
    info = reader.trailer_view.get("/Info")
    raw = ""
    if info is not None:
        value = info.get_object().get("/Keywords")
        raw = str(value) if value is not None else ""
    parts = [p.strip() for p in raw.split(";")]
    match = _LANG_RE.search(raw)
    return CopyInfo(draft="draft" in parts, language=match.group(1) if match else None)


# ---------------------------------------------------------------------------- stamp


def signer_name(signer: Signer) -> str:
    """The signer as printed in the stamp: given name and surname of the certificate."""
    cert = getattr(signer, "signing_cert", None)
    if cert is None:
        return "?"
    subject = cert.subject.native
    # a Belgian eID's common name reads "An Peeters (Signature)": print the person
    given, family = subject.get("given_name", ""), subject.get("surname", "")
    name = f"{given} {family}".strip() or subject.get("common_name") or ""
    return str(name or cert.subject.human_friendly)


def default_stamp_text(language: str | None) -> str:
    """``Digitaal ondertekend door`` + signer + time, in the copy's language(s)."""
    langs = _languages(language)
    heading = " / ".join(label("signature.stamp", lang) for lang in langs)
    return f"{heading}\n%(signer)s\n%(ts)s"


def _languages(language: str | None) -> tuple[str, ...]:
    try:
        return split_languages(language or "en")
    except ValueError:
        return ("en",)


def _format_time(moment: datetime, language: str | None) -> str:
    lang = _languages(language)[0]
    return f"{format_date(moment.date(), lang)} {moment:%H:%M} {moment.tzname() or ''}".strip()


def stamp_pdf(width: float, height: float, lines: list[str]) -> bytes:
    """A one-page PDF of the stamp's size: a thin accent bar and the text lines.

    The first line is a small heading, the second (the signer) bold; every line is
    shrunk to fit the box width rather than clipped.
    """
    from reportlab.lib import colors
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    supported = fonts.coverage(fonts.REGULAR).__contains__
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=(width, height), invariant=1)
    navy = colors.HexColor("#1F3A5F")
    c.setFillColor(colors.HexColor("#F4F7FB"))
    c.rect(0, 0, width, height, stroke=0, fill=1)
    c.setFillColor(navy)
    c.rect(0, 0, 2.2, height, stroke=0, fill=1)
    pad = 7.0
    room = width - pad - 4
    sizes = [7.0, 10.5, 8.0] + [7.0] * max(0, len(lines) - 3)
    faces = [fonts.REGULAR, fonts.BOLD, fonts.REGULAR] + [fonts.REGULAR] * max(0, len(lines) - 3)
    texts = [printable(line, supported) for line in lines]
    fitted: list[tuple[str, str, float]] = []
    for text, face, size in zip(texts, faces, sizes, strict=False):
        width_at_size = stringWidth(text, face, size)
        if width_at_size > room:
            size = max(4.5, size * room / width_at_size)
        fitted.append((text, face, size))
    total = sum(size * 1.25 for _, _, size in fitted)
    y = (height + total) / 2
    for i, (text, face, size) in enumerate(fitted):
        y -= size * 1.25
        c.setFont(face, size)
        c.setFillColor(navy if i == 1 else colors.HexColor("#3D4652"))
        c.drawString(pad, y + size * 0.25, text)
    c.showPage()
    c.save()
    return buffer.getvalue()


@lru_cache(maxsize=16)
def _stamp_reader(width: float, height: float, lines: tuple[str, ...]) -> PdfFileReader:
    """The stamp's PDF, drawn and parsed once per text and size (per process).

    The copies of one document are signed within the same minute by the same signer,
    so they share their stamps (one per language); drawing the stamp with its embedded
    font and parsing it back are most of a signature's CPU after the CMS. The reader is
    only read from, under ``_STAMP_LOCK`` (pyHanko resolves its objects lazily).
    """
    from pyhanko.pdf_utils.reader import PdfFileReader

    return PdfFileReader(io.BytesIO(stamp_pdf(width, height, list(lines))), strict=False)


_STAMP_LOCK = threading.Lock()


def _pdf_page_content(reader: PdfFileReader) -> PdfContent:
    """pyHanko ``PdfContent`` importing page 1 of a parsed in-memory PDF."""
    import binascii
    import uuid

    from pyhanko.pdf_utils.content import PdfContent
    from pyhanko.pdf_utils.layout import BoxConstraints

    class _ImportedPdfBytes(PdfContent):
        def render(self) -> bytes:
            writer = self._ensure_writer
            with _STAMP_LOCK:
                xobj = writer.import_page_as_xobject(reader, page_ix=0)
            name = b"/Import" + binascii.hexlify(uuid.uuid4().bytes)
            self.resources.xobject[name.decode("ascii")] = xobj
            x1, y1, x2, y2 = xobj.get_object()["/BBox"]
            self.box = BoxConstraints(width=abs(x1 - x2), height=abs(y1 - y2))
            return name + b" Do"

    return _ImportedPdfBytes()


# ---------------------------------------------------------------------------- sign


def _field_rect(reader: PdfFileReader, field_name: str) -> tuple[float, float]:
    from pyhanko.sign.fields import enumerate_sig_fields

    for name, value, ref in enumerate_sig_fields(reader, with_name=field_name):
        if name != field_name:
            continue
        if value is not None:
            raise PdfSigningError("pdf.already_signed", f"field {field_name!r} is already signed")
        x0, y0, x1, y1 = (float(v) for v in ref.get_object()["/Rect"])
        return abs(x1 - x0), abs(y1 - y0)
    raise PdfSigningError(
        "pdf.no_signature_field", f"the PDF has no signature field {field_name!r}"
    )


_RESERVED: dict[bytes, int] = {}  # signer's certificates → room for its CMS, per process


def _signer_key(signer: Signer) -> bytes | None:
    """What the size of a signer's CMS depends on: its certificate and the certificates it
    embeds (digest algorithm, PAdES attributes and the absence of a timestamp are fixed)."""
    cert = getattr(signer, "signing_cert", None)
    if cert is None:
        return None
    digest = hashlib.sha256(cert.dump())
    for other in getattr(signer, "cert_registry", None) or ():
        digest.update(other.dump())
    return digest.digest()


async def _bytes_reserved(signer: Signer, moment: datetime) -> int | None:
    """Room for the signature container, computed once per signer's certificates.

    pyHanko sizes the ``/Contents`` placeholder by building a complete dry-run CMS before
    the real one, for every PDF: half the cost of a signature. The size depends only on
    what :func:`_signer_key` hashes, so the first signature's estimate (the same formula:
    hex length plus 50 %) serves every later one. None: let pyHanko estimate.
    """
    key = _signer_key(signer)
    if key is None:
        return None
    if key not in _RESERVED:
        from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes

        dry_run = await signer.async_sign(
            hashlib.sha256().digest(),
            "sha256",
            use_pades=True,
            dry_run=True,
            signed_attr_settings=PdfCMSSignedAttributes(signing_time=moment),
        )
        hex_length = len(dry_run.dump()) * 2
        _RESERVED[key] = hex_length + 2 * (hex_length // 4)
    return _RESERVED[key]


async def async_sign_pdf(
    pdf_bytes: bytes,
    signer: Signer,
    *,
    field_name: str = DEFAULT_FIELD,
    stamp_text: str | None = None,
    reason: str | None = None,
    location: str | None = None,
    now: datetime | None = None,
) -> bytes:
    """Asynchronous :func:`sign_pdf`, for callers already inside an event loop."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.layout import AxisAlignment, InnerScaling, Margins, SimpleBoxLayoutRule
    from pyhanko.sign.fields import SigSeedSubFilter
    from pyhanko.sign.signers import PdfSignatureMetadata, PdfSigner
    from pyhanko.stamp import StaticStampStyle

    from fitnote_desktop.documents.pades_cms import TemplatePadesSigner

    # one parse of the input serves the checks and the incremental update
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf_bytes), strict=False)
    info = _copy_info(writer.prev)
    if info.draft:
        raise PdfSigningError("pdf.draft", "a draft copy is never signed")
    width, height = _field_rect(writer.prev, field_name)
    name = signer_name(signer)
    moment = (now or datetime.now().astimezone()).astimezone()
    template = stamp_text if stamp_text is not None else default_stamp_text(info.language)
    text = template % {"signer": name, "ts": _format_time(moment, info.language)}
    inset = STAMP_INSET
    style = StaticStampStyle(
        background=_pdf_page_content(
            _stamp_reader(width - 2 * inset, height - 2 * inset, tuple(text.split("\n")))
        ),
        border_width=0,
        background_layout=SimpleBoxLayoutRule(
            x_align=AxisAlignment.ALIGN_MIN,
            y_align=AxisAlignment.ALIGN_MIN,
            margins=Margins.uniform(inset),
            inner_content_scaling=InnerScaling.NO_SCALING,
        ),
    )
    meta = PdfSignatureMetadata(
        field_name=field_name,
        md_algorithm="sha256",
        subfilter=SigSeedSubFilter.PADES,
        name=name,
        reason=reason,
        location=location,
    )
    pdf_signer = PdfSigner(meta, signer=TemplatePadesSigner(signer), stamp_style=style)
    out = io.BytesIO()
    await pdf_signer.async_sign_pdf(
        writer,
        existing_fields_only=True,
        output=out,
        bytes_reserved=await _bytes_reserved(signer, moment),
    )
    return out.getvalue()


def sign_pdf(
    pdf_bytes: bytes,
    signer: Signer,
    *,
    field_name: str = DEFAULT_FIELD,
    stamp_text: str | None = None,
    reason: str | None = None,
    location: str | None = None,
    now: datetime | None = None,
) -> bytes:
    """Sign a rendered copy (PAdES-B-B) into its signature field, with a visible stamp.

    ``stamp_text`` is a template with ``%(signer)s`` (the certificate's common name)
    and ``%(ts)s`` (signing time), lines separated by ``\\n``; by default a heading in
    the copy's language(s). Raises :class:`PdfSigningError` for a draft, a missing or
    an already signed field. Each call makes one signature, so a PKCS#11 signer asks
    its PIN once.
    """
    with gc_paused():  # pyHanko's objects live until the signed PDF is written
        return _run(
            async_sign_pdf(
                pdf_bytes,
                signer,
                field_name=field_name,
                stamp_text=stamp_text,
                reason=reason,
                location=location,
                now=now,
            )
        )


class _Loop:
    """An event loop of one thread, closed when the thread's ``_LOOPS`` is dropped."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()

    def __del__(self) -> None:
        self.loop.close()


_LOOPS = threading.local()


def _run(coroutine: Coroutine[Any, Any, bytes]) -> bytes:
    """Run ``coroutine`` to its end on this thread's own event loop.

    ``asyncio.run`` builds a new loop for every call, installs and removes a SIGINT
    handler and shuts the loop down again: about a seventh of a signature's CPU in issue
    14's profile. A signature needs none of that, so each thread keeps one loop (never set
    as the thread's current loop) and runs its signatures on it.
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:  # none running: the usual case
        pass
    else:
        coroutine.close()
        raise RuntimeError("sign_pdf cannot run inside an event loop: await async_sign_pdf")
    holder: _Loop | None = getattr(_LOOPS, "holder", None)
    if holder is None:
        holder = _LOOPS.holder = _Loop()
    return holder.loop.run_until_complete(coroutine)
