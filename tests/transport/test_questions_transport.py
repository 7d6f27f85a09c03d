"""The desktop's questions adapter over the real transport client and a live TLS endpoint:
the JSON becomes typed questions, unread thread messages are counted per document, and a
background poll can tell whether a call would log in (and ask a PIN)."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from pathlib import Path

from support import signing as sig_support
from support.endpoint import Physician, demo_registry, running_endpoint

from fitnote_desktop.adapters.questions import EndpointQuestions
from fitnote_desktop.demo import DemoPhysician
from fitnote_desktop.demo.pki import DemoPki
from fitnote_desktop.domain import samples
from fitnote_desktop.endpoint.settings import RegistryEntry
from fitnote_desktop.signing.pkcs12 import Pkcs12Authenticator

ADVISER = DemoPhysician("adv", "Sofie", "Maes", "79031512345", "19876543210", ("nl",))


def test_fetch_and_answer_through_the_adapter(
    demo_pki: DemoPki, db_url: str, gp: Physician, tmp_path: Path
) -> None:
    registry = (*demo_registry(), RegistryEntry(ADVISER.niss, ADVISER.riziv, role="advising"))
    with running_endpoint(demo_pki, db_url=db_url, registry=registry) as ep:
        gp_client = ep.client(gp)
        questions = EndpointQuestions(gp_client)
        assert not questions.connected()  # a poll now would have to log in: it must not
        doc = samples.incapacity(id=str(uuid.uuid4()))
        receipt = gp_client.submit(*gp.sign(doc))
        assert questions.connected()

        p12 = sig_support.issue_test_signature_p12(
            demo_pki, tmp_path / "adv.p12", physician=ADVISER, usages=("digital_signature",)
        )
        adviser = ep.client()
        adviser.authenticator = Pkcs12Authenticator(p12, lambda _p: demo_pki.password)
        due = date.today() + timedelta(days=5)
        asked = adviser.ask_question(str(doc.id), "work_capacity", "Aangepast werk?", due)
        adviser.post_thread(receipt.dossier_id, "Overleg", "Bellen?", str(doc.id))

        snapshot = questions.fetch()
        (question,) = snapshot.questions
        assert (question.id, question.document_id) == (asked["id"], str(doc.id))
        assert (question.question_type, question.asked_by_role) == ("work_capacity", "advising")
        assert question.answer_by == due and question.is_open
        assert dict(snapshot.unread_by_document) == {str(doc.id): 1}

        answered = questions.answer(question.id, "Ja, halftijds.")
        assert answered.state == "answered" and answered.answer == "Ja, halftijds."
        assert answered.answered_at is not None
        assert adviser.questions()[0]["state"] == "answered"

    assert not EndpointQuestions(None).connected()
