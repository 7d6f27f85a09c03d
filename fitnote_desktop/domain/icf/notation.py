"""How a capacity is written in ICF notation, and what a codable code looks like."""

from __future__ import annotations

import re

# A codable category (second level or deeper): what may carry a qualifier.
_CODABLE_RE = re.compile(r"[bdes][1-9]\d{2}(?:\d{1,2})?")


def is_codable_syntax(code: str) -> bool:
    """Whether ``code`` is written like a codable ICF category (b130, d4300, e310)."""
    return bool(_CODABLE_RE.fullmatch(code))


def capacity_notation(code: str, qualifier: int) -> str:
    """The ICF notation of a fit-note statement with its generic qualifier.

    A fit-note states what the patient *can* do: for activities and participation the
    qualifier is the second one, *capacity*, after an unspecified performance slot
    (``d430._2``). Body functions carry a single impairment qualifier (``b130.2``).
    Environmental factors grade a barrier (``e310.2``), never a capacity of the patient.
    """
    if code.startswith("d"):
        return f"{code}._{qualifier}"
    return f"{code}.{qualifier}"
