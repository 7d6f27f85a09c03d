"""Questions with deadlines through API v1: a real uvicorn/TLS server, the real transport
client, advising and occupational physicians logged in with their own eID-like keys, on
SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from support import signing as sig_support
from support.endpoint import (
    LiveEndpoint,
    MutableClock,
    Physician,
    demo_registry,
    running_endpoint,
)

from fitnote_desktop.demo import DemoPhysician
from fitnote_desktop.demo.pki import DemoPki
from fitnote_desktop.domain import samples
from fitnote_desktop.endpoint.questions import belgian_today
from fitnote_desktop.endpoint.settings import RegistryEntry
from fitnote_desktop.signing.pkcs12 import Pkcs12Authenticator
from fitnote_desktop.transport.client import EndpointClient, EndpointRejected

ADVISER = DemoPhysician("adv", "Sofie", "Maes", "79031512345", "19876543210", ("nl",))
OCCUPATIONAL = DemoPhysician("occ", "Luc", "Peeters", "80041612345", "19876543211", ("nl",))


@dataclasses.dataclass
class Desk:
    """The endpoint with a treating physician and the two receiving sides logged in."""

    endpoint: LiveEndpoint
    clock: MutableClock
    gp: EndpointClient
    adviser: EndpointClient
    occupational: EndpointClient

    def today(self) -> date:
        return belgian_today(self.clock())


def _client(ep: LiveEndpoint, pki: DemoPki, who: DemoPhysician, tmp: Path) -> EndpointClient:
    p12 = sig_support.issue_test_signature_p12(
        pki, tmp / f"{who.key}-auth.p12", physician=who, usages=("digital_signature",)
    )
    client = ep.client()
    client.authenticator = Pkcs12Authenticator(p12, lambda _p: pki.password)
    assert client.login() == who.riziv
    return client


@pytest.fixture
def desk(demo_pki: DemoPki, db_url: str, gp: Physician, tmp_path: Path) -> Iterator[Desk]:
    clock = MutableClock()
    registry = (
        *demo_registry(),
        RegistryEntry(ADVISER.niss, ADVISER.riziv, role="advising"),
        RegistryEntry(OCCUPATIONAL.niss, OCCUPATIONAL.riziv, role="occupational"),
    )
    with running_endpoint(demo_pki, db_url=db_url, registry=registry, clock=clock) as ep:
        yield Desk(
            ep,
            clock,
            ep.client(gp),
            _client(ep, demo_pki, ADVISER, tmp_path),
            _client(ep, demo_pki, OCCUPATIONAL, tmp_path),
        )


def _doc(**changes: object) -> samples.Document:
    return dataclasses.replace(samples.incapacity(id=str(uuid.uuid4())), **changes)


def _code(call: object) -> str:
    with pytest.raises(EndpointRejected) as err:
        call()  # type: ignore[operator]
    return str(err.value.code)


def test_ask_list_answer(desk: Desk, gp: Physician) -> None:
    doc = _doc()
    desk.gp.submit(*gp.sign(doc))
    due = desk.today() + timedelta(days=7)
    asked = desk.adviser.ask_question(str(doc.id), "contact", "Graag telefonisch contact.", due)
    assert (asked["state"], asked["asked_by_role"], asked["overdue"]) == ("open", "advising", False)
    work = desk.occupational.ask_question(str(doc.id), "work_capacity", "Aangepast werk?", due)

    assert [q["id"] for q in desk.gp.questions()] == [asked["id"], work["id"]]
    assert [q["id"] for q in desk.adviser.questions()] == [asked["id"]]
    assert [q["id"] for q in desk.occupational.questions()] == [work["id"]]

    desk.clock.advance(days=8)
    listed = {q["id"]: q for q in desk.gp.questions()}
    assert listed[asked["id"]]["overdue"] and listed[asked["id"]]["answer_by"] == due.isoformat()

    answered = desk.gp.answer_question(asked["id"], "Ik bel morgen.")
    assert (answered["state"], answered["overdue"]) == ("answered", False)
    assert answered["answered_by_riziv"] == gp.riziv
    assert desk.adviser.questions()[0]["answer"] == "Ik bel morgen."
    closed = desk.gp.answer_question(work["id"], "Nog niet beoordeeld.", cannot_complete=True)
    assert closed["state"] == "cannot_complete"
    assert _code(lambda: desk.gp.answer_question(work["id"], "Toch wel.")) == "question.closed"


def test_who_may_ask_and_answer(desk: Desk, gp: Physician, specialist: Physician) -> None:
    doc = _doc()
    desk.gp.submit(*gp.sign(doc))
    due = desk.today() + timedelta(days=3)
    ask = desk.adviser.ask_question
    assert _code(lambda: desk.gp.ask_question(str(doc.id), "other", "?", due)) == (
        "question.role_forbidden"
    )
    assert _code(lambda: ask(str(uuid.uuid4()), "other", "Vraag.", due)) == "document.not_found"
    assert _code(lambda: ask(str(doc.id), "chat", "Vraag.", due)) == "question.type_invalid"
    assert _code(lambda: ask(str(doc.id), "other", " ", due)) == "question.body_invalid"
    yesterday = desk.today() - timedelta(days=1)
    assert _code(lambda: ask(str(doc.id), "other", "Vraag.", yesterday)) == (
        "question.deadline_past"
    )
    q = ask(str(doc.id), "other", "Vraag.", due)
    spec = desk.endpoint.client(specialist)
    assert spec.questions() == []
    assert _code(lambda: spec.answer_question(q["id"], "Ik niet.")) == "question.not_author"
    assert _code(lambda: desk.adviser.answer_question(q["id"], "Zelf.")) == "question.not_author"
    assert _code(lambda: desk.gp.answer_question(str(uuid.uuid4()), "?")) == "question.not_found"


def test_completion_with_a_replacing_certificate(desk: Desk, gp: Physician) -> None:
    original = _doc()
    desk.gp.submit(*gp.sign(original))
    q = desk.adviser.ask_question(
        str(original.id), "complete_certificate", "Diagnose ontbreekt.", desk.today()
    )
    unrelated = _doc()
    desk.gp.submit(*gp.sign(unrelated))
    code = _code(
        lambda: desk.gp.answer_question(q["id"], "", replacement_document_id=str(unrelated.id))
    )
    assert code == "question.replacement_invalid"
    replacement = _doc(replaces=str(original.id))
    desk.gp.submit(*gp.sign(replacement))
    done = desk.gp.answer_question(q["id"], "", replacement_document_id=str(replacement.id))
    assert (done["state"], done["replacement_document_id"]) == ("answered", str(replacement.id))
    assert desk.adviser.questions()[0]["replacement_document_id"] == str(replacement.id)
