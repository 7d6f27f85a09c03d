"""Canonical JSON form of a document (``fitnote/1``): the exact bytes that get signed.

Rules (RFC 8785 in spirit, restricted so that the restriction makes it exact): UTF-8,
keys sorted, no insignificant whitespace, no floats anywhere (decimals travel as
strings, dates as ISO 8601), ``None`` fields omitted. With no floats, sorted keys and
``ensure_ascii=False``, Python's ``json.dumps`` output coincides with RFC 8785 for the
values we emit, so no hand-written serialiser is needed.

Documents stored or signed before the issue-12 model change (same ``fitnote/1`` schema
value) are read through :func:`upgrade_legacy`, one pure function that rewrites the old
shape to the current one before decoding; the stored bytes themselves never change.

Encoding and decoding are driven by the dataclasses' type hints, so the model is the
single source of truth; the JSON Schema in ``resources/schema/`` is generated from the
same hints (``json_schema()``) and a test keeps the file in sync.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
import uuid
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import Enum
from functools import cache, partial
from typing import TYPE_CHECKING, Any, TypeVar, get_args, get_origin

from fitnote_desktop.domain import model
from fitnote_desktop.domain.model import BODY_KINDS, SCHEMA, Document, DocumentKind

if TYPE_CHECKING:
    from _typeshed import DataclassInstance


class CanonicalError(ValueError):
    """The input is not a well-formed ``fitnote/1`` document.

    ``path`` names the offending field (``body.period.begin``); the message never
    echoes the field's value, which may be medical.
    """

    code = "document.malformed"

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path or 'document'}: {problem}")
        self.path = path
        self.problem = problem


_KIND_BODIES = {kind: cls for cls, kind in BODY_KINDS.items()}

UNKNOWN_FIELD = "<unknown field>"  # stands in the path for a key the schema does not know

_Decoded = TypeVar("_Decoded", bound="DataclassInstance")
_Parsed = TypeVar("_Parsed")


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(model))


@cache
def _fields(cls: type) -> tuple[dataclasses.Field[Any], ...]:
    """A dataclass's fields, computed once per class: ``dataclasses.fields`` rebuilds the
    tuple on every call, and the endpoint decodes and re-encodes every document it
    receives (issue 14: a third of the codec's time went there)."""
    return dataclasses.fields(cls)


@cache
def _field_names(cls: type) -> frozenset[str]:
    return frozenset(f.name for f in _fields(cls))


# ---------------------------------------------------------------------------- encode


def _encode(value: Any) -> Any:
    return _encoder(type(value))(value)


_ENCODERS: dict[type, typing.Callable[[Any], Any]] = {}


def _encoder(cls: type) -> typing.Callable[[Any], Any]:
    """How values of ``cls`` are encoded, chosen once per type (the choice depends on the
    type alone; the endpoint re-encodes every document it receives)."""
    found = _ENCODERS.get(cls)
    if found is None:
        found = _ENCODERS[cls] = _choose_encoder(cls)
    return found


def _choose_encoder(cls: type) -> typing.Callable[[Any], Any]:
    if cls is type(None) or (issubclass(cls, bool | int | str) and not issubclass(cls, Enum)):
        return _same
    if issubclass(cls, Enum):
        return _enum_value
    if issubclass(cls, datetime | date):
        return _isoformat
    if issubclass(cls, uuid.UUID):
        return str
    if issubclass(cls, Decimal):
        return _decimal_text
    if issubclass(cls, tuple | list):
        return _encode_items
    if dataclasses.is_dataclass(cls):
        return _encode_fields
    return partial(_cannot_encode, cls)


def _same(value: Any) -> Any:
    return value


def _enum_value(value: Enum) -> Any:
    return value.value


def _isoformat(value: date) -> str:
    return value.isoformat()


def _decimal_text(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _encode_items(value: tuple[Any, ...] | list[Any]) -> list[Any]:
    return [_encoder(type(v))(v) for v in value]


def _cannot_encode(cls: type, _value: Any) -> Any:
    raise TypeError(f"cannot encode {cls.__name__}")


def _encode_fields(value: object) -> dict[str, Any]:
    """The JSON object of one dataclass instance: its non-``None`` fields, encoded."""
    out: dict[str, Any] = {}
    cls: type = type(value)
    for f in _fields(cls):
        v = getattr(value, f.name)
        if v is None:
            continue
        out[f.name] = _encoder(type(v))(v)
    return out


def to_dict(document: Document) -> dict[str, Any]:
    """Plain JSON-ready dict of a document, with its ``kind`` tag for the body."""
    data = _encode_fields(document)
    data["kind"] = document.kind.value
    return data


def canonical_bytes(document: Document) -> bytes:
    """The bytes that are hashed and signed."""
    return dumps_canonical(to_dict(document))


def dumps_canonical(obj: Any) -> bytes:
    return json.dumps(
        obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


# ---------------------------------------------------------------------------- decode


Decoder = typing.Callable[[Any, str], Any]
"""Decodes one raw JSON value at ``path`` (raises :class:`CanonicalError`)."""


@cache
def _decoder(hint: Any) -> Decoder:
    """The decoder of values typed ``hint``, built once per type: the endpoint decodes
    every document it receives, and working out what a type hint means again for each of
    a document's values was a third of the decoder's time (issue 14)."""
    origin = get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return _union_decoder(hint)
    if origin is tuple:
        return _tuple_decoder(get_args(hint)[0])
    if hint is Any:
        return lambda raw, _path: raw
    if isinstance(hint, type) and issubclass(hint, Enum):
        return partial(_decode_enum, hint)
    if hint in _SCALARS:
        return _SCALARS[hint]
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return partial(_decode_dataclass, hint)
    return partial(_unsupported, hint)


def _union_decoder(hint: Any) -> Decoder:
    options = [a for a in get_args(hint) if a is not type(None)]
    nullable = len(options) < len(get_args(hint))
    inner = _decoder(options[0]) if len(options) == 1 else None

    def decode(raw: Any, path: str) -> Any:
        if raw is None:
            if nullable:
                return None
            raise CanonicalError(path, "must not be null")
        if inner is None:
            raise CanonicalError(path, "ambiguous union")  # only Document.body, handled apart
        return inner(raw, path)

    return decode


def _tuple_decoder(item_hint: Any) -> Decoder:
    item = _decoder(item_hint)

    def decode(raw: Any, path: str) -> tuple[Any, ...]:
        if not isinstance(raw, list):
            raise CanonicalError(path, "must be a list")
        return tuple(item(v, f"{path}[{i}]") for i, v in enumerate(raw))

    return decode


def _decode_enum(hint: type[Enum], raw: Any, path: str) -> Enum:
    try:
        return hint(raw)
    except ValueError:
        raise CanonicalError(path, "unknown code value") from None


def _unsupported(hint: Any, _raw: Any, path: str) -> Any:
    raise CanonicalError(path, f"unsupported type {hint!r}")


def _decode_bool(raw: Any, path: str) -> bool:
    if not isinstance(raw, bool):
        raise CanonicalError(path, "must be true or false")
    return raw


def _decode_int(raw: Any, path: str) -> int:
    if not isinstance(raw, int) or isinstance(raw, bool):
        raise CanonicalError(path, "must be an integer")
    return raw


def _decode_str(raw: Any, path: str) -> str:
    if not isinstance(raw, str):
        raise CanonicalError(path, "must be a string")
    return raw


def _decode_datetime(raw: Any, path: str) -> datetime:
    return _parse(datetime.fromisoformat, raw, path, "must be an ISO date-time")


def _decode_date(raw: Any, path: str) -> date:
    if not isinstance(raw, str) or len(raw) != 10:
        raise CanonicalError(path, "must be an ISO date (YYYY-MM-DD)")
    return _parse(date.fromisoformat, raw, path, "must be an ISO date (YYYY-MM-DD)")


def _decode_uuid(raw: Any, path: str) -> uuid.UUID:
    return _parse(uuid.UUID, raw, path, "must be a UUID")


def _decode_decimal(raw: Any, path: str) -> Decimal:
    if not isinstance(raw, str):
        raise CanonicalError(path, "must be a decimal number as a string")
    value = _parse(Decimal, raw, path, "must be a decimal number")
    if not value.is_finite():
        raise CanonicalError(path, "must be a finite number")
    return value


_SCALARS: dict[Any, Decoder] = {
    bool: _decode_bool,
    int: _decode_int,
    str: _decode_str,
    datetime: _decode_datetime,
    date: _decode_date,
    uuid.UUID: _decode_uuid,
    Decimal: _decode_decimal,
}


def _parse(fn: typing.Callable[[str], _Parsed], raw: Any, path: str, problem: str) -> _Parsed:
    if not isinstance(raw, str):
        raise CanonicalError(path, problem)
    try:
        return fn(raw)
    except (ValueError, InvalidOperation):
        raise CanonicalError(path, problem) from None


_REQUIRED, _NULL, _DEFAULT = "required", "null", "default"  # what a missing field becomes


@cache
def _plan(cls: type) -> tuple[tuple[str, Decoder, str], ...]:
    """Per field of ``cls``: its name, its decoder and what its absence means."""
    hints = _hints(cls)
    plan = []
    for f in _fields(cls):
        if f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING:
            missing = _DEFAULT
        else:
            missing = _NULL if _is_optional(hints[f.name]) else _REQUIRED
        plan.append((f.name, _decoder(hints[f.name]), missing))
    return tuple(plan)


def _decode_dataclass(
    cls: type[_Decoded], raw: Any, path: str, skip: frozenset[str] = frozenset(), **given: Any
) -> _Decoded:
    if not isinstance(raw, dict):
        raise CanonicalError(path, "must be an object")
    unknown = raw.keys() - _field_names(cls) - skip
    if unknown:
        # A key may be anything typed by mistake (a NISS, a diagnosis): name its place only.
        where = f"{path}.{UNKNOWN_FIELD}" if path else UNKNOWN_FIELD
        count = f" ({len(unknown)} such fields)" if len(unknown) > 1 else ""
        raise CanonicalError(where, f"is not a field of {SCHEMA}{count}")
    kwargs: dict[str, Any] = dict(given)
    for name, decode, missing in _plan(cls):
        if name in skip:
            continue
        if name not in raw:
            if missing is _REQUIRED:
                raise CanonicalError(f"{path}.{name}" if path else name, "is required")
            if missing is _NULL:
                kwargs[name] = None
            continue
        kwargs[name] = decode(raw[name], f"{path}.{name}" if path else name)
    return cls(**kwargs)


def _is_optional(hint: Any) -> bool:
    return get_origin(hint) in (typing.Union, types.UnionType) and type(None) in get_args(hint)


_LEGACY_INCAPACITY_FOR = {"swimming": "swim"}
_LEGACY_EMPLOYMENT = {"employee": "employed"}


def upgrade_legacy(data: dict[str, Any]) -> dict[str, Any]:
    """The current shape of a document written by the pre-issue-12 model (a new dict).

    Old payloads had ``incapacity_for`` as a list, the codes ``swimming`` and
    ``employee``, a reason ``hospitalisation`` with a ``hospitalisation`` period, and
    diagnoses whose first one was implicitly principal. Current payloads pass unchanged.
    """
    out = dict(data)
    employment = out.get("employment")
    if isinstance(employment, dict) and employment.get("situation") in _LEGACY_EMPLOYMENT:
        out["employment"] = {
            **employment,
            "situation": _LEGACY_EMPLOYMENT[employment["situation"]],
        }
    body = out.get("body")
    if not isinstance(body, dict):
        return out
    body = dict(body)
    if out.get("kind") == DocumentKind.INCAPACITY.value:
        wanted = body.get("incapacity_for")
        if isinstance(wanted, list):
            if wanted:
                body["incapacity_for"] = wanted[0]
            else:
                del body["incapacity_for"]  # the old default was work
        if isinstance(body.get("incapacity_for"), str):
            value = body["incapacity_for"]
            body["incapacity_for"] = _LEGACY_INCAPACITY_FOR.get(value, value)
        if body.get("reason") == "hospitalisation":
            body["reason"] = "illness"
        hosp = body.pop("hospitalisation", None)
        if isinstance(hosp, dict) and "hospital_stay" not in body:
            stay = {"admission": hosp.get("begin")}
            if hosp.get("end") is not None:
                stay["discharge"] = hosp["end"]
            body["hospital_stay"] = stay
    diagnoses = body.get("diagnoses")
    if (
        isinstance(diagnoses, list)
        and diagnoses
        and all(isinstance(d, dict) and "principal" not in d for d in diagnoses)
    ):
        body["diagnoses"] = [{**diagnoses[0], "principal": True}, *diagnoses[1:]]
    out["body"] = body
    return out


def from_dict(data: Any) -> Document:
    """Decode a ``fitnote/1`` dict; raises :class:`CanonicalError` naming the bad field."""
    if not isinstance(data, dict):
        raise CanonicalError("", "must be a JSON object")
    data = upgrade_legacy(data)
    if data.get("schema") != SCHEMA:
        raise CanonicalError("schema", f"must be {SCHEMA!r}")
    try:
        kind = DocumentKind(data.get("kind"))
    except ValueError:
        raise CanonicalError("kind", "unknown document kind") from None
    body = _decode_dataclass(_KIND_BODIES[kind], data.get("body"), "body")
    return _decode_dataclass(Document, data, "", skip=frozenset({"body", "kind"}), body=body)


def document_from_bytes(raw: bytes) -> Document:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise CanonicalError("", "is not valid UTF-8 JSON") from None
    return from_dict(data)


def is_canonical(raw: bytes) -> bool:
    """True when ``raw`` is exactly the canonical encoding of the document it holds."""
    try:
        return canonical_bytes(document_from_bytes(raw)) == raw
    except CanonicalError:
        return False


# ---------------------------------------------------------------------------- schema


def _schema_for(hint: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in get_args(hint) if a is not type(None)]
        if len(options) == 1:
            return _schema_for(options[0], defs)
        return {"oneOf": [_schema_for(o, defs) for o in options]}
    if origin is tuple:
        return {"type": "array", "items": _schema_for(get_args(hint)[0], defs)}
    if isinstance(hint, type) and issubclass(hint, Enum):
        return {"type": "string", "enum": [m.value for m in hint]}
    if hint is bool:
        return {"type": "boolean"}
    if hint is int:
        return {"type": "integer"}
    if hint is str:
        return {"type": "string"}
    if hint is date:
        return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    if hint is datetime:
        return {"type": "string", "format": "date-time"}
    if hint is uuid.UUID:
        return {"type": "string", "format": "uuid"}
    if hint is Decimal:
        return {"type": "string", "pattern": r"^-?\d+(\.\d+)?$"}
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        name = hint.__name__
        if name not in defs:
            defs[name] = {}  # placeholder against recursion
            defs[name] = _object_schema(hint, defs)
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(f"no schema for {hint!r}")


def _object_schema(cls: type, defs: dict[str, Any], skip: frozenset[str] = frozenset()) -> Any:
    hints = _hints(cls)
    props: dict[str, Any] = {}
    required: list[str] = []
    for f in _fields(cls):
        if f.name in skip:
            continue
        props[f.name] = _schema_for(hints[f.name], defs)
        if (
            f.default is dataclasses.MISSING
            and f.default_factory is dataclasses.MISSING
            and not _is_optional(hints[f.name])
        ):
            required.append(f.name)
    schema: dict[str, Any] = {"type": "object", "properties": props, "additionalProperties": False}
    if required:
        schema["required"] = required
    return schema


def json_schema() -> dict[str, Any]:
    """JSON Schema (2020-12) of ``fitnote/1``, generated from the model."""
    defs: dict[str, Any] = {}
    root = _object_schema(Document, defs, skip=frozenset({"body"}))
    root["properties"]["schema"] = {"const": SCHEMA}
    root["properties"]["kind"] = {"type": "string", "enum": [k.value for k in DocumentKind]}
    root["properties"]["body"] = {"type": "object"}
    root["required"] = sorted({*root.get("required", []), "schema", "kind", "body", "id"})
    root["allOf"] = [
        {
            "if": {"properties": {"kind": {"const": kind.value}}},
            "then": {"properties": {"body": _schema_for(cls, defs)}},
        }
        for cls, kind in BODY_KINDS.items()
    ]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://fitnote-desktop.example/schema/fitnote-1.json",
        "title": "fitnote/1 document",
        **root,
        "$defs": dict(sorted(defs.items())),
    }
