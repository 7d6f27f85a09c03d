"""Signing layer: eID-style signatures with a PKCS#11 token or a PKCS#12 file.

Public surface (other layers import from here or from the named modules):

* ``ports``: ``DocumentSigner``, ``Authenticator``, ``SignerConfig``, ``SignerSession``
* ``factory.open_signer(config, pin_callback)``
* ``errors``: ``SigningError`` (``.code``), ``EnvelopeError``
* ``verify``: ``verify_detached``, ``VerificationResult``, ``verify_challenge_signature``
* ``envelope``: ``make_envelope``, ``parse_envelope``
* ``demo_pki.create_demo_pki``, ``softhsm.load_demo_pki_into_softhsm``
* ``pkcs11.list_tokens``, ``pkcs11.default_eid_module_candidates``
* ``testing``: helpers for other test folders (demo PKI, tokens, tampered signatures)

Only light modules are imported eagerly; pyHanko and python-pkcs11 load on first use.
"""

from fitnote_desktop.signing.errors import EnvelopeError, SigningError
from fitnote_desktop.signing.factory import open_signer
from fitnote_desktop.signing.ports import (
    Authenticator,
    DocumentSigner,
    PinCallback,
    SignerConfig,
    SignerSession,
)

__all__ = [
    "Authenticator",
    "DocumentSigner",
    "EnvelopeError",
    "PinCallback",
    "SignerConfig",
    "SignerSession",
    "SigningError",
    "open_signer",
]
