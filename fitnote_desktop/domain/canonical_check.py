"""Decode a ``fitnote/1`` payload and tell whether it is canonical, without re-encoding it.

The endpoint refuses a payload that is not exactly ``canonical_bytes`` of the document it
holds (``submit.not_canonical``). Re-encoding every document it receives to compare bytes
walked the whole document a second time (issue 14: a sixth of parsing and checking a
payload). :func:`decode_canonical` instead decodes the parsed JSON value once with
*strict* decoders that also prove, value by value, that encoding the result would give
that same JSON value back:

* every object has exactly the keys of its non-``None`` fields: no ``null``, no absent
  field whose default is not ``None``, no unknown key;
* every leaf is in its encoder's spelling: a date, date-time, UUID or decimal whose
  ``isoformat`` / ``str`` / normalised text is the text received, an enum value as is;
  strings, integers and booleans are returned as received;
* the payload needs no legacy upgrade (``upgrade_legacy``).

Then ``canonical_bytes(document) == dumps_canonical(data)``, and comparing that one C-level
``json.dumps`` with the payload decides. Anything the strict pass cannot prove (a schema
error, a legacy shape, a class with ``__post_init__``, a type it does not know) goes the
former way, :func:`~fitnote_desktop.domain.canonical.document_from_bytes` and a
re-encoding, so errors and their order are unchanged, and the document is always the one
``document_from_bytes`` gives: leaves go through its own decoders.
``tests/domain/test_canonical_check.py`` holds both ways equal on every sample and on
generated mutations.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
import uuid
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from functools import cache
from typing import Any, get_args, get_origin

from fitnote_desktop.domain.canonical import (
    _KIND_BODIES,
    CanonicalError,
    _decoder,
    _fields,
    _hints,
    _is_optional,
    canonical_bytes,
    dumps_canonical,
    from_dict,
    upgrade_legacy,
)
from fitnote_desktop.domain.model import SCHEMA, Document, DocumentKind


class _Undecided(Exception):
    """The strict pass cannot prove the value canonical: the former way decides."""


StrictDecoder = typing.Callable[[Any], Any]


def decode_canonical(raw: bytes) -> tuple[Document, bool]:
    """``document_from_bytes(raw)`` and whether ``canonical_bytes`` of it is ``raw``;
    raises :class:`CanonicalError` as ``document_from_bytes`` does."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise CanonicalError("", "is not valid UTF-8 JSON") from None
    try:
        document = _strict_document(data)
    except (_Undecided, ValueError, TypeError, KeyError, IndexError, AttributeError):
        document = None  # CanonicalError is a ValueError
    if document is not None and dumps_canonical(data) == raw:
        return document, True
    document = from_dict(data)
    return document, canonical_bytes(document) == raw


def _strict_document(data: Any) -> Document:
    if type(data) is not dict or data.get("schema") != SCHEMA or upgrade_legacy(data) != data:
        raise _Undecided
    kind = data.get("kind")
    if type(kind) is not str:
        raise _Undecided
    body = _strict_fields(_KIND_BODIES[DocumentKind(kind)], data.get("body"))
    document: Document = _strict_fields(Document, data, _DOCUMENT_TAGS, body=body)
    return document


_DOCUMENT_TAGS = frozenset({"body", "kind"})  # set apart from Document's own fields


# ---------------------------------------------------------------------------- strict


@cache
def _strict_decoder(hint: Any) -> StrictDecoder:
    """The strict decoder of values typed ``hint``, built once per type."""
    origin = get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in get_args(hint) if a is not type(None)]
        if len(options) != 1:
            return _undecidable
        return _strict_decoder(options[0])  # a present null never reaches a decoder
    if origin is tuple:
        return _strict_items(_strict_decoder(get_args(hint)[0]))
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        if hasattr(hint, "__post_init__"):
            return _undecidable  # its fields may not hold what was decoded
        return lambda raw: _strict_fields(hint, raw)
    if isinstance(hint, type) and issubclass(hint, Enum):
        return _checked(_decoder(hint), _enum_spelling)
    if hint in (bool, int, str):
        return _checked(_decoder(hint), None)
    spelling = _SPELLINGS.get(hint)
    if spelling is None:
        return _undecidable
    return _checked(_decoder(hint), spelling)


def _undecidable(_raw: Any) -> Any:
    raise _Undecided


def _checked(
    decode: typing.Callable[[Any, str], Any], spelling: typing.Callable[[Any], Any] | None
) -> StrictDecoder:
    """``decode`` (the codec's own), then proof that ``spelling`` gives the raw value back."""
    if spelling is None:
        return lambda raw: decode(raw, "")

    def strict(raw: Any) -> Any:
        value = decode(raw, "")
        if spelling(value) != raw:
            raise _Undecided
        return value

    return strict


def _enum_spelling(value: Enum) -> Any:
    return value.value


def _decimal_spelling(value: Decimal) -> str:
    return format(value.normalize(), "f")  # canonical._decimal_text


def _isoformat(value: date) -> str:
    return value.isoformat()


_SPELLINGS: dict[Any, typing.Callable[[Any], Any]] = {
    date: _isoformat,
    datetime: _isoformat,
    uuid.UUID: str,
    Decimal: _decimal_spelling,
}


def _strict_items(item: StrictDecoder) -> StrictDecoder:
    def strict(raw: Any) -> tuple[Any, ...]:
        if type(raw) is not list:
            raise _Undecided
        return tuple([item(v) for v in raw])

    return strict


@dataclasses.dataclass(frozen=True)
class _Plan:
    """How the strict pass decodes one dataclass: a strict decoder per field, and the
    fields that may be absent (they are then ``None``, which encoding leaves out)."""

    decoders: dict[str, StrictDecoder]
    absent: dict[str, None]  # the keyword arguments of a field left out: None
    size: int  # the number of fields


@cache
def _strict_plan(cls: type) -> _Plan:
    hints = _hints(cls)
    decoders: dict[str, StrictDecoder] = {}
    absent: dict[str, None] = {}
    for f in _fields(cls):
        if f.default is not dataclasses.MISSING:
            may_be_absent = f.default is None
        elif f.default_factory is not dataclasses.MISSING:
            may_be_absent = False  # a made value would be encoded
        else:
            may_be_absent = _is_optional(hints[f.name])
        decoders[f.name] = _strict_decoder(hints[f.name])
        if may_be_absent:
            absent[f.name] = None
    return _Plan(decoders, absent, len(decoders))


def _strict_fields(cls: type, raw: Any, tags: frozenset[str] = frozenset(), **given: Any) -> Any:
    """An instance of dataclass ``cls`` whose encoding is exactly ``raw`` (its keys in
    ``tags`` apart, and the fields ``given``)."""
    if type(raw) is not dict:
        raise _Undecided
    plan = _strict_plan(cls)
    kwargs: dict[str, Any] = {**plan.absent, **given}
    decoders = plan.decoders
    for name, value in raw.items():
        decode = decoders.get(name)
        if decode is None or name in given:
            if name in tags:
                continue
            raise _Undecided  # a key that is no field of cls
        if value is None:
            raise _Undecided  # a null: encoding leaves the field out
        kwargs[name] = decode(value)
    if len(kwargs) != plan.size:
        raise _Undecided  # a field left out whose value would be encoded
    return cls(**kwargs)
