"""Profiles in the store: the physician's identity both ways, and first-run creation."""

from __future__ import annotations

from fitnote_desktop.domain.model import Address, Practitioner
from fitnote_desktop.store import PractitionerInfo, Profile, ProfileManager, keyring_available


def practitioner_from(info: PractitionerInfo) -> Practitioner:
    """The author block from the store's ``PractitionerInfo``."""
    practice = dict(info.practice or {})
    addr = practice.get("address")
    return Practitioner(
        given_name=info.given_name,
        family_name=info.family_name,
        riziv=info.riziv or "",
        niss=info.niss or "",
        practice_name=str(practice.get("name", "")),
        address=Address(**addr) if isinstance(addr, dict) else None,
        phone=str(practice.get("phone", "")),
        email=str(practice.get("email", "")),
    )


def practice_of(author: Practitioner) -> dict[str, object]:
    """The practice block the store keeps next to the physician's name."""
    a = author.address or Address()
    return {
        "name": author.practice_name,
        "phone": author.phone,
        "email": author.email,
        "address": {
            "street": a.street,
            "house_number": a.house_number,
            "postal_code": a.postal_code,
            "city": a.city,
            "country": a.country,
        },
    }


def practitioner_info(author: Practitioner, languages: tuple[str, ...]) -> PractitionerInfo:
    return PractitionerInfo(
        given_name=author.given_name,
        family_name=author.family_name,
        riziv=author.riziv,
        niss=author.niss or None,
        languages=languages,
        practice=practice_of(author),
    )


class StoreProfiles:
    """The ``ProfileCreator`` port over the store's ``ProfileManager``."""

    def __init__(self, manager: ProfileManager) -> None:
        self.manager = manager

    def keyring_available(self) -> bool:
        return keyring_available()

    def eid_module_candidates(self) -> list[str]:
        from fitnote_desktop.signing.pkcs11 import default_eid_module_candidates

        return list(default_eid_module_candidates())

    def exists(self, profile_id: str) -> bool:
        return self.manager.exists(profile_id)

    def create(
        self,
        profile_id: str,
        *,
        author: Practitioner,
        languages: tuple[str, ...],
        passphrase: str | None,
        use_keyring: bool,
        settings: dict[str, object],
    ) -> Profile:
        self.manager.create(
            profile_id,
            label=f"{author.given_name} {author.family_name}",
            passphrase=passphrase,
            use_keyring=use_keyring,
            practitioner=practitioner_info(author, languages),
        )
        profile = self.manager.open(profile_id, passphrase)
        try:
            for key, value in settings.items():
                profile.set_setting(key, value)
        except BaseException:
            profile.lock()
            raise
        return profile
