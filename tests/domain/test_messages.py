"""Every code the domain can emit has a message in nl, fr, de and en, with the same placeholders."""

import ast
import importlib
import pkgutil
from pathlib import Path

import pytest

from fitnote_desktop.domain import identifiers, messages, rules, timeline
from fitnote_desktop.domain.findings import Finding
from fitnote_desktop.domain.model import LANGUAGES


def _first_args(module: object, callees: set[str]) -> set[str]:
    tree = ast.parse(Path(module.__file__).read_text())  # type: ignore[attr-defined]
    out = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in callees
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            out.add(node.args[0].value)
    return out


def _returned_strings(module: object) -> set[str]:
    tree = ast.parse(Path(module.__file__).read_text())  # type: ignore[attr-defined]
    return {
        n.value.value
        for n in ast.walk(tree)
        if isinstance(n, ast.Return)
        and isinstance(n.value, ast.Constant)
        and isinstance(n.value.value, str)
    }


def _rule_modules() -> list[object]:
    return [
        importlib.import_module(f"{rules.__name__}.{info.name}")
        for info in pkgutil.iter_modules(rules.__path__)
    ]


def emitted_codes() -> set[str]:
    """Codes the domain can emit: rule findings, identifier errors, timeline milestones."""
    findings = set().union(*(_first_args(m, {"err", "warn"}) for m in _rule_modules()))
    return findings | _returned_strings(identifiers) | _first_args(timeline, {"Milestone"})


def test_every_language_has_the_same_codes() -> None:
    keys = {lang: set(messages.catalogue(lang)) for lang in LANGUAGES}
    for lang in LANGUAGES:
        assert keys[lang] == keys["en"], (lang, keys[lang] ^ keys["en"])


def test_placeholders_match_across_languages() -> None:
    for code, template in messages.catalogue("en").items():
        for lang in LANGUAGES:
            other = messages.catalogue(lang)[code]
            assert messages.placeholders(other) == messages.placeholders(template), (lang, code)
            assert other.strip(), (lang, code)


def test_every_emitted_code_has_a_message() -> None:
    codes = emitted_codes()
    assert len(codes) > 40
    missing = sorted(c for c in codes if not messages.has_message(c))
    assert missing == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_render_fills_parameters(lang: str) -> None:
    text = messages.render(
        Finding("prolongation.gap", "body.period.begin", params={"days": 3}), lang
    )
    assert "3" in text and "{" not in text


def test_unknown_code_and_missing_parameter_never_crash() -> None:
    assert messages.message("no.such.code", "nl") == "no.such.code"
    assert "{days}" in messages.message("prolongation.gap", "fr")
    with pytest.raises(ValueError):
        messages.catalogue("xx")


def test_a_finding_may_carry_a_code_parameter() -> None:
    finding = Finding(
        "icf.unknown_code", "body.fit_note.capacities[0].code", params={"code": "d999"}
    )
    assert "d999" in messages.render(finding, "nl")
