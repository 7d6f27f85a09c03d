"""Validation findings: structured, never bare strings, so every layer can translate them.

A finding names a rule (``code``), the field it concerns (a dotted path into the
document, e.g. ``body.period.end``, which the UI maps to a widget), a severity, and the
parameters its message needs. Messages live in ``resources/messages/<lang>.json`` and
are looked up by ``messages.render``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    ERROR = "error"  # the document cannot be signed
    WARNING = "warning"  # unusual; the physician confirms and may sign


@dataclass(frozen=True)
class Finding:
    code: str
    field: str
    severity: Severity = Severity.ERROR
    # ``dataclasses.field``: the ``field`` attribute above shadows the bare name for mypy
    params: dict[str, Any] = dataclasses.field(default_factory=dict, hash=False, compare=True)

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "field": self.field,
            "severity": self.severity.value,
            "params": dict(self.params),
        }


def errors(findings: list[Finding] | tuple[Finding, ...]) -> list[Finding]:
    return [f for f in findings if f.severity is Severity.ERROR]


def has_errors(findings: list[Finding] | tuple[Finding, ...]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)
