"""Machinery shared by the PKCS#12 and PKCS#11 signers.

Both key stores are reduced to a ``KeySource``: certificates readable up front, and an
``unlock()`` context that asks the PIN, yields a ``RawSigner`` (``DecryptedKeySigner`` for
a file, ``TokenKeySigner`` for a token session) and closes it again. On top of that,
one pyHanko ``Signer`` subclass (``OnDemandSigner``) assembles CMS/CAdES, and the two
port classes (documents, challenges) are written once.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import datetime as dt
from collections.abc import Awaitable, Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Protocol, TypeVar

from asn1crypto import keys as asn1_keys
from asn1crypto import x509
from pyhanko.sign.signers import Signer
from pyhanko.sign.signers.pdf_cms import select_suitable_signing_md
from pyhanko_certvalidator.registry import SimpleCertificateStore

from fitnote_desktop.signing.cms_build import DetachedCmsTemplate
from fitnote_desktop.signing.errors import CANCELLED, SigningError
from fitnote_desktop.signing.ports import PinCallback

T = TypeVar("T")

CHALLENGE_DIGEST = "sha256"


def run_sync(factory: Callable[[], Awaitable[T]]) -> T:
    """Run a pyHanko coroutine from synchronous code.

    The port is synchronous (services and Qt slots call it directly). When the caller is
    already inside an event loop (an async service, the endpoint's tests) we must not
    nest ``asyncio.run``; the coroutine then runs on a private loop in a worker thread.
    """

    async def _main() -> T:
        return await factory()

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(_main())
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, _main()).result()


def ask_pin(callback: PinCallback, purpose: str) -> str:
    """Ask the PIN for one operation; ``None`` (or a non-string) means cancelled."""
    pin = callback(purpose)
    if pin is None:
        raise SigningError(CANCELLED)
    if not isinstance(pin, str):
        raise SigningError(CANCELLED, "The PIN prompt returned no PIN.")
    return pin


def common_name(cert: x509.Certificate) -> str:
    return str(cert.subject.native.get("common_name", cert.subject.human_friendly))


def is_ca(cert: x509.Certificate) -> bool:
    return bool(cert.ca)


def raw_signature_size(cert: x509.Certificate) -> int:
    """Upper bound of a raw signature's size, for pyHanko's dry runs (PDF placeholders)."""
    public_key: asn1_keys.PublicKeyInfo = cert.public_key
    if public_key.algorithm == "ec":
        coordinate = (public_key.bit_size + 7) // 8
        return 2 * coordinate + 9  # DER SEQUENCE of two INTEGERs, worst case
    return (public_key.bit_size + 7) // 8


class RawSigner(Protocol):
    """An unlocked key: one synchronous raw signature of ``data`` hashed with the digest.

    Synchronous on purpose: an event loop per signature (``run_sync``) costs several
    times an ECDSA signature, and a token call blocks anyway.
    """

    def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes: ...


class KeySource(Protocol):
    """One private key plus its certificates, wherever they live."""

    purpose: str

    @property
    def certificate(self) -> x509.Certificate: ...

    @property
    def chain(self) -> Sequence[x509.Certificate]: ...

    def unlock(self) -> AbstractContextManager[RawSigner]:
        """Ask the PIN, yield the unlocked key, then lock it again."""
        ...

    def close(self) -> None: ...


class OnDemandSigner(Signer):
    """A pyHanko ``Signer`` that unlocks its key for every raw signature.

    pyHanko builds the CMS (and PDF signature dictionaries) around ``async_sign_raw``;
    by unlocking there, every signature – document or PDF – costs exactly one PIN prompt
    and no key stays unlocked in between.
    """

    def __init__(self, source: KeySource) -> None:
        self._source = source
        store = SimpleCertificateStore()
        store.register_multiple(list(source.chain))
        super().__init__(signing_cert=source.certificate, cert_registry=store, embed_roots=True)

    async def async_sign_raw(
        self, data: bytes, digest_algorithm: str, dry_run: bool = False
    ) -> bytes:
        if dry_run:
            return bytes(raw_signature_size(self._source.certificate))
        with self._source.unlock() as inner:
            return inner.sign_raw(data, digest_algorithm)


class CmsDocumentSigner:
    """``DocumentSigner`` over any ``KeySource``: detached CAdES-BES.

    The CMS is assembled from a template of the key's constant parts (``cms_build``),
    built at the first signature, structurally the same as pyHanko's; only the raw
    signature goes through the unlocked pyHanko signer (file key or token).
    """

    def __init__(self, source: KeySource) -> None:
        self._source = source
        self._template: DetachedCmsTemplate | None = None
        self._template_certificate: x509.Certificate | None = None

    @property
    def signing_certificate(self) -> x509.Certificate:
        return self._source.certificate

    @property
    def chain(self) -> Sequence[x509.Certificate]:
        return self._source.chain

    @property
    def digest_algorithm(self) -> str:
        """SHA-384 for P-384 keys, SHA-256 for RSA-2048 (pyHanko's strength matching)."""
        return select_suitable_signing_md(self.signing_certificate.public_key)

    def pdf_signer(self) -> Signer:
        return OnDemandSigner(self._source)

    def sign_detached(self, data: bytes) -> bytes:
        data = bytes(data)
        # Unlock first: a PKCS#12 file reveals its certificates only with the password,
        # so this keeps a signature at exactly one prompt for both key stores.
        with self._source.unlock() as unlocked:
            template = self._template_for_key()
            # pyHanko's generic CMS profile: content-type, message-digest,
            # signing-certificate-v2, CMS algorithm protection, and the signing time
            # (UTC, whole seconds).
            signing_time = dt.datetime.now(dt.UTC).replace(microsecond=0)

            def sign_raw(attributes: bytes) -> bytes:
                return unlocked.sign_raw(attributes, template.digest)

            return template.sign(data, sign_raw, signing_time)

    def _template_for_key(self) -> DetachedCmsTemplate:
        """Built after the first unlock (a PKCS#12 file shows its chain only then), and
        again if the key source now holds another certificate (a replaced key file); the
        chain is embedded as pyHanko's ``embed_roots=True`` would."""
        certificate = self._source.certificate
        if self._template is None or self._template_certificate is not certificate:
            self._template = DetachedCmsTemplate(
                certificate, self._source.chain, self.digest_algorithm
            )
            self._template_certificate = certificate
        return self._template

    def close(self) -> None:
        self._source.close()


class ChallengeAuthenticator:
    """``Authenticator`` over any ``KeySource``: raw signature of the endpoint's nonce."""

    def __init__(self, source: KeySource) -> None:
        self._source = source
        self._algorithm: str | None = None

    @property
    def authentication_certificate(self) -> x509.Certificate:
        return self._source.certificate

    @property
    def chain(self) -> Sequence[x509.Certificate]:
        """CA certificates that came with the key (PKCS#12 bag, CA objects on the token),
        for a login request that must let the endpoint build the path."""
        return self._source.chain

    @property
    def algorithm(self) -> str:
        if self._algorithm is None:
            probe = OnDemandSigner(self._source)
            mechanism = probe.get_signature_mechanism_for_digest(CHALLENGE_DIGEST)
            self._algorithm = str(mechanism["algorithm"].native)
        return self._algorithm

    def sign_challenge(self, nonce: bytes) -> bytes:
        if not isinstance(nonce, bytes | bytearray) or not nonce:
            raise ValueError("the challenge nonce must be non-empty bytes")

        with self._source.unlock() as inner:
            return inner.sign_raw(bytes(nonce), CHALLENGE_DIGEST)

    def close(self) -> None:
        self._source.close()


def iter_unique(certs: Sequence[x509.Certificate]) -> Iterator[x509.Certificate]:
    seen: set[bytes] = set()
    for cert in certs:
        fingerprint = cert.sha256
        if fingerprint not in seen:
            seen.add(fingerprint)
            yield cert
