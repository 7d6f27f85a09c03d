"""``open_signer``: from a ``SignerConfig`` to both keys of a physician.

The composition root (app.py) and the CLI call this; services only see the ports.
Imports of the concrete back-ends are deferred so that choosing PKCS#12 never loads
python-pkcs11 and vice versa.
"""

from __future__ import annotations

from fitnote_desktop.signing.errors import CONFIG_INVALID, SigningError
from fitnote_desktop.signing.ports import (
    Authenticator,
    DocumentSigner,
    PinCallback,
    SignerConfig,
    SignerSession,
)


def open_signer(config: SignerConfig, pin_callback: PinCallback) -> SignerSession:
    """Open the configured key store; raises ``SigningError`` with a stable code.

    Opening asks no PIN for a token (certificates are public); for a PKCS#12 file the
    password is asked at the first operation that needs it. Every signature and every
    challenge then asks again (see ``ports``).
    """
    if config.kind == "pkcs12":
        from fitnote_desktop.signing.pkcs12 import Pkcs12Authenticator, Pkcs12DocumentSigner

        if config.pkcs12_path is None:
            raise SigningError(CONFIG_INVALID, "No PKCS#12 signature key file is configured.")
        document_signer: DocumentSigner = Pkcs12DocumentSigner(config.pkcs12_path, pin_callback)
        authenticator: Authenticator | None = None
        if config.pkcs12_auth_path is not None:
            authenticator = Pkcs12Authenticator(config.pkcs12_auth_path, pin_callback)
        return SignerSession(document_signer, authenticator)

    if config.kind == "pkcs11":
        from fitnote_desktop.signing.pkcs11 import Pkcs11Authenticator, Pkcs11DocumentSigner

        if not config.module_path:
            raise SigningError(CONFIG_INVALID, "No PKCS#11 module path is configured.")
        document_signer = Pkcs11DocumentSigner(
            config.module_path,
            config.token_label,
            pin_callback,
            key_label=config.signature_key_label,
        )
        try:
            authenticator = Pkcs11Authenticator(
                config.module_path,
                config.token_label,
                pin_callback,
                key_label=config.authentication_key_label,
            )
        except SigningError:
            document_signer.close()
            raise
        return SignerSession(document_signer, authenticator)

    raise SigningError(CONFIG_INVALID, f"Unknown signer kind {config.kind!r}.")
