"""Property: whatever the names (any script, accents, %, _, quotes), a patient is found by
any fragment of any word of their name, typed in any case, with or without accents."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from fitnote_desktop.store import KdfParams, ProfileManager, StoreOptions
from fitnote_desktop.store.patients import fold

names = st.text(
    alphabet=st.characters(
        categories=("Lu", "Ll", "Lo", "Nd", "Pd", "Po", "Zs"), include_characters="%_'\\"
    ),
    min_size=1,
    max_size=20,
).filter(lambda s: fold(s) != "")


def test_any_fragment_of_any_name_finds_the_patient(tmp_path: Path) -> None:
    manager = ProfileManager(tmp_path, StoreOptions(kdf=KdfParams.for_tests()))
    manager.create("p", passphrase="correct horse battery staple")
    with manager.open("p", "correct horse battery staple") as profile:

        @settings(max_examples=40)
        @given(given_name=names, family_name=names, data=st.data())
        def check(given_name: str, family_name: str, data: st.DataObject) -> None:
            rec = profile.patients.create(given_name=given_name, family_name=family_name)
            word = data.draw(st.sampled_from(fold(f"{given_name} {family_name}").split()))
            start = data.draw(st.integers(0, len(word) - 1))
            fragment = word[start : data.draw(st.integers(start + 1, len(word)))]
            typed = data.draw(
                st.sampled_from(
                    [fragment, fragment.upper(), unicodedata.normalize("NFD", fragment)]
                )
            )
            if typed.replace(" ", "").isdigit():
                return  # digits-only queries search the NISS instead
            found = [p.id for p in profile.patients.search(typed, limit=10_000)]
            assert rec.id in found

        check()
