"""NISS and RIZIV numbers: the physician types them; typos must be caught, valid ones decoded."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fitnote_desktop.domain.identifiers import (
    NissKind,
    Qualification,
    format_niss,
    format_riziv,
    is_valid_niss,
    is_valid_riziv,
    niss_error,
    niss_info,
    riziv_check_digits,
    riziv_error,
    riziv_info,
)
from fitnote_desktop.domain.model import Sex


def make_niss(birth: date, sequence: int, bis_offset: int = 0) -> str:
    body = f"{birth:%y}{birth.month + bis_offset:02d}{birth:%d}{sequence:03d}"
    base = int(("2" if birth.year >= 2000 else "") + body)
    return body + f"{97 - base % 97:02d}"


@pytest.mark.parametrize(
    ("niss", "birth", "sex"),
    [
        ("85073003229", date(1985, 7, 30), Sex.FEMALE),
        ("85.07.30-032.29", date(1985, 7, 30), Sex.FEMALE),
        ("78041212319", date(1978, 4, 12), Sex.MALE),
        ("02072527862", date(2002, 7, 25), Sex.FEMALE),  # born after 2000: prefix 2
    ],
)
def test_valid_niss_gives_birth_date_and_sex(niss: str, birth: date, sex: Sex) -> None:
    info = niss_info(niss)
    assert info.birth_date == birth
    assert info.sex is sex
    assert info.kind is NissKind.NATIONAL_REGISTER


def test_bis_number_is_recognised() -> None:
    bis = make_niss(date(1990, 3, 15), 123, bis_offset=40)
    info = niss_info(bis)
    assert info.kind is NissKind.BIS
    assert info.birth_date == date(1990, 3, 15)


@pytest.mark.parametrize(
    ("niss", "code"),
    [
        ("", "niss.missing"),
        ("8507300322", "niss.format"),
        ("85A73003229", "niss.format"),
        ("85073003228", "niss.checksum"),
        ("85073003292", "niss.checksum"),
    ],
)
def test_invalid_niss_codes(niss: str, code: str) -> None:
    assert niss_error(niss) == code
    assert not is_valid_niss(niss)
    with pytest.raises(ValueError, match=code):
        niss_info(niss)


@given(
    birth=st.dates(min_value=date(1920, 1, 1), max_value=date(2025, 12, 31)),
    sequence=st.integers(1, 997),
)
def test_any_well_formed_niss_round_trips(birth: date, sequence: int) -> None:
    niss = make_niss(birth, sequence)
    assert is_valid_niss(niss)
    info = niss_info(niss)
    assert info.birth_date == birth
    assert info.sex is (Sex.MALE if sequence % 2 else Sex.FEMALE)
    assert format_niss(niss).replace(".", "").replace("-", "") == niss


@given(
    birth=st.dates(min_value=date(1920, 1, 1), max_value=date(2025, 12, 31)),
    sequence=st.integers(1, 997),
    position=st.integers(0, 10),
    delta=st.integers(1, 9),
)
def test_single_digit_typo_is_detected(
    birth: date, sequence: int, position: int, delta: int
) -> None:
    """A mistyped digit is caught, except where the register's own century ambiguity
    (the check digits of 19xx and 20xx births differ) makes it another valid number:
    then it reads as a birth in the other century, which the birth date shown in the
    UI reveals."""
    niss = make_niss(birth, sequence)
    digit = (int(niss[position]) + delta) % 10
    typo = niss[:position] + str(digit) + niss[position + 1 :]
    if niss_error(typo) is None:
        other = niss_info(typo).birth_date
        assert other is None or (other.year >= 2000) != (birth.year >= 2000)


def test_riziv_gp_and_specialist() -> None:
    gp = riziv_info("12345625004")
    assert gp.qualification is Qualification.GENERAL_PRACTITIONER and gp.is_gp
    spec = riziv_info("1-54321-06-480")
    assert spec.qualification is Qualification.SPECIALIST and not spec.is_gp
    assert riziv_info("12345625003").is_gp  # 003: recognised GP, 004: accredited
    assert riziv_info("12345625000").qualification is Qualification.PHYSICIAN
    # codes we could not verify against the RIZIV table decode to OTHER, not to a guess
    assert riziv_info("12345625005").qualification is Qualification.OTHER
    assert format_riziv("12345625004") == "1-23456-25-004"


@pytest.mark.parametrize(
    ("riziv", "code"),
    [
        ("", "riziv.missing"),
        ("1234562500", "riziv.format"),
        ("22345625004", "riziv.not_physician"),
        ("12345626004", "riziv.checksum"),
    ],
)
def test_invalid_riziv_codes(riziv: str, code: str) -> None:
    assert riziv_error(riziv) == code
    assert not is_valid_riziv(riziv)


RIZIV_MODULI = (97, 89)  # the only two the eHealth schematron accepts


@given(st.integers(100000, 199999))
def test_riziv_accepts_exactly_the_check_digits_of_its_moduli(person: int) -> None:
    """Of the 100 possible check-digit pairs, exactly the ones computed with modulus 97 or
    89 are accepted and every other pair is a checksum error."""
    expected = {riziv_check_digits(str(person), modulus) for modulus in RIZIV_MODULI}
    accepted = {f"{check:02d}" for check in range(100) if is_valid_riziv(f"{person}{check:02d}004")}
    assert accepted == expected
    # "00" is never a check value (a modulus minus a remainder is at least 1)
    assert riziv_error(f"{person}00004") == "riziv.checksum"


@given(st.integers(100000, 199999), st.sampled_from([83, 79]))
def test_riziv_other_moduli_are_refused_like_the_schematron(person: int, modulus: int) -> None:
    """Only 97 and 89 (multimediatt.schematron.xml); 83 and 79 were accepted before."""
    check = riziv_check_digits(str(person), modulus)
    if any(riziv_check_digits(str(person), m) == check for m in (97, 89)):
        return  # the same digits happen to satisfy an accepted modulus
    assert riziv_error(f"{person}{check}004") == "riziv.checksum"


def with_check(body: str) -> str:
    return body + f"{97 - int(body) % 97:02d}"


def test_month_13_with_correct_check_digits_is_refused() -> None:
    assert niss_error(with_check("851330032")) == "niss.invalid"


def test_register_numbers_with_unknown_birth_day_are_valid_without_birth_date() -> None:
    # The register issues day 00 (or an impossible day when the counter ran out):
    # the number is valid, the birth date is simply unknown.
    info = niss_info(with_check("850700032"))
    assert info.birth_date is None
    assert info.sex is Sex.FEMALE


def _niss_info_through_stdnum(number: str) -> tuple[NissKind, date | None, Sex]:
    """What python-stdnum says of a valid NISS, asked afresh (no cache of ours)."""
    from stdnum import exceptions
    from stdnum.be import bis, nn

    module = bis if bis.is_valid(number) else nn
    try:
        birth = module.get_birth_date(number)
    except exceptions.ValidationError:
        birth = None
    try:
        gender = module.get_gender(number)
    except exceptions.ValidationError:
        gender = None
    sex = {"M": Sex.MALE, "F": Sex.FEMALE}.get(gender or "", Sex.UNKNOWN)
    kind = NissKind.BIS if module is bis else NissKind.NATIONAL_REGISTER
    return kind, birth, sex


@given(
    birth=st.dates(min_value=date(1920, 1, 1), max_value=date(2025, 12, 31)),
    sequence=st.integers(1, 997),
    bis_offset=st.sampled_from([0, 20, 40]),
    spelling=st.sampled_from(["digits", "printed"]),
)
def test_niss_info_asked_again_is_still_stdnums_answer(
    birth: date, sequence: int, bis_offset: int, spelling: str
) -> None:
    """``niss_info`` keeps its answers per number (the endpoint reads the same patients'
    numbers again and again): asked twice, in either spelling, it is stdnum's answer."""
    niss = make_niss(birth, sequence, bis_offset)
    typed = format_niss(niss) if spelling == "printed" else niss
    for _ in range(2):
        info = niss_info(typed)
        assert info.niss == niss
        assert (info.kind, info.birth_date, info.sex) == _niss_info_through_stdnum(niss)


def test_an_invalid_niss_is_refused_every_time_it_is_asked() -> None:
    for _ in range(2):
        with pytest.raises(ValueError, match=r"niss\.checksum"):
            niss_info("85073003228")
