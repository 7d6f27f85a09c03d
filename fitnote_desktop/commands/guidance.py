"""``fitnote-desktop guidance CODE``: the pathology group and duration guidance of a code.

The same look-up the editor does beside the period, for scripts and for checking the
data: CODE is an ICPC-2 rubric or an ICD-10 code. A three-character code is tried as
ICPC-2 first, then as ICD-10 (``L03`` is low back pain in ICPC-2, cellulitis in
ICD-10); ``--system`` settles an ambiguous code.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from fitnote_desktop.domain.model import LANGUAGES, CodeSystem

EXIT_NO_GROUP = 1
SYSTEMS = (CodeSystem.ICPC2.value, CodeSystem.ICD10.value)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("guidance", help="duration guidance for an ICPC-2 or ICD-10 code")
    p.add_argument("code", help="ICPC-2 (L03) or ICD-10 (M54.5) code")
    p.add_argument("--lang", choices=LANGUAGES, help="language of the labels (default: locale)")
    p.add_argument("--system", choices=SYSTEMS, help="code system, when the code is ambiguous")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=run)


def lookup(code: str, system: str | None, lang: str) -> dict[str, Any]:
    """The JSON answer: the code, the system that matched, its group and guidance."""
    from fitnote_desktop.domain.guidance import guidance_for_group
    from fitnote_desktop.domain.icf import load_catalogue
    from fitnote_desktop.domain.pathology import group_label, group_of
    from fitnote_desktop.resources import resource_path

    code = code.strip().upper()
    found: tuple[str, str] | None = None
    for candidate in (system,) if system else SYSTEMS:
        group = group_of(candidate, code)
        if group is not None:
            found = (candidate, group)
            break
    if found is None:
        return {"code": code, "system": system, "group": None}
    matched, group = found
    answer: dict[str, Any] = {
        "code": code,
        "system": matched,
        "group": group,
        "label": group_label(group, lang),
        "lang": lang,
    }
    guidance = guidance_for_group(group)
    if guidance is not None:
        catalogue = load_catalogue()
        answer["guidance"] = guidance.as_dict()
        answer["icf_labels"] = {c: catalogue.label(c, lang) for c in guidance.icf}
    sheet = resource_path("guidance", "sheets", f"{group}.{lang}.md")
    answer["sheet"] = str(sheet) if sheet.is_file() else None
    return answer


def _text(answer: dict[str, Any]) -> str:
    lines = [f"{answer['code']} ({answer['system']}): {answer['label']} [{answer['group']}]"]
    guidance = answer.get("guidance")
    if guidance is not None:
        lines.append(f"usual duration: {guidance['min_days']}-{guidance['max_days']} days")
        source = guidance["source"]
        if isinstance(source, dict):
            year = f", {source['year']}" if source["year"] else ""
            lines.append(f"source: {source['publisher']}: {source['title']}{year}")
            lines.append(f"        {source['url']}")
            lines.append(f"        {source['detail']}")
        else:
            lines.append(f"source: {source} ({guidance['review']})")
        for code, label in answer["icf_labels"].items():
            lines.append(f"ICF {code:<6} {label}")
    if answer.get("sheet"):
        lines.append(f"sheet: {answer['sheet']}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from fitnote_desktop.cli import cli_language

    answer = lookup(args.code, args.system, args.lang or cli_language())
    if args.json:
        print(json.dumps(answer, ensure_ascii=False, indent=2))
    elif answer["group"] is None:
        print(f"{answer['code']}: no pathology group")
    else:
        print(_text(answer))
    return 0 if answer["group"] is not None else EXIT_NO_GROUP
