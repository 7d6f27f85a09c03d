"""Read and write a document by canonical field path (``body.diagnoses[0].code``).

The same dotted paths name a field in the canonical JSON, in a validation
:class:`~fitnote_desktop.domain.findings.Finding` and in the editor's field table, so
the editor binds widgets to the document through them instead of one hand-written
assignment per field. Documents are frozen dataclasses: writing rebuilds the touched
branch with :func:`dataclasses.replace`.
"""

from __future__ import annotations

import dataclasses
import re
import typing
from typing import Any

_STEP = re.compile(r"([A-Za-z_]\w*)|\[(\d+)\]")

Step = str | int


def steps(path: str) -> list[Step]:
    """``body.diagnoses[0].code`` → ``["body", "diagnoses", 0, "code"]``."""
    out: list[Step] = []
    for name, index in _STEP.findall(path):
        out.append(name if name else int(index))
    return out


def parent_path(path: str) -> str:
    """``body.period.end`` → ``body.period``; ``body.capacities[2]`` → ``body.capacities``."""
    return re.sub(r"(\.[^.\[\]]+|\[\d+\])$", "", path)


def read(value: Any, path: str) -> Any:
    """The value at ``path``, or None when a structure on the way is absent."""
    for step in steps(path):
        if value is None:
            return None
        if isinstance(step, int):
            value = value[step] if step < len(value) else None
        else:
            value = getattr(value, step)
    return value


def write(document: Any, values: dict[str, Any]) -> Any:
    """``document`` with every ``path: value`` of ``values`` written into it.

    Writes are grouped per structure, so an absent optional structure (a hospital stay,
    a fit-note, the first diagnosis) is created from all its values at once, and stays
    absent when one of its required fields has no value.
    """
    tree: dict[Step, Any] = {}
    for path, value in values.items():
        node = tree
        *head, last = steps(path)
        for step in head:
            node = node.setdefault(step, {})
        node[last] = _Leaf(value)
    return _apply(document, tree, type(document))


@dataclasses.dataclass(frozen=True)
class _Leaf:
    value: Any


def _apply(current: Any, tree: dict[Step, Any], cls: Any) -> Any:
    if isinstance(current, tuple) or _is_tuple(cls):
        items = list(current or ())
        element = typing.get_args(cls)[0] if _is_tuple(cls) else object
        for index, sub in sorted(tree.items()):
            assert isinstance(index, int)
            old = items[index] if index < len(items) else None
            new = _resolve(old, sub, element)
            if index < len(items):
                items[index] = new
            elif new is not None:
                items.append(new)
        return tuple(items)
    if current is not None:
        cls = type(current)  # a union such as ``Body``: the value knows its own type
    hints = typing.get_type_hints(cls)
    changes = {
        str(name): _resolve(getattr(current, str(name), None), sub, hints[str(name)])
        for name, sub in tree.items()
    }
    if current is not None:
        return dataclasses.replace(current, **changes)
    required = [
        f.name
        for f in dataclasses.fields(cls)
        if f.default is dataclasses.MISSING
        and f.default_factory is dataclasses.MISSING
        and not _optional(hints[f.name])
    ]
    if any(changes.get(name) is None for name in required):
        return None
    return cls(**changes)


def _resolve(current: Any, sub: Any, hint: Any) -> Any:
    if isinstance(sub, _Leaf):
        return sub.value
    return _apply(current, sub, _structure(hint))


def _structure(hint: Any) -> Any:
    """The dataclass or tuple type inside ``X | None``."""
    if _optional(hint):
        return next(a for a in typing.get_args(hint) if a is not type(None))
    return hint


def _optional(hint: Any) -> bool:
    return type(None) in typing.get_args(hint)


def _is_tuple(cls: Any) -> bool:
    return typing.get_origin(cls) is tuple
