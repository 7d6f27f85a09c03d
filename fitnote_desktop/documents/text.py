"""Make any user-typed text printable: never a crash, never a silent tofu box.

Free text on a certificate comes from a physician's keyboard, a pasted e-mail or the
patient's eID, so it may hold control characters, emoji, bidi control marks, Hebrew or
Arabic. reportlab prints whatever code points it is given, in logical order, without
shaping (its own bidi and shaping support needs optional packages, ``rlbidi`` and
``uharfbuzz``, that are not dependencies of this project). So this module:

* drops control characters and invisible formatting marks (bidi overrides, zero-width
  joiners, variation selectors, emoji skin-tone modifiers): they would print as boxes,
  and bidi overrides could make a printed text read differently from what was stored;
* replaces each character the embedded font has no glyph for, and every character
  outside the Basic Multilingual Plane (reportlab's ToUnicode map cannot express them,
  so copy-paste and text extraction would be wrong), by one U+FFFD per run;
* gives right-to-left runs (Hebrew, Arabic) their visual order, and Arabic letters
  their contextual forms (from the Unicode presentation-form blocks, which DejaVu
  covers), so that a short RTL name or phrase inside a Dutch or French sentence reads
  correctly. Documents are left-to-right (nl, fr, de, en), so the paragraph direction
  is LTR; the known limit is an RTL run long enough to wrap onto several lines, whose
  lines then come in reverse order.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache
from xml.sax.saxutils import escape

REPLACEMENT = "\ufffd"

_INVISIBLE = frozenset(
    [
        0x200B,
        0x200C,
        0x200D,
        0x200E,
        0x200F,
        0x2060,
        0xFEFF,
        0x061C,
        *range(0x202A, 0x202F),  # LRE RLE PDF LRO RLO
        *range(0x2066, 0x206A),  # LRI RLI FSI PDI
        *range(0xFE00, 0xFE10),  # variation selectors
    ]
)
_MIRROR = {
    "(": ")",
    ")": "(",
    "[": "]",
    "]": "[",
    "{": "}",
    "}": "{",
    "<": ">",
    ">": "<",
    "«": "»",
    "»": "«",
    "‹": "›",
    "›": "‹",
}


def _is_control(ch: str) -> bool:
    return unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn") and ch not in "\n\t"


def clean(text: str, supported: Callable[[int], bool]) -> str:
    """Printable form of ``text`` (logical order kept; see :func:`visual`)."""
    out: list[str] = []
    for ch in text or "":
        cp = ord(ch)
        if ch == "\t":
            ch, cp = " ", 0x20
        if cp in _INVISIBLE or _is_control(ch) or 0x1F3FB <= cp <= 0x1F3FF:
            continue
        if ch != "\n" and (cp > 0xFFFF or not supported(cp)):
            if not out or out[-1] != REPLACEMENT:
                out.append(REPLACEMENT)
            continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


# ---------------------------------------------------------------------------- Arabic


@cache
def _arabic_tables() -> tuple[dict[int, dict[str, int]], dict[tuple[int, int], dict[str, int]]]:
    """Contextual forms per Arabic letter, from the Unicode presentation-form blocks.

    Derived from ``unicodedata`` rather than a hand-typed table: a letter with initial
    and medial forms joins on both sides, one with only isolated and final forms joins
    to the right only. The FE70 block (basic Arabic) wins over FB50 (extended letters).
    """
    forms: dict[int, dict[str, int]] = {}
    ligatures: dict[tuple[int, int], dict[str, int]] = {}
    for block in (range(0xFE70, 0xFF00), range(0xFB50, 0xFE00)):
        seen_in_block: dict[int, dict[str, int]] = {}
        for cp in block:
            decomposition = unicodedata.decomposition(chr(cp)).split()
            if len(decomposition) < 2 or not decomposition[0].startswith("<"):
                continue
            tag = decomposition[0].strip("<>")
            base = tuple(int(x, 16) for x in decomposition[1:])
            if len(base) == 1:
                seen_in_block.setdefault(base[0], {}).setdefault(tag, cp)
            elif len(base) == 2 and base[0] == 0x644 and 0xFEF5 <= cp <= 0xFEFC:
                ligatures.setdefault((base[0], base[1]), {})[tag] = cp
        for base_cp, tags in seen_in_block.items():
            forms.setdefault(base_cp, tags)
    return forms, ligatures


def _is_transparent(ch: str) -> bool:
    return unicodedata.category(ch) in ("Mn", "Me")


def shape_arabic(text: str) -> str:
    """Replace Arabic letters by their contextual presentation forms (logical order)."""
    if not any("\u0600" <= ch <= "\u06ff" for ch in text):
        return text
    forms, ligatures = _arabic_tables()

    def dual(cp: int) -> bool:
        return cp == 0x0640 or "initial" in forms.get(cp, {})

    def joins(cp: int) -> bool:
        return cp == 0x0640 or cp in forms

    chars = [ord(c) for c in text]
    n = len(chars)

    def neighbour(i: int, step: int) -> int | None:
        j = i + step
        while 0 <= j < n and _is_transparent(chr(chars[j])):
            j += step
        return chars[j] if 0 <= j < n else None

    out: list[str] = []
    i = 0
    while i < n:
        cp = chars[i]
        if cp not in forms:
            out.append(chr(cp))
            i += 1
            continue
        prev, nxt = neighbour(i, -1), neighbour(i, +1)
        joins_prev = prev is not None and dual(prev)
        if cp == 0x644 and nxt is not None and (0x644, nxt) in ligatures:
            lig = ligatures[(0x644, nxt)]
            out.append(chr(lig.get("final" if joins_prev else "isolated", cp)))
            # skip the alef (and keep any marks between lam and alef)
            j = i + 1
            while j < n and chars[j] != nxt:
                out.append(chr(chars[j]))
                j += 1
            i = j + 1
            continue
        joins_next = dual(cp) and nxt is not None and joins(nxt)
        tags = forms[cp]
        if joins_prev and joins_next:
            form = tags.get("medial") or tags.get("final")
        elif joins_prev:
            form = tags.get("final")
        elif joins_next:
            form = tags.get("initial")
        else:
            form = tags.get("isolated")
        out.append(chr(form or cp))
        i += 1
    return "".join(out)


# ---------------------------------------------------------------------------- bidi


def _direction(ch: str) -> str:
    """``R``, ``L``, ``N`` (number) or ``-`` (neutral)."""
    bidi = unicodedata.bidirectional(ch)
    if bidi in ("R", "AL"):
        return "R"
    if bidi in ("EN", "AN"):
        return "N"
    if bidi == "L":
        return "L"
    return "-"


def _has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


_DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"
_RTL_TOKEN = re.compile(rf"[{_DIGITS}]+(?:[.,:/][{_DIGITS}]+)*|.", re.DOTALL)


def _reverse_rtl_run(run: str) -> str:
    """Reverse an RTL run, keeping numbers in reading order and mirroring brackets."""
    tokens = [_MIRROR.get(t, t) for t in _RTL_TOKEN.findall(run)]
    return "".join(reversed(tokens))


def visual_line(line: str) -> str:
    """Visual order of one line of a left-to-right paragraph (simplified UAX #9).

    A number takes the direction of the strong letter before it (W7); neutral
    characters between two right-to-left items take the RTL direction (N1), all
    others the paragraph's LTR direction (N2); RTL runs are then reversed (L2).
    """
    if not _has_rtl(line):
        return line
    kinds: list[str] = []
    last = "L"
    for ch in line:
        d = _direction(ch)
        if d in ("R", "L"):
            last = d
            kinds.append(d)
        elif d == "N":
            kinds.append(last)
        else:
            kinds.append("-")
    n = len(kinds)
    _resolve_brackets(line, kinds)
    i = 0
    while i < n:
        if kinds[i] != "-":
            i += 1
            continue
        j = i
        while j < n and kinds[j] == "-":
            j += 1
        before = kinds[i - 1] if i > 0 else "L"
        after = kinds[j] if j < n else "L"
        kinds[i:j] = ["R" if before == after == "R" else "L"] * (j - i)
        i = j
    out: list[str] = []
    k = 0
    while k < n:
        j = k
        while j < n and kinds[j] == kinds[k]:
            j += 1
        chunk = line[k:j]
        out.append(_reverse_rtl_run(chunk) if kinds[k] == "R" else chunk)
        k = j
    return "".join(out)


_OPENING = {"(": ")", "[": "]", "{": "}"}


def _resolve_brackets(line: str, kinds: list[str]) -> None:
    """Paired brackets take one direction together (UAX #9 rule N0, simplified)."""
    stack: list[int] = []
    for i, ch in enumerate(line):
        if ch in _OPENING:
            stack.append(i)
        elif ch in _OPENING.values():
            for depth in range(len(stack) - 1, -1, -1):
                if _OPENING[line[stack[depth]]] == ch:
                    o = stack[depth]
                    del stack[depth:]
                    inside = {k for k in kinds[o + 1 : i] if k != "-"}
                    before = next((k for k in reversed(kinds[:o]) if k != "-"), "L")
                    if "L" in inside:
                        kinds[o] = kinds[i] = "L"
                    elif "R" in inside:
                        kinds[o] = kinds[i] = "R" if before == "R" else "L"
                    break


def visual(text: str) -> str:
    """Shaping plus visual order, line by line (``\\n`` separates lines)."""
    if not _has_rtl(text):
        return text
    return "\n".join(visual_line(shape_arabic(line)) for line in text.split("\n"))


# ---------------------------------------------------------------------------- markup


def to_markup(text: str, supported: Callable[[int], bool]) -> str:
    """reportlab Paragraph markup for plain ``text``: cleaned, ordered, escaped."""
    printable = visual(clean(text, supported))
    return "<br/>".join(escape(line) for line in printable.split("\n"))


def printable(text: str, supported: Callable[[int], bool]) -> str:
    """Plain printable text (for canvas ``drawString``: no markup, one line)."""
    return visual(clean(text, supported)).replace("\n", " ")


def join_nonempty(parts: Iterable[str], sep: str = ", ") -> str:
    return sep.join(p for p in parts if p)
