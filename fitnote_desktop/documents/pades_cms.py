"""The CMS inside a copy's PAdES signature, assembled from a per-signer template.

pyHanko's ``PdfSigner`` asks its ``Signer`` for the CMS of every PDF signature, and the
generic ``Signer.async_sign`` builds it as a tree of asn1crypto objects: about half of a
signed copy's CPU in issue 14's profile. For one signer nearly all of it is constant
(certificates, signer identifier, algorithms, the signing-certificate-v2 attribute), so
:class:`TemplatePadesSigner` wraps the caller's pyHanko signer and, for the one shape our
copies are signed with (PAdES B-B: no timestamp, no extra CAdES attributes, no attribute
certificates), assembles the same CMS from ``signing.cms_build``'s template: only the
message digest and the raw signature are new per copy, and the raw signature is still
the wrapped signer's (one PIN prompt, as before). Any other request is pyHanko's own
code path. ``tests/documents/test_pades_cms.py`` holds the two outputs equal.
"""

from __future__ import annotations

import hashlib
import threading
from typing import Any

from asn1crypto import cms
from pyhanko.sign.signers import Signer
from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes

from fitnote_desktop.signing.cms_build import DetachedCmsTemplate

_TEMPLATES: dict[tuple[bytes, str], DetachedCmsTemplate] = {}  # per signer, per process
_LOCK = threading.Lock()


def _template_for(signer: Signer, digest: str) -> DetachedCmsTemplate | None:
    """The signer's PAdES template (built at its first signature), or ``None`` when its
    CMS is not the plain shape the template writes."""
    cert = signer.signing_cert
    if (
        cert is None
        or not signer.embed_roots
        or signer.signed_attr_prov_spec is not None
        or signer.unsigned_attr_prov_spec is not None
        or list(signer.attribute_certs)
    ):
        return None
    chain = list(signer.cert_registry)
    key_hash = hashlib.sha256(cert.dump())
    for other in chain:
        key_hash.update(other.dump())
    key = (key_hash.digest(), digest)
    with _LOCK:
        template = _TEMPLATES.get(key)
        if template is None:
            try:
                template = DetachedCmsTemplate(cert, chain, digest, pdf=True)
            except ValueError:  # a mechanism the template does not write (RSA-PSS ...)
                return None
            _TEMPLATES[key] = template
    if signer.signature_mechanism is not None and (
        signer.signature_mechanism["algorithm"].native != template.mechanism
    ):
        return None
    return template


class TemplatePadesSigner(Signer):
    """``inner`` with its PAdES CMS assembled from a template (module docstring)."""

    def __init__(self, inner: Signer) -> None:
        super().__init__(
            prefer_pss=inner.prefer_pss,
            embed_roots=inner.embed_roots,
            signature_mechanism=inner.signature_mechanism,
            signing_cert=inner.signing_cert,
            cert_registry=inner.cert_registry,
        )
        self._inner = inner

    async def async_sign_raw(
        self, data: bytes, digest_algorithm: str, dry_run: bool = False
    ) -> bytes:
        return await self._inner.async_sign_raw(data, digest_algorithm, dry_run=dry_run)

    async def async_sign(
        self,
        data_digest: bytes,
        digest_algorithm: str,
        dry_run: bool = False,
        use_pades: bool = False,
        timestamper: Any = None,
        signed_attr_settings: PdfCMSSignedAttributes | None = None,
        is_pdf_sig: bool = True,
        encap_content_info: Any = None,
    ) -> cms.ContentInfo:
        plain = (
            use_pades
            and is_pdf_sig
            and not dry_run
            and timestamper is None
            and encap_content_info is None
            and (signed_attr_settings is None or signed_attr_settings.cades_signed_attrs is None)
        )
        template = _template_for(self._inner, digest_algorithm) if plain else None
        if template is None:
            return await self._inner.async_sign(
                data_digest,
                digest_algorithm,
                dry_run=dry_run,
                use_pades=use_pades,
                timestamper=timestamper,
                signed_attr_settings=signed_attr_settings,
                is_pdf_sig=is_pdf_sig,
                encap_content_info=encap_content_info,
            )
        attributes = template.signed_attributes(data_digest)  # PAdES: no signing-time
        signature = await self._inner.async_sign_raw(
            template.to_be_signed(attributes), digest_algorithm
        )
        return cms.ContentInfo.load(template.assemble(attributes, signature))
