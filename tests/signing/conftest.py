"""Session fixtures of the signing tests: one demo PKI per algorithm, one SoftHSM2 store.

Generating keys and loading tokens is the slow part, so it happens once per session;
tests that need to alter things (tampered certificates) work in their own tmp dirs.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from support import signing as sig_support

from fitnote_desktop.demo import DEMO_PASSWORD
from fitnote_desktop.demo.pki import DemoPki
from fitnote_desktop.demo.softhsm import SoftHsmToken

PAYLOAD = (
    '{"author":{"riziv":"12345625004"},"id":"7d0c9b1e-5f2a-4c1e-9a53-0d1f2b3c4d5e",'
    '"patient":{"name":"Élise Janssens"},"schema":"fitnote/1"}'
).encode()


@pytest.fixture(scope="session")
def demo_pki(tmp_path_factory: pytest.TempPathFactory) -> DemoPki:
    return sig_support.build_demo_pki(tmp_path_factory.mktemp("pki-ec"))


@pytest.fixture(scope="session")
def rsa_pki(tmp_path_factory: pytest.TempPathFactory) -> DemoPki:
    return sig_support.build_demo_pki(tmp_path_factory.mktemp("pki-rsa"), algorithm="rsa-2048")


@pytest.fixture(scope="session")
def hsm_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("softhsm")


@pytest.fixture(scope="session")
def demo_token(demo_pki: DemoPki, hsm_dir: Path) -> SoftHsmToken:
    """SoftHSM2 tokens "DEMO EID An Peeters" / "DEMO EID Marc Dubois" (ECDSA P-384)."""
    return sig_support.build_softhsm_tokens(demo_pki, hsm_dir, label="DEMO EID")


@pytest.fixture(scope="session")
def rsa_token(rsa_pki: DemoPki, hsm_dir: Path, demo_token: SoftHsmToken) -> SoftHsmToken:
    """RSA-2048 tokens in the same store (a process has one SoftHSM2 store)."""
    return sig_support.build_softhsm_tokens(rsa_pki, hsm_dir, label="RSA EID")


@pytest.fixture
def payload() -> bytes:
    return PAYLOAD


@pytest.fixture
def good_pin() -> sig_support.RecordingPin:
    return sig_support.RecordingPin(DEMO_PASSWORD)
