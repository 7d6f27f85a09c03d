"""Belgian identifiers: NISS/INSZ of a patient (via python-stdnum), RIZIV/INAMI of a physician.

The NISS arithmetic (check digits, BIS months, the "2" prefix for births from 2000) is
python-stdnum's: we only adapt its answers to the domain's types and finding codes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from stdnum import exceptions as stdnum_exceptions
from stdnum.be import bis, nn, ssn

from fitnote_desktop.domain.model import Sex

_NON_DIGITS = re.compile(r"[\s.\-/]")


def compact(number: str) -> str:
    """Digits only: people type NISS as ``85.09.21-234.14`` or with spaces."""
    return _NON_DIGITS.sub("", number or "")


class NissKind(StrEnum):
    NATIONAL_REGISTER = "nn"
    BIS = "bis"


@dataclass(frozen=True)
class NissInfo:
    niss: str
    kind: NissKind
    birth_date: date | None  # None when the register left it unknown (month or day 00)
    sex: Sex


def niss_error(number: str) -> str | None:
    """Finding code for an invalid NISS, or None when it is valid."""
    digits = compact(number)
    if not digits:
        return "niss.missing"
    if not digits.isdigit() or len(digits) != 11:
        return "niss.format"
    try:
        ssn.validate(digits)
    except stdnum_exceptions.InvalidChecksum:
        return "niss.checksum"
    except stdnum_exceptions.ValidationError:
        return "niss.invalid"
    return None


def is_valid_niss(number: str) -> bool:
    return niss_error(number) is None


def niss_info(number: str) -> NissInfo:
    """Birth date and sex from a valid NISS (raises ``ValueError`` when invalid)."""
    code = niss_error(number)
    if code:
        raise ValueError(code)
    digits = compact(number)
    module = bis if bis.is_valid(digits) else nn
    kind = NissKind.BIS if module is bis else NissKind.NATIONAL_REGISTER
    try:
        birth = module.get_birth_date(digits)
    except stdnum_exceptions.ValidationError:
        birth = None
    try:
        gender = module.get_gender(digits)
    except stdnum_exceptions.ValidationError:
        gender = None
    sex = {"M": Sex.MALE, "F": Sex.FEMALE}.get(gender or "", Sex.UNKNOWN)
    return NissInfo(digits, kind, birth, sex)


def format_niss(number: str) -> str:
    """``YY.MM.DD-SSS.CC``, the way it is printed on an eID."""
    d = compact(number)
    if len(d) != 11:
        return number
    return f"{d[0:2]}.{d[2:4]}.{d[4:6]}-{d[6:9]}.{d[9:11]}"


# ---------------------------------------------------------------------------- RIZIV

RIZIV_MODULI = (97, 89, 83, 79)


class Qualification(StrEnum):
    GENERAL_PRACTITIONER = "general-practitioner"
    GP_IN_TRAINING = "gp-in-training"
    PHYSICIAN = "physician"  # licensed physician without GP or specialist recognition
    SPECIALIST = "specialist"
    SPECIALIST_IN_TRAINING = "specialist-in-training"
    OTHER = "other"


@dataclass(frozen=True)
class RizivInfo:
    riziv: str
    person: str  # the six identifying digits
    check: str
    qualification_code: str
    qualification: Qualification

    @property
    def is_gp(self) -> bool:
        return self.qualification in (
            Qualification.GENERAL_PRACTITIONER,
            Qualification.GP_IN_TRAINING,
        )


def _qualification(code: str) -> Qualification:
    """Decode the RIZIV qualification (last three digits).

    000-002 physician, 003 GP in training, 004-009 general practitioner (recognised,
    with or without accreditation), from 100 on a specialty (the last digit
    distinguishes recognised / accredited / in training: 0-5 recognised, 6-9 training
    is an approximation of RIZIV's table kept deliberately coarse, because the domain
    only needs GP vs specialist).
    """
    n = int(code)
    if n <= 2:
        return Qualification.PHYSICIAN
    if n == 3:
        return Qualification.GP_IN_TRAINING
    if n <= 9:
        return Qualification.GENERAL_PRACTITIONER
    if n < 100:
        return Qualification.OTHER
    return Qualification.SPECIALIST_IN_TRAINING if code[-1] in "9" else Qualification.SPECIALIST


def riziv_error(number: str) -> str | None:
    """Finding code for an invalid RIZIV/INAMI number of a physician, or None."""
    digits = compact(number)
    if not digits:
        return "riziv.missing"
    if not digits.isdigit() or len(digits) != 11:
        return "riziv.format"
    if digits[0] != "1":
        return "riziv.not_physician"
    person, check = int(digits[:6]), int(digits[6:8])
    if not any(m - person % m == check for m in RIZIV_MODULI):
        return "riziv.checksum"
    return None


def is_valid_riziv(number: str) -> bool:
    return riziv_error(number) is None


def riziv_info(number: str) -> RizivInfo:
    code = riziv_error(number)
    if code:
        raise ValueError(code)
    d = compact(number)
    return RizivInfo(d, d[:6], d[6:8], d[8:], _qualification(d[8:]))


def riziv_check_digits(person: str, modulus: int = 97) -> str:
    """Check digits for six identifying digits (for demo data and tests)."""
    return f"{modulus - int(person) % modulus:02d}"


def format_riziv(number: str) -> str:
    """``1-23456-25-004``, the usual printed form."""
    d = compact(number)
    if len(d) != 11:
        return number
    return f"{d[0]}-{d[1:6]}-{d[6:8]}-{d[8:]}"
