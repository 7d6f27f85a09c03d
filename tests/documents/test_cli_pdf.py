"""``fitnote-desktop pdf``: a copy on disk, signed on request, one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from fitnote_desktop.cli import main
from fitnote_desktop.demo import DEMO_PASSWORD
from fitnote_desktop.resources import resource_path

from .conftest import pdf_text, pdfsig

EXAMPLE = resource_path("examples", "incapacity-initial.json")


def test_prints_the_chosen_copy(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "patient.pdf"
    assert (
        main(["pdf", str(EXAMPLE), "--recipient", "patient", "--lang", "fr", "-o", str(out)]) == 0
    )
    text = " ".join(pdf_text(out.read_bytes()).split())
    assert "Certificat d’incapacité de travail" in text and "Exemplaire pour le patient" in text
    stdout = capsys.readouterr().out
    assert "patient copy, fr" in stdout and "unsigned" in stdout
    assert "6f1c2b1e-7a3d-4c5e-9b8a-0d1e2f3a4b5c · " in stdout


def test_default_language_of_the_employer_copy_is_bilingual(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "employer.pdf"
    assert main(["pdf", str(EXAMPLE), "-r", "employer", "-o", str(out)]) == 0
    assert "employer copy, nl+fr" in capsys.readouterr().out


def test_signs_with_a_pkcs12_file(tmp_path: Path, demo_pki) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "signed.pdf"
    password = tmp_path / "password.txt"
    password.write_text(DEMO_PASSWORD + "\n", encoding="utf-8")
    p12 = demo_pki.physician("gp").signature_p12
    args = ["pdf", str(EXAMPLE), "-r", "employer", "-o", str(out), "--sign", "--pkcs12", str(p12)]
    assert main([*args, "--password-file", str(password)]) == 0
    assert "Signature Validation: Signature is Valid." in pdfsig(out.read_bytes(), tmp_path)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--draft", "--sign", "--pkcs12", "x.p12"], "a draft is never signed"),
        (["--sign"], "--sign needs a key"),
        (["--pkcs12", "x.p12"], "need --sign"),
        (["--sign", "--pkcs12", "missing.p12"], "cannot read"),
        (["--reference", "not a reference"], "cannot print"),
    ],
)
def test_usage_errors_are_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    out = tmp_path / "x.pdf"
    code = main(["pdf", str(EXAMPLE), "-r", "patient", "-o", str(out), *extra])
    err = capsys.readouterr().err
    assert code == 2
    assert message in err and len(err.strip().splitlines()) == 1
    assert not out.exists()


def test_wrong_password_is_one_line(tmp_path: Path, demo_pki, capsys) -> None:  # type: ignore[no-untyped-def]
    password = tmp_path / "password.txt"
    password.write_text("wrong\n", encoding="utf-8")
    p12 = demo_pki.physician("gp").signature_p12
    code = main(
        [
            "pdf",
            str(EXAMPLE),
            "-r",
            "patient",
            "-o",
            str(tmp_path / "x.pdf"),
            "--sign",
            "--pkcs12",
            str(p12),
            "--password-file",
            str(password),
        ]
    )
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "password" in err.lower()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "cannot read"),
        (b"{not json", "not a valid fitnote/1 document"),
        (b'{"schema": "fitnote/1", "kind": "incapacity"}', "not a valid fitnote/1 document"),
    ],
)
def test_bad_documents_are_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, message: str
) -> None:
    doc = tmp_path / "doc.json"
    if content is not None:
        doc.write_bytes(content)
    code = main(["pdf", str(doc), "-r", "patient", "-o", str(tmp_path / "x.pdf")])
    err = capsys.readouterr().err
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1


def test_unknown_recipient_is_rejected_by_the_parser(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as info:
        main(["pdf", str(EXAMPLE), "-r", "mutuality", "-o", str(tmp_path / "x.pdf")])
    assert info.value.code == 2
