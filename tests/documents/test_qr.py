"""``documents/qr.py`` sets exactly the modules reportlab's ``QRCode.make`` sets: a
differential test on payloads of every encoding mode (numeric, alphanumeric, bytes, UTF-8)
and of many lengths, so many versions (with and without the version information of
version 7 and up), masks and Reed-Solomon block layouts; verification addresses included.
"""

from __future__ import annotations

import random
import uuid

import pytest
from reportlab.graphics.barcode import qrencoder

from fitnote_desktop.documents.qr import qr_modules
from fitnote_desktop.domain.reference import qr_payload_for

ALPHABETS = {
    "numeric": "0123456789",
    "alphanumeric": "ABCXYZ 0123456789$%*+-./:",
    "bytes": "abcdefXYZ:/?&=-0123456789",
    "utf-8": "éßü€aZ ",
}
LENGTHS = [*range(0, 48), 60, 80, 100, 130, 170, 220, 300]


def _reportlab(payload: str) -> tuple[tuple[bool, ...], ...]:
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(payload)
    code.make()
    return tuple(tuple(bool(m) for m in row) for row in code.modules)


def _payloads(alphabet: str) -> list[str]:
    rnd = random.Random(alphabet)
    return ["".join(rnd.choice(alphabet) for _ in range(n)) for n in LENGTHS]


@pytest.mark.parametrize("mode", sorted(ALPHABETS))
def test_modules_are_reportlabs(mode: str) -> None:
    for payload in _payloads(ALPHABETS[mode]):
        assert qr_modules(payload) == _reportlab(payload), (mode, len(payload))


def test_verification_payloads_are_reportlabs() -> None:
    rnd = random.Random(14)
    for n in range(40):
        doc_id = uuid.UUID(int=rnd.getrandbits(128))
        short = f"{rnd.getrandbits(32):08x}"
        base = "https://endpoint.example/api/v1" if n % 2 else None
        payload = qr_payload_for(doc_id, short, verify_base_url=base)
        assert qr_modules(payload) == _reportlab(payload), payload


def test_a_version_7_symbol_carries_its_version_information() -> None:
    payload = _payloads(ALPHABETS["bytes"])[LENGTHS.index(170)]
    modules = qr_modules(payload)
    assert len(modules) >= 7 * 4 + 17  # version 7 or more
    assert modules == _reportlab(payload)
