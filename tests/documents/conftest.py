"""Fixtures of the PDF tests: text extraction with poppler, a demo signer, cached copies.

Rendering is fast but not free and pdftotext is a subprocess, so copies of the samples
are rendered once per session and shared; tests that need other content render their
own.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from fitnote_desktop.demo import DEMO_PASSWORD
from fitnote_desktop.documents.copies import RenderedCopy, render_copy
from fitnote_desktop.domain import samples
from fitnote_desktop.domain.model import Document, Recipient


def pdf_text(pdf: bytes, *, layout: bool = False) -> str:
    """Text of a PDF as poppler's pdftotext extracts it (what a reader copy-pastes)."""
    args = ["pdftotext", "-enc", "UTF-8", *(["-layout"] if layout else []), "-", "-"]
    done = subprocess.run(args, input=pdf, capture_output=True, check=True, timeout=60)
    return done.stdout.decode("utf-8")


def pdfsig(pdf: bytes, tmp_path: Path, name: str = "copy.pdf") -> str:
    """``pdfsig -nocert`` output: signature validation only, not the demo CA's trust."""
    path = tmp_path / name
    path.write_bytes(pdf)
    done = subprocess.run(
        ["pdfsig", "-nocert", str(path)], capture_output=True, timeout=60, check=False
    )
    return done.stdout.decode("utf-8", "replace") + done.stderr.decode("utf-8", "replace")


@pytest.fixture(scope="session")
def demo_pki(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from support import signing as sig_support

    return sig_support.build_demo_pki(tmp_path_factory.mktemp("pki-pdf"))


@pytest.fixture(scope="session")
def gp_signer(demo_pki):  # type: ignore[no-untyped-def]
    """pyHanko signer on the demo GP's signature key (ECDSA P-384, from PKCS#12)."""
    from pyhanko.sign.signers import SimpleSigner

    return SimpleSigner.load_pkcs12(
        str(demo_pki.physician("gp").signature_p12), passphrase=DEMO_PASSWORD.encode()
    )


@pytest.fixture(scope="session")
def sample() -> Document:
    return samples.incapacity()


@pytest.fixture(scope="session")
def copies() -> Callable[..., RenderedCopy]:
    """``copies(name, recipient, language)``: rendered sample copies, cached per session."""
    cache: dict[tuple[str, str, str | None, bool], RenderedCopy] = {}
    docs = samples.all_samples()

    def get(
        name: str, recipient: Recipient | str, language: str | None = None, draft: bool = False
    ) -> RenderedCopy:
        key = (name, str(Recipient(recipient)), language, draft)
        if key not in cache:
            cache[key] = render_copy(docs[name], recipient, language, draft=draft)
        return cache[key]

    return get


@pytest.fixture(scope="session")
def texts(copies: Callable[..., RenderedCopy]) -> Callable[..., str]:
    """``texts(name, recipient, language)``: pdftotext of a cached copy."""
    cache: dict[tuple[str, str, str | None, bool], str] = {}

    def get(
        name: str, recipient: Recipient | str, language: str | None = None, draft: bool = False
    ) -> str:
        key = (name, str(Recipient(recipient)), language, draft)
        if key not in cache:
            cache[key] = pdf_text(copies(name, recipient, language, draft).pdf)
        return cache[key]

    return get
