"""``canonical_check.decode_canonical`` against the former way, ``document_from_bytes`` and
a re-encoding: the same document, the same verdict on canonical form and the same error,
on every sample, on the legacy payloads and on generated mutations of canonical payloads
(keys dropped, nulled, added, values respelled or retyped, other JSON spellings). The
strict pass must also be what decides a canonical payload (or it would save nothing)."""

from __future__ import annotations

import json
import uuid
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fitnote_desktop.domain import canonical_check, samples
from fitnote_desktop.domain.canonical import (
    CanonicalError,
    canonical_bytes,
    document_from_bytes,
    dumps_canonical,
)
from fitnote_desktop.domain.canonical_check import decode_canonical

LEGACY = Path(__file__).parent / "legacy"
SAMPLES = samples.all_samples()


def _former_way(raw: bytes) -> tuple[Any, bool] | Exception:
    """What the endpoint did: decode, then compare a re-encoding (or the error raised,
    of the kinds the endpoint answers as a schema error)."""
    try:
        document = document_from_bytes(raw)
    except (ValueError, TypeError, RecursionError) as exc:
        return exc
    return document, canonical_bytes(document) == raw


def _same_id(decided: tuple[Any, bool]) -> tuple[Any, bool]:
    """A payload without an id decodes to a new random one each time: set it aside."""
    return replace(decided[0], id=uuid.UUID(int=0)), decided[1]


def _assert_same_as_former_way(raw: bytes) -> None:
    expected = _former_way(raw)
    if isinstance(expected, Exception):
        with pytest.raises(type(expected)) as caught:
            decode_canonical(raw)
        if isinstance(expected, CanonicalError):
            assert isinstance(caught.value, CanonicalError)
            assert (caught.value.path, caught.value.problem) == (expected.path, expected.problem)
        return
    decided = decode_canonical(raw)
    if b'"id"' not in raw:
        decided, expected = _same_id(decided), _same_id(expected)
    assert decided == expected


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_a_canonical_sample_is_decided_by_the_strict_pass(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = canonical_bytes(SAMPLES[name])
    expected = _former_way(raw)
    monkeypatch.setattr(canonical_check, "from_dict", None)  # the former way is not taken
    assert decode_canonical(raw) == expected
    assert decode_canonical(raw)[1] is True


@pytest.mark.parametrize("path", sorted(LEGACY.glob("*.json")), ids=lambda p: p.stem)
def test_legacy_payloads_are_decided_the_former_way(path: Path) -> None:
    _assert_same_as_former_way(path.read_bytes())


def _places(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON value (keys of objects, indexes of lists), the root first."""
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _places(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _places(item, (*path, index))
    return found


_RESPELLINGS = st.sampled_from(
    [
        None,
        True,
        False,
        0,
        1,
        1.0,
        -7,
        "",
        " ",
        "x",
        "2026-11-30",
        "2026-W48-1",
        "20261130",
        "2026-11-30T08:00:00",
        "2026-11-30T08:00:00+00:00",
        "2026-11-30 08:00:00",
        "7D0C9B1E-5F2A-4C1E-9A53-0D1F2B3C4D5E",
        "7d0c9b1e5f2a4c1e9a530d1f2b3c4d5e",
        "7d0c9b1e-5f2a-4c1e-9a53-0d1f2b3c4d5e",
        "1.50",
        "1.5",
        "0",
        "-0",
        "1E+2",
        "NaN",
        "Infinity",
        "work",
        "illness",
        "employee",
        "swimming",
        "hospitalisation",
        "é",
        [],
        {},
        [None],
        {"unknown": 1},
    ]
)


def _mutated(data: Any, place: tuple[Any, ...], how: str, new: Any) -> Any:
    """``data`` with one change at ``place`` (deep-copied through JSON)."""
    copy = json.loads(json.dumps(data))
    if not place:
        return new if how == "replace" else copy
    parent = copy
    for step in place[:-1]:
        parent = parent[step]
    last = place[-1]
    if how == "drop" and isinstance(parent, dict):
        del parent[last]
    elif how == "add" and isinstance(parent, dict):
        parent["zz_" + str(last)] = new
    else:
        parent[last] = new
    return copy


_SPELLINGS = {
    "canonical": dumps_canonical,
    "spaced": lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False).encode(),
    "unsorted": lambda v: json.dumps(v, separators=(",", ":"), ensure_ascii=False).encode(),
    "ascii": lambda v: json.dumps(v, sort_keys=True, separators=(",", ":")).encode(),
}


@settings(max_examples=400)
@given(
    name=st.sampled_from(sorted(SAMPLES)),
    pick=st.integers(min_value=0),
    how=st.sampled_from(["replace", "drop", "add", "none"]),
    new=_RESPELLINGS,
    spelling=st.sampled_from(sorted(_SPELLINGS)),
)
def test_mutated_payloads_are_decided_as_the_former_way_decides(
    name: str, pick: int, how: str, new: Any, spelling: str
) -> None:
    data = json.loads(canonical_bytes(SAMPLES[name]))
    places = _places(data)
    value = data if how == "none" else _mutated(data, places[pick % len(places)], how, new)
    _assert_same_as_former_way(_SPELLINGS[spelling](value))


@given(raw=st.binary(max_size=64))
def test_any_bytes_are_decided_as_the_former_way_decides(raw: bytes) -> None:
    _assert_same_as_former_way(raw)


def _respellings(value: Any) -> list[Any]:
    """Other spellings of one JSON value that a lenient parser may read as the same
    value: case, separators, an ISO week date, a trailing zero, an offset, a number."""
    if not isinstance(value, str):
        return [str(value), None]
    found = [value.upper(), value.lower(), value.replace("-", ""), value + "0", f" {value}"]
    try:
        day = date.fromisoformat(value)
    except ValueError:
        pass
    else:
        year, week, weekday = day.isocalendar()
        found.append(f"{year}-W{week:02d}-{weekday}")
    if "T" in value:
        found += [value.replace("+00:00", "Z"), value.replace("T", " "), value + "+00:00"]
    if value.isdigit():
        found += [f"{value}.0", f"{value}.50", int(value)]
    return [v for v in found if v != value]


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_every_value_respelled_is_decided_as_the_former_way_decides(name: str) -> None:
    """Each value of a canonical payload in turn replaced by another spelling of it: a
    strict decoder that skipped a spelling check would accept one of these."""
    data = json.loads(canonical_bytes(SAMPLES[name]))
    for place in _places(data)[1:]:
        parent = data
        for step in place[:-1]:
            parent = parent[step]
        for other in _respellings(parent[place[-1]]):
            _assert_same_as_former_way(dumps_canonical(_mutated(data, place, "replace", other)))
