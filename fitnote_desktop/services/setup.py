"""First run: a physician's profile created from what the wizard asked."""

from __future__ import annotations

import re
from dataclasses import dataclass

from fitnote_desktop.domain.model import Practitioner
from fitnote_desktop.services.errors import translating
from fitnote_desktop.services.ports import ProfileCreator, UnlockedProfile

_ID_SAFE = re.compile(r"[^a-z0-9-]+")


@dataclass(frozen=True)
class SignerChoice:
    """An eID card / PKCS#11 token (``module_path``) or PKCS#12 key files."""

    pkcs11: bool
    module_path: str = ""
    token_label: str = ""
    pkcs12_path: str = ""
    pkcs12_auth_path: str = ""

    def setting(self) -> dict[str, object]:
        if self.pkcs11:
            return {
                "kind": "pkcs11",
                "module_path": self.module_path.strip(),
                "token_label": self.token_label.strip(),
            }
        return {
            "kind": "pkcs12",
            "pkcs12_path": self.pkcs12_path.strip(),
            "pkcs12_auth_path": self.pkcs12_auth_path.strip(),
        }


@dataclass(frozen=True)
class EndpointChoice:
    url: str
    ca_bundle: str = ""
    receipt_cert: str = ""

    def setting(self) -> dict[str, object]:
        return {
            "url": self.url.strip(),
            "ca_bundle": self.ca_bundle.strip(),
            "receipt_cert": self.receipt_cert.strip(),
        }


@dataclass(frozen=True)
class NewProfile:
    author: Practitioner
    languages: tuple[str, ...]
    passphrase: str | None  # None: the key is kept in the OS keyring
    signer: SignerChoice
    endpoint: EndpointChoice | None = None


class FirstRun:
    def __init__(self, creator: ProfileCreator) -> None:
        self._creator = creator

    def keyring_available(self) -> bool:
        return self._creator.keyring_available()

    def eid_module_candidates(self) -> list[str]:
        try:
            return self._creator.eid_module_candidates()
        except Exception:  # a convenience only: the physician can browse for the module
            return []

    def _free_id(self, author: Practitioner) -> str:
        """A profile id from the physician's name, numbered if already taken."""
        base = _ID_SAFE.sub("-", f"{author.given_name}-{author.family_name}".lower()).strip("-")
        profile_id, n = base or "profile", 2
        while self._creator.exists(profile_id):
            profile_id, n = f"{base}-{n}", n + 1
        return profile_id

    def create(self, request: NewProfile) -> UnlockedProfile:
        """Create and unlock the profile; the signer (and endpoint) settings go in it."""
        settings: dict[str, object] = {"signer": request.signer.setting()}
        if request.endpoint is not None and request.endpoint.url.strip():
            settings["endpoint"] = request.endpoint.setting()
        with translating("store.error"):
            return self._creator.create(
                self._free_id(request.author),
                author=request.author,
                languages=request.languages or ("nl", "fr"),
                passphrase=request.passphrase,
                use_keyring=request.passphrase is None,
                settings=settings,
            )
