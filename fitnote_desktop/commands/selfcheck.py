"""``fitnote-desktop selfcheck --demo --profile-dir DIR``: the whole flow, headless.

Runs what a physician does in a consultation through the same services and adapters
as the desktop app: demo profile and PKI, embedded sandbox endpoint, a patient, an
incapacity certificate with a fit-note and three ICF capacities, signature with the
configured signer, sending, the verified receipt, the four PDF copies, a prolongation.
Prints a JSON summary (no patient data in it) and exits 0 only if every step worked.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from fitnote_desktop.cli import CommandError

if TYPE_CHECKING:
    from fitnote_desktop.services import Services

SEND_TIMEOUT_S = 60.0
EXPECTED_STEPS = 9  # demo, unlock, session, patient, certificate, sign, receipt, pdfs, prolong


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("selfcheck", help="run the whole flow headless and print a JSON summary")
    p.add_argument(
        "--demo",
        action="store_true",
        default=argparse.SUPPRESS,
        help="use the demo profile, demo PKI and embedded sandbox endpoint",
    )
    p.add_argument("--profile-dir", default=argparse.SUPPRESS, help="directory of the profiles")
    p.set_defaults(func=run)


class _Steps:
    def __init__(self) -> None:
        self.steps: list[dict[str, Any]] = []

    def run(self, name: str, fn: Callable[[], Any]) -> Any:
        start = time.perf_counter()
        try:
            result = fn()
        except Exception as exc:
            code = getattr(exc, "code", None) or type(exc).__name__
            self.steps.append({"step": name, "ok": False, "ms": _ms(start), "error": str(code)})
            raise _Stop from exc
        entry: dict[str, Any] = {"step": name, "ok": True, "ms": _ms(start)}
        if isinstance(result, dict):
            entry.update(result)
        self.steps.append(entry)
        return result


class _Stop(Exception):
    pass


def _ms(start: float) -> int:
    return round((time.perf_counter() - start) * 1000)


def run(args: argparse.Namespace) -> int:
    if not getattr(args, "demo", False):
        raise CommandError("selfcheck needs --demo (it signs with the demo PKI)", 2)
    from fitnote_desktop.adapters.signer import DeferredPin
    from fitnote_desktop.wiring.demo import DemoSetup, demo_pin, prepare_demo
    from fitnote_desktop.wiring.session import open_session

    steps = _Steps()
    demo: DemoSetup | None = None
    session = None
    try:
        demo = steps.run("demo", lambda: prepare_demo(args.profile_dir))
        steps.steps[-1]["endpoint"] = demo.endpoint.url
        profile = steps.run("unlock", lambda: demo.manager.open(demo.profile_id, demo.passphrase))
        session = steps.run(
            "session",
            lambda: open_session(
                profile, pin=DeferredPin(demo_pin), endpoint=demo.endpoint_config(), demo=True
            ),
        )
        _flow(steps, session.services)
    except _Stop:
        pass
    finally:
        if session is not None:
            session.close()
        if demo is not None:
            demo.endpoint.stop()
    ok = len(steps.steps) == EXPECTED_STEPS and all(s["ok"] for s in steps.steps)
    print(json.dumps({"ok": ok, "steps": steps.steps}, indent=2))
    sys.stdout.flush()
    return 0 if ok else 1


SELFCHECK_NISS = "85073003229"  # the demo patient (fictitious, valid check digits)


def _free_day(services: Services, patient_id: str) -> date:
    """Today, or the day after the patient's last standing certificate (the demo's, or an
    earlier self-check's): a certificate may not overlap another one (rule 8)."""
    from fitnote_desktop.domain.model import DocumentKind
    from fitnote_desktop.services.context import NOT_STANDING

    begin = services.today()
    for rec in services.drafts.for_patient(patient_id):
        period = rec.document.period
        if rec.status in NOT_STANDING or rec.document.kind is not DocumentKind.INCAPACITY:
            continue
        if period is not None and period.end is not None and period.end >= begin:
            begin = period.end + timedelta(days=1)
    return begin


def _flow(steps: _Steps, services: Services) -> None:
    from fitnote_desktop.domain.findings import has_errors
    from fitnote_desktop.domain.lifecycle import DocumentStatus
    from fitnote_desktop.domain.model import (
        CodeSystem,
        Consent,
        Diagnosis,
        DocumentKind,
        FitNote,
        FitNoteStatus,
        IcfCapacity,
        IncapacityCertificate,
        Period,
        Recipient,
    )
    from fitnote_desktop.wiring.demo import demo_pin

    def patient() -> dict[str, Any]:
        found = [r for r in services.patients.search(SELFCHECK_NISS) if r.patient.niss]
        if not found:
            from fitnote_desktop.domain import samples

            found = [services.patients.save(samples.patient())]
        state["patient"] = found[0]
        return {}

    state: dict[str, Any] = {}
    steps.run("patient", patient)

    def certificate() -> dict[str, Any]:
        rec = services.drafts.new(DocumentKind.INCAPACITY, state["patient"].id)
        doc = rec.document
        if not isinstance(doc.body, IncapacityCertificate):
            raise RuntimeError(f"new certificate draft has a {doc.kind.value} body")
        begin = _free_day(services, state["patient"].id)
        body = replace(
            doc.body,
            period=Period(begin, begin + timedelta(days=13)),
            diagnoses=(Diagnosis("Lumbago", "L03", CodeSystem.ICPC2, principal=True),),
            expected_return=begin + timedelta(days=14),  # the first prognosis (rule 6)
            out_of_home_allowed=True,  # a yes/no the physician answers
            fit_note=FitNote(
                status=FitNoteStatus.FIT_ADAPTED,
                review_date=begin + timedelta(days=10),
                capacities=(
                    IcfCapacity("d430", 2, "Kan tot 5 kg heffen en dragen"),
                    IcfCapacity("d415", 1, "Kan 4 uur per dag zittend werken"),
                    IcfCapacity("d450", 1, "Kan tot 500 m wandelen"),
                ),
            ),
        )
        doc = replace(
            doc,
            body=body,
            consent=Consent(
                electronic_sending=True,
                share_capacities_with_employer=True,
                episode_sharing=True,
                recorded_at=datetime.now(UTC),  # given for this document (rule 10)
                reference="SELFCHECK",
            ),
        )
        rec = services.drafts.save(rec.patient_id, doc)
        findings = services.drafts.validate(rec.document)
        if has_errors(findings):
            raise RuntimeError("validation: " + ",".join(f.code for f in findings))
        state["doc"] = rec
        return {"capacities": 3, "warnings": len(findings)}

    steps.run("certificate", certificate)
    steps.run(
        "sign",
        lambda: {"status": services.sending.sign_and_send(state["doc"].id, demo_pin).status.value},
    )

    def receipt() -> dict[str, Any]:
        deadline = time.monotonic() + SEND_TIMEOUT_S
        while time.monotonic() < deadline:
            rec = services.drafts.get(state["doc"].id)
            if rec.status is DocumentStatus.ACCEPTED:
                return {"status": rec.status.value}
            if rec.status is DocumentStatus.REJECTED:
                raise RuntimeError(f"rejected: {rec.last_error}")
            services.outbox.retry(state["doc"].id)
            time.sleep(0.2)
        raise TimeoutError(services.outbox.connection().detail or "no receipt")

    steps.run("send_and_receipt", receipt)

    def pdfs() -> dict[str, Any]:
        sizes = {}
        for recipient in Recipient:
            pdf = services.copies.render(state["doc"].id, recipient, "nl")
            if not pdf.startswith(b"%PDF"):
                raise RuntimeError(f"not a PDF for {recipient.value}")
            sizes[recipient.value] = len(pdf)
        return {"pdf_bytes": sizes}

    steps.run("pdfs", pdfs)

    def prolong() -> dict[str, Any]:
        rec = services.follow_ups.prolong(state["doc"].id)
        offer = services.drafts.consent_offer(rec.patient_id)  # "same as on DATE", confirmed
        if offer is None:
            raise RuntimeError("no consent offered from the signed certificate")
        rec = services.drafts.record_consent(rec.id, offer.consent)
        doc = rec.document
        period = doc.period
        assert period is not None and period.end is not None
        if not isinstance(doc.body, IncapacityCertificate):
            raise RuntimeError(f"prolongation draft has a {doc.kind.value} body")
        body = replace(doc.body, expected_return=period.end + timedelta(days=1))
        rec = services.drafts.save(rec.patient_id, replace(doc, body=body))
        findings = services.drafts.validate(rec.document)
        if has_errors(findings):
            raise RuntimeError("validation: " + ",".join(f.code for f in findings))
        services.drafts.delete(rec.id)  # the check leaves no draft behind
        return {"begin_is_day_after": True}

    steps.run("prolong_draft", prolong)
