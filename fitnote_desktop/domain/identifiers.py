"""Belgian identifiers: NISS/INSZ of a patient (via python-stdnum), RIZIV/INAMI of a physician.

The NISS arithmetic (check digits, BIS months, the "2" prefix for births from 2000) is
python-stdnum's: we only adapt its answers to the domain's types and finding codes.
python-stdnum is imported when a NISS is first checked: its package imports ``pydoc`` and
``ssl`` (for its online checks), which the app's first screen does not need (issue 14).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache

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
    return _stdnum_error(digits, date.today().year)


@lru_cache(maxsize=1024)
def _stdnum_error(digits: str, year: int) -> str | None:
    """python-stdnum's verdict on 11 digits, computed once per number and year.

    A document names the same few NISS several times (patient, author, employer's
    physician) and the endpoint checks every document of a physician's patients: this
    was half of the rules' time (issue 14). stdnum reads today's *year* (whether the
    number may belong to someone born since 2000), so the year is part of the key and
    the verdict never outlives it."""
    from stdnum import exceptions as stdnum_exceptions
    from stdnum.be import ssn

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
    return _niss_info(compact(number), date.today().year)


@lru_cache(maxsize=1024)
def _niss_info(digits: str, year: int) -> NissInfo:
    """The facts of a valid NISS's 11 digits, computed once per number and year.

    The endpoint reads the patient's sex (and the rules the birth date) from every
    document it receives, most of them for the same few patients of a physician: through
    python-stdnum that was a third of the rules' time (issue 14). stdnum's birth-date
    reading depends on today's year (the century of a number), as its verdict does, so
    the year is part of the key; a ``NissInfo`` is frozen, so callers share it safely."""
    from stdnum import exceptions as stdnum_exceptions
    from stdnum.be import bis, nn

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

# The eHealth schematron accepts exactly these two moduli for a RIZIV/INAMI number
# (multimediatt.schematron.xml, "Identification" assert on ID-HCPARTY: for 11 digits,
# digits 7-8 = 97 - (first six mod 97) or 89 - (first six mod 89)).
RIZIV_MODULI = (97, 89)


class Qualification(StrEnum):
    GENERAL_PRACTITIONER = "general-practitioner"
    PHYSICIAN = "physician"  # licensed physician without GP or specialist recognition
    SPECIALIST = "specialist"
    OTHER = "other"  # a general-medicine code whose meaning we could not verify


@dataclass(frozen=True)
class RizivInfo:
    riziv: str
    person: str  # the six identifying digits
    check: str
    qualification_code: str
    qualification: Qualification

    @property
    def is_gp(self) -> bool:
        return self.qualification is Qualification.GENERAL_PRACTITIONER


def _qualification(code: str) -> Qualification:
    """Decode the RIZIV qualification (bevoegdheidscode / code de compétence, last 3 digits).

    Verified codes only:
    - 000: physician holding the legal diploma, no recognised title (RIZIV, "Een
      RIZIV-nummer krijgen": a number "met bevoegdheidscode -000");
    - 003 and 004: recognised general practitioner, 004 accredited (Domus Medica,
      "Erkenning als huisarts": after recognition the GP uses "uw nieuw nummer (003/004)").
    - 100 and up: a specialty (the first digits name it; recognised / in training /
      accredited is not decoded here).
    NOT verified (neither the seeds nor the schematron list them, and no RIZIV table was
    at hand): 001, 002 and 005-099 (GP in training, acquired rights and other general
    medicine codes). They decode to ``OTHER`` rather than to a guessed meaning.
    """
    n = int(code)
    if n == 0:
        return Qualification.PHYSICIAN
    if n in (3, 4):
        return Qualification.GENERAL_PRACTITIONER
    if n >= 100:
        return Qualification.SPECIALIST
    return Qualification.OTHER


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
