"""One catalogue for every code of every layer: each has a sentence in nl, fr, de and en.

The codes are collected statically, so a code added anywhere without its sentences fails
here: the first argument (or ``code=``) of every call that raises or renders a code, every
class attribute ``code = "..."`` of an exception, the code constants of the signing layer,
every error code of the wire contract (what the endpoint can answer), and what the domain
emits (``tests/domain/test_messages.py``).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from fitnote_desktop.domain import messages
from fitnote_desktop.domain.model import LANGUAGES
from fitnote_desktop.signing import errors as signing_errors
from fitnote_desktop.signing import verify as signing_verify
from fitnote_desktop.wire.errors import ERRORS
from tests.domain.test_messages import emitted_codes

PACKAGE = Path(__file__).resolve().parents[1] / "fitnote_desktop"
CODE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")

# Calls whose first argument (or ``code=``) is a message code; ``CODE_ARGUMENT`` for
# the others.
CODE_ARGUMENT = {"require": 2}
CODED_CALLS = {
    # exceptions of every layer
    "ServiceError",
    "SigningError",
    "KmehrError",
    "PdfSigningError",
    "LifecycleError",
    "TransportError",
    "EndpointUnavailable",
    "EndpointRejected",
    "LoginFailed",
    "ApiError",
    # code defaults and renderers
    "translating",
    "as_service_error",
    "code_of",
    "require",
    "progress",
    "text",
    "rejection_text",
    "_error",
    "message",
    "Finding",
}


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _code_literal(node: ast.expr | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and CODE.match(node.value):
        return node.value
    return None


def raised_codes() -> dict[str, str]:
    """Every code literal the package raises or renders, with one place it appears."""
    found: dict[str, str] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = str(path.relative_to(PACKAGE.parent))
        for node in ast.walk(tree):
            candidates: list[ast.expr | None] = []
            if isinstance(node, ast.Call) and (name := _name(node.func)) in CODED_CALLS:
                index = CODE_ARGUMENT.get(name, 0)
                candidates.append(node.args[index] if len(node.args) > index else None)
                candidates += [k.value for k in node.keywords if k.arg in ("code", "default")]
            elif isinstance(node, ast.ClassDef):
                candidates += [
                    stmt.value
                    for stmt in node.body
                    if isinstance(stmt, ast.Assign | ast.AnnAssign)
                    and any(
                        isinstance(t, ast.Name) and t.id == "code"
                        for t in (stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target])
                    )
                ]
            for candidate in candidates:
                if code := _code_literal(candidate):
                    found.setdefault(code, where)
    return found


def _constants(module: object) -> set[str]:
    return {
        value
        for name, value in vars(module).items()
        if name.isupper() and isinstance(value, str) and CODE.match(value)
    }


def every_code() -> dict[str, str]:
    codes = raised_codes()
    for code in _constants(signing_errors) | _constants(signing_verify):
        codes.setdefault(code, "signing")
    for code in ERRORS:
        codes.setdefault(code, "wire/errors.py")
    for code in emitted_codes():
        codes.setdefault(code, "domain")
    return codes


def test_the_scan_finds_the_codes_of_every_layer() -> None:
    codes = every_code()
    for expected in (
        "store.patient_exists",  # class attribute
        "signing.wrong_pin",  # signing constant
        "signature.digest_mismatch",  # verification result
        "transport.tls_failed",  # transport exception
        "episode.consent_missing",  # what the endpoint answers
        "kmehr.bad_xml",  # documents
        "lifecycle.retract_not_sent",  # services.guard.require
        "app.demo_pin",  # the UI's own
        "prolongation.gap",  # a domain finding
    ):
        assert expected in codes
    assert len(codes) > 200


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_code_raised_anywhere_has_its_sentence(lang: str) -> None:
    catalogue = messages.catalogue(lang)
    missing = sorted(
        f"{code} ({where})" for code, where in every_code().items() if code not in catalogue
    )
    assert missing == []
    empty = sorted(code for code in every_code() if not catalogue[code].strip())
    assert empty == []


def test_every_sentence_has_the_same_placeholders_in_each_language() -> None:
    for code in every_code():
        english = messages.placeholders(messages.catalogue("en")[code])
        for lang in LANGUAGES:
            assert messages.placeholders(messages.catalogue(lang)[code]) == english, (lang, code)


def test_store_and_signing_errors_speak_the_catalogue() -> None:
    from fitnote_desktop.signing.errors import WRONG_PIN, SigningError
    from fitnote_desktop.store.errors import PatientExistsError

    exc = PatientExistsError(patient_id="0b8f")
    assert exc.params == {"patient_id": "0b8f"}
    assert str(exc) == messages.message("store.patient_exists", "en")
    signing = SigningError(WRONG_PIN, "token 'eID'")
    assert str(signing).startswith(messages.message(WRONG_PIN, "en"))
    assert "rijksregisternummer" in messages.message(exc.code, "nl")
