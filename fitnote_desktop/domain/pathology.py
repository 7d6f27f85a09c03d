"""Pathology groups: which of about twenty diagnosis groups a diagnosis code belongs to.

Duration guidance, pathology sheets and mirror statistics are given per group, not per
code. The groups live in ``resources/guidance/groups.json`` (clinicians edit the file, not
the code): each lists its ICPC-2 rubrics and ICD-10 code prefixes. The file is read on
first use, never at import, like the ICF catalogue.

An ICPC-2 code matches on its rubric (``L03`` and a national extension ``L03.01`` alike);
an ICD-10 code matches the group of its longest prefix (``M54.5`` before ``M54``), dots
ignored. A code that matches nothing has no group: guidance is then simply not shown.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from fitnote_desktop.domain.model import LANGUAGES, CodeSystem

# The document model's names (CodeSystem values) and the KMEHR CD-… names of the same systems.
_ICPC_NAMES = frozenset({CodeSystem.ICPC2.value, "ICPC", "ICPC2"})
_ICD_NAMES = frozenset({CodeSystem.ICD10.value, "ICD", "ICD10"})
_ICPC_RUBRIC = re.compile(r"[A-Z]\d\d")


class PathologyDataError(ValueError):
    """The groups file is inconsistent (a code in two groups, a missing language...)."""


@dataclass(frozen=True)
class PathologyGroup:
    """One group: its id (stable, used in file names and statistics), labels and codes."""

    id: str
    labels: Mapping[str, str]
    icpc2: frozenset[str]
    icd10_prefixes: tuple[str, ...]

    def label(self, lang: str) -> str:
        if lang not in LANGUAGES:
            raise ValueError(f"unsupported language {lang!r}")
        return self.labels[lang]


def _icd_key(code: str) -> str:
    return code.strip().upper().replace(".", "")


def _group_from_json(raw: Mapping[str, Any]) -> PathologyGroup:
    group_id = str(raw["id"])
    labels = {lang: str(raw["labels"][lang]) for lang in LANGUAGES if raw["labels"].get(lang)}
    if len(labels) != len(LANGUAGES):
        raise PathologyDataError(f"group {group_id}: a label is missing in one language")
    icpc2 = frozenset(str(c).upper() for c in raw["icpc2"])
    bad = [c for c in icpc2 if not _ICPC_RUBRIC.fullmatch(c)]
    if bad:
        raise PathologyDataError(f"group {group_id}: not ICPC-2 rubrics: {sorted(bad)}")
    return PathologyGroup(group_id, labels, icpc2, tuple(str(p) for p in raw["icd10"]))


class _Groups(Mapping[str, PathologyGroup]):
    """The groups by id, in file order, loaded (and checked) on first access."""

    @staticmethod
    @cache
    def _load() -> tuple[dict[str, PathologyGroup], dict[str, str], tuple[tuple[str, str], ...]]:
        from fitnote_desktop.resources import resource_path

        with resource_path("guidance", "groups.json").open(encoding="utf-8") as fh:
            data = json.load(fh)
        by_id: dict[str, PathologyGroup] = {}
        by_icpc: dict[str, str] = {}
        by_icd: dict[str, str] = {}
        for raw in data["groups"]:
            group = _group_from_json(raw)
            if group.id in by_id:
                raise PathologyDataError(f"duplicate group {group.id}")
            by_id[group.id] = group
            for code in group.icpc2:
                if code in by_icpc:
                    raise PathologyDataError(f"ICPC-2 {code} in {by_icpc[code]} and {group.id}")
                by_icpc[code] = group.id
            for prefix in group.icd10_prefixes:
                key = _icd_key(prefix)
                if key in by_icd:
                    raise PathologyDataError(f"ICD-10 {prefix} in {by_icd[key]} and {group.id}")
                by_icd[key] = group.id
        # Longest prefix first, so the first match is the most specific one.
        icd = tuple(sorted(by_icd.items(), key=lambda kv: -len(kv[0])))
        return by_id, by_icpc, icd

    def __getitem__(self, group_id: str) -> PathologyGroup:
        return self._load()[0][group_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._load()[0])

    def __len__(self) -> int:
        return len(self._load()[0])


GROUPS: Mapping[str, PathologyGroup] = _Groups()
"""All groups by id (file order). Reading it loads the file on first use."""


def group_of(system: str, code: str) -> str | None:
    """The group id of a diagnosis code, or None when the code is in no group.

    ``system`` is the code system as the document model names it (``CodeSystem`` values:
    ``"ICPC-2"``, ``"ICD-10"``); the KMEHR names ``ICPC`` and ``ICD`` are accepted too.
    Other systems (SNOMED CT) have no mapping yet.
    """
    normalised = code.strip().upper()
    if not normalised:
        return None
    _, by_icpc, by_icd = _Groups._load()
    if system in _ICPC_NAMES:
        return by_icpc.get(normalised[:3]) if _ICPC_RUBRIC.match(normalised) else None
    if system in _ICD_NAMES:
        key = _icd_key(normalised)
        return next((group for prefix, group in by_icd if key.startswith(prefix)), None)
    return None


def group_label(group_id: str, lang: str) -> str:
    """The group's label in ``lang`` (nl, fr, de, en); KeyError for an unknown group."""
    return GROUPS[group_id].label(lang)
