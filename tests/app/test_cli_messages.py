"""The commands print store and signing errors as catalogue sentences in the CLI language."""

from __future__ import annotations

from pathlib import Path

import pytest

from fitnote_desktop.cli import EXIT_UNREADABLE, cli_language, main
from fitnote_desktop.domain import messages


@pytest.fixture
def dutch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FITNOTE_LANG", "nl")


def test_a_store_error_is_printed_in_dutch(
    dutch: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--profile-dir", str(tmp_path), "profile", "verify", "nobody"])
    err = capsys.readouterr().err.strip()
    assert code != 0
    sentence = messages.message("store.profile_not_found", "nl")
    assert err == f"fitnote-desktop: {sentence} [store.profile_not_found]"
    assert "profiel" in err


def test_a_signing_error_is_printed_in_dutch(
    dutch: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / "doc.json"
    document.write_text("{}", encoding="utf-8")
    missing = tmp_path / "absent.p12"
    out = tmp_path / "envelope.json"
    code = main(["sign", str(document), "--pkcs12", str(missing), "-o", str(out)])
    err = capsys.readouterr().err.strip()
    assert code == EXIT_UNREADABLE and not out.exists()
    sentence = messages.message("signing.file_not_found", "nl")
    assert err == f"fitnote-desktop: {sentence} [signing.file_not_found]"
    assert "sleutelbestand" in err


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({"FITNOTE_LANG": "de", "LANG": "nl_BE.UTF-8"}, "de"),
        ({"LC_ALL": "fr_BE.UTF-8", "LANG": "nl_BE.UTF-8"}, "fr"),
        ({"LANG": "nl_BE.UTF-8"}, "nl"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_the_cli_language_follows_fitnote_lang_then_the_locale(
    environ: dict[str, str], lang: str
) -> None:
    assert cli_language(environ) == lang
