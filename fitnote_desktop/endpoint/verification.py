"""What the public verification page says about a reference, and how it says it.

A :class:`Verification` holds only what the page may show to anyone who has a reference:
the status, the kind of document, its period, the physician (name, RIZIV), the signing
date, and for a withdrawn document when, why (a reason code) and by which reference it
was replaced. It has no field for the patient or a diagnosis, so no template and no JSON
answer can show them by mistake.

The page (HTML), its JSON twin and ``fitnote-desktop verify-copy`` share this class: the
endpoint serialises it with :meth:`Verification.as_json`, the CLI reads it back with
:meth:`Verification.from_json`, and both print :meth:`Verification.facts`, so that the
browser and the terminal show the same sentences.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from fitnote_desktop.documents.labels import format_date, label
from fitnote_desktop.domain.identifiers import format_riziv
from fitnote_desktop.endpoint.texts import page_text


class Status(StrEnum):
    VALID = "valid"
    RETRACTED = "retracted"
    REPLACED = "replaced"
    UNKNOWN = "unknown"  # no such reference, or a short hash that does not match


@dataclass(frozen=True)
class Verification:
    status: Status
    reference: str = ""  # as printed: "<uuid> · <short hash>"
    kind: str = ""  # DocumentKind value
    certificate_kind: str = ""  # initial / prolongation / relapse (incapacity only)
    for_work: bool = True  # an incapacity certificate for work (the printed title says so)
    period_begin: date | None = None
    period_end: date | None = None
    physician_name: str = ""
    physician_riziv: str = ""
    signed_on: date | None = None
    retracted_on: date | None = None
    retraction_reason: str = ""  # a code of wire.retraction.RETRACTION_REASONS
    replaced_by: str = ""  # the replacement's reference, as printed on its copy

    # ------------------------------------------------------------------ JSON twin

    def as_json(self) -> dict[str, Any]:
        return {
            "status": self.status.value,
            "reference": self.reference,
            "kind": self.kind,
            "certificate_kind": self.certificate_kind,
            "for_work": self.for_work,
            "period": {"begin": _iso(self.period_begin), "end": _iso(self.period_end)},
            "physician": {"name": self.physician_name, "riziv": self.physician_riziv},
            "signed_on": _iso(self.signed_on),
            "retracted_on": _iso(self.retracted_on),
            "retraction_reason": self.retraction_reason,
            "replaced_by": self.replaced_by,
        }

    @classmethod
    def from_json(cls, data: Any) -> Verification:
        """Read :meth:`as_json` back; ``ValueError`` on anything else."""
        try:
            period, physician = data["period"], data["physician"]
            return cls(
                status=Status(data["status"]),
                reference=_str(data["reference"]),
                kind=_str(data["kind"]),
                certificate_kind=_str(data["certificate_kind"]),
                for_work=bool(data["for_work"]),
                period_begin=_date(period["begin"]),
                period_end=_date(period["end"]),
                physician_name=_str(physician["name"]),
                physician_riziv=_str(physician["riziv"]),
                signed_on=_date(data["signed_on"]),
                retracted_on=_date(data["retracted_on"]),
                retraction_reason=_str(data["retraction_reason"]),
                replaced_by=_str(data["replaced_by"]),
            )
        except (KeyError, TypeError) as exc:
            raise ValueError("not a verification answer") from exc

    # ------------------------------------------------------------------ sentences

    def headline(self, lang: str) -> str:
        return page_text(f"status.{self.status.value}", lang)

    def explanation(self, lang: str) -> str:
        return page_text(f"status.{self.status.value}.detail", lang)

    def facts(self, lang: str) -> list[tuple[str, str]]:
        """``(label, value)`` rows, in ``lang``; kind and period worded as on the copy."""
        if self.status is Status.UNKNOWN:
            return [(page_text("fact.reference", lang), self.reference)] if self.reference else []
        rows = [
            (page_text("fact.status", lang), page_text(f"state.{self.status.value}", lang)),
            (page_text("fact.reference", lang), self.reference),
            (page_text("fact.document", lang), self._document(lang)),
            (page_text("fact.period", lang), self._period(lang)),
            (page_text("fact.physician", lang), self.physician_name),
            (page_text("fact.riziv", lang), format_riziv(self.physician_riziv)),
            (page_text("fact.signed", lang), format_date(self.signed_on, lang)),
        ]
        if self.retracted_on is not None:
            rows.append((page_text("fact.retracted", lang), format_date(self.retracted_on, lang)))
        if self.retraction_reason:
            rows.append(
                (
                    page_text("fact.reason", lang),
                    page_text(f"reason.{self.retraction_reason}", lang),
                )
            )
        if self.replaced_by:
            rows.append((page_text("fact.replaced_by", lang), self.replaced_by))
        return rows

    def _document(self, lang: str) -> str:
        if self.kind == "incapacity":
            title = label(
                "title.incapacity.work" if self.for_work else "title.incapacity.other", lang
            )
            if self.certificate_kind:
                return f"{title} — {label(f'certificate_kind.{self.certificate_kind}', lang)}"
            return title
        return label(f"title.{self.kind}", lang)

    def _period(self, lang: str) -> str:
        """The period in the words of the printed copy (``documents.content``)."""
        if self.period_begin is None:
            return label("value.none", lang)
        begin = format_date(self.period_begin, lang)
        if self.period_end is None:
            return label("period.from_open", lang, begin=begin)
        days = (self.period_end - self.period_begin).days + 1
        span = label("period.from_to", lang, begin=begin, end=format_date(self.period_end, lang))
        count = label("period.day" if days == 1 else "period.days", lang, n=days)
        return f"{span} ({count})"


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _date(value: Any) -> date | None:
    return None if value is None else date.fromisoformat(_str(value))


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("expected a string")
    return value
