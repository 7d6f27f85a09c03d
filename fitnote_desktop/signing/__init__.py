"""Signing layer: eID-style signatures with a PKCS#11 token or a PKCS#12 file.

Public surface (other layers import from here or from the named modules):

* ``ports``: ``DocumentSigner``, ``Authenticator``, ``SignerConfig``, ``SignerSession``
* ``factory.open_signer(config, pin_callback)``
* ``errors``: ``SigningError`` (``.code``), ``EnvelopeError``
* ``verify``: ``verify_detached``, ``VerificationResult``, ``verify_challenge_signature``
* ``envelope``: ``make_envelope``, ``parse_envelope``
* ``certificates``: ``load_certificate``, ``load_certificates`` (trust anchors from files)
* ``pkcs11.list_tokens``, ``pkcs11.default_eid_module_candidates``

The demo PKI and its SoftHSM2 tokens are a demo feature: ``fitnote_desktop.demo.pki`` and
``fitnote_desktop.demo.softhsm``. Test helpers live in ``tests/support``.

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
