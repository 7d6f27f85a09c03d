#!/usr/bin/env python3
"""Refresh the Qt Linguist sources and compile them: translations/fitnote_<lang>.ts → .qm.

``--update`` first re-extracts every ``tr()`` / ``QCoreApplication.translate`` string
from ``fitnote_desktop/ui`` with pyside6-lupdate (existing translations are kept,
vanished ones marked obsolete and dropped with ``-no-obsolete``). Without it, only
compiles. The .qm files are committed, so a fresh checkout runs translated without
this step; run it after changing UI texts.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("nl", "fr", "de", "en")


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    if not Path(found).exists():
        raise SystemExit(f"{name} not found (pip install pyside6-essentials)")
    return found


def fill_english_plurals(ts: Path) -> None:
    """English is the source language; only its plural forms need a translation.

    A source like ``%n day(s)`` becomes ``%n day`` / ``%n days``; everything else in
    the English file stays untranslated, which makes Qt show the source text.
    """
    import re
    import xml.etree.ElementTree as ET

    tree = ET.parse(ts)  # noqa: S314 - our own file, written by pyside6-lupdate
    for msg in tree.getroot().iter("message"):
        if msg.get("numerus") != "yes":
            continue
        source = msg.findtext("source") or ""
        tr = msg.find("translation")
        assert tr is not None
        forms = tr.findall("numerusform")
        one = re.sub(r"\(s\)|\(es\)", "", source)
        many = source.replace("(s)", "s").replace("(es)", "es")
        for form, text in zip(forms, (one, many), strict=False):
            form.text = text
        tr.attrib.pop("type", None)
    tree.write(ts, encoding="utf-8", xml_declaration=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--update", action="store_true", help="re-extract strings first")
    args = parser.parse_args()
    sources = sorted(str(p) for p in (ROOT / "fitnote_desktop" / "ui").rglob("*.py"))
    out = ROOT / "translations"
    out.mkdir(exist_ok=True)
    for lang in LANGUAGES:
        ts = out / f"fitnote_{lang}.ts"
        if args.update:
            cmd = [tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none"]
            cmd += ["-target-language", lang, *sources, "-ts", str(ts)]
            subprocess.run(cmd, check=True, capture_output=True)
            if lang == "en":
                fill_english_plurals(ts)
        subprocess.run(
            [tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(out / f"fitnote_{lang}.qm")],
            check=True,
        )
    print(f"compiled {len(LANGUAGES)} translations into {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
