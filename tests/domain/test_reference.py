"""The printed reference and the QR payload: one syntax, a forgiving parser."""

from __future__ import annotations

import uuid
from dataclasses import replace

import pytest

from fitnote_desktop.domain import samples
from fitnote_desktop.domain.reference import (
    Reference,
    make_reference,
    matches,
    parse_reference,
    qr_payload,
    short_hash,
    verification_url,
)

DOC = samples.incapacity()
ID = "6f1c2b1e-7a3d-4c5e-9b8a-0d1e2f3a4b5c"


def test_reference_is_id_dot_eight_hex_of_canonical_sha256() -> None:
    import hashlib

    from fitnote_desktop.domain.canonical import canonical_bytes

    ref = make_reference(DOC)
    expected = hashlib.sha256(canonical_bytes(DOC)).hexdigest()[:8]
    assert ref == f"{ID} · {expected}"
    assert short_hash(DOC) == expected


def test_changed_content_keeps_the_id_but_not_the_hash() -> None:
    changed = replace(DOC, consultation=replace(DOC.consultation, place="Brugge"))
    assert make_reference(changed).split(" · ")[0] == ID
    assert short_hash(changed) != short_hash(DOC)
    assert not matches(parse_reference(make_reference(DOC)), changed)
    assert matches(parse_reference(make_reference(DOC)), DOC)


@pytest.mark.parametrize(
    "text",
    [
        "{id} · {h}",
        "{id} {h}",
        "{id}/{h}",
        "{id}-{h}",
        "{id}#{h}",
        "  {ID} · {H}  ",
        "Ref. {id} · {h}",
        "Réf. : {id} · {h}",
        "{id}{h}",
        "{nohyphen} {h}",
    ],
)
def test_parse_accepts_what_people_type_from_paper(text: str) -> None:
    h = short_hash(DOC)
    typed = text.format(id=ID, h=h, ID=ID.upper(), H=h.upper(), nohyphen=ID.replace("-", ""))
    assert parse_reference(typed) == (uuid.UUID(ID), h)


ENDPOINT = "https://certificates.example.be:8443"


def test_qr_payload_is_the_endpoints_verification_page_and_round_trips() -> None:
    payload = qr_payload(DOC, verify_base_url=ENDPOINT + "/")
    assert payload == f"{ENDPOINT}/verify/{ID}-{short_hash(DOC)}"
    assert parse_reference(payload) == Reference(uuid.UUID(ID), short_hash(DOC))
    assert str(parse_reference(payload)) == make_reference(DOC)


def test_qr_payload_without_an_endpoint_and_papers_printed_before_still_parse() -> None:
    payload = qr_payload(DOC)
    assert payload == f"fitnote:verify?id={ID}&h={short_hash(DOC)}"
    assert parse_reference(payload) == Reference(uuid.UUID(ID), short_hash(DOC))


@pytest.mark.parametrize(
    "address",
    [
        "https://ep.example.be/verify/{ID}-{h}",
        "https://ep.example.be/fitnote/verify/{ID}-{h}/",  # endpoint behind a path prefix
        "HTTPS://EP.EXAMPLE.BE/verify/{ID}-{H}?lang=fr",  # typed, with the language chosen
    ],
)
def test_parse_accepts_the_verification_address(address: str) -> None:
    h = short_hash(DOC)
    typed = address.format(ID=ID, h=h, H=h.upper())
    assert parse_reference(typed) == (uuid.UUID(ID), h)


def test_verification_url_is_https_only() -> None:
    for base in ("http://ep.example.be", "ep.example.be", "https://", "fitnote:verify"):
        with pytest.raises(ValueError, match="https"):
            verification_url(base, ID, "3fa2b9c1")
    with pytest.raises(ValueError, match="short hash"):
        verification_url(ENDPOINT, ID, "XYZ")


def test_bare_id_only_when_allowed() -> None:
    with pytest.raises(ValueError, match="hash"):
        parse_reference(ID)
    assert parse_reference(ID, require_hash=False) == (uuid.UUID(ID), None)
    assert parse_reference(f"fitnote:verify?id={ID}", require_hash=False).short_hash is None


@pytest.mark.parametrize(
    "text",
    [
        "",
        "hello",
        f"{ID} · 12345",  # short hash too short
        f"{ID} · zzzzzzzz",
        f"{ID[:-1]} · 12345678",
        "fitnote:verify?h=12345678",
        f"fitnote:verify?id={ID}&h=xyz",
        f"fitnote:other?id={ID}&h=12345678",
        f"https://ep.example.be/other/{ID}-12345678",
        "https://ep.example.be/verify/",
        f"https://ep.example.be/verify/{ID}-1234",
        f"{ID} · 12345678 trailing words",
    ],
)
def test_parse_rejects_malformed_without_echoing_input(text: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_reference(text)
    if text.strip():
        assert text not in str(info.value)
