"""The configured key store (PKCS#12 files or a PKCS#11 token) as the ``Signer`` port."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fitnote_desktop.services.ports import PinCallback

if TYPE_CHECKING:
    from fitnote_desktop.signing import SignerConfig


class DeferredPin:
    """A PIN callback whose implementation is plugged in later (the UI's PIN dialog).

    The endpoint client's authenticator is created once, at unlock, with this object as
    its callback; the UI (or the self-check) decides how the PIN is asked.
    """

    def __init__(self, callback: PinCallback | None = None) -> None:
        self.callback = callback

    def __call__(self, purpose: str) -> str | None:
        if self.callback is None:
            return None
        return self.callback(purpose)


class ConfiguredSigner:
    """Opens the configured key store for one signature and closes it again."""

    def __init__(self, config: SignerConfig) -> None:
        self.config = config

    def sign(self, data: bytes, pin: PinCallback) -> bytes:
        from fitnote_desktop.signing import open_signer

        with open_signer(self.config, pin) as session:
            return session.document_signer.sign_detached(data)
