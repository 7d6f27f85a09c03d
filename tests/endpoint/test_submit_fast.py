"""The short way in for submissions (``endpoint.submit_fast``) answers exactly as the
FastAPI route does.

The route's path parameter is a UUID, so a request naming the document in upper case
reaches the same route through FastAPI (the short way takes only the canonical lower-case
spelling): each case is sent both ways and must get the same status and the same JSON.
A wrapper counts which requests the short way answered, so that the comparison is known
to compare the two paths, and that what it declines (no session, a malformed envelope)
keeps FastAPI's answer.
"""

from __future__ import annotations

import base64
import dataclasses
import threading
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from support.endpoint import LiveEndpoint, Physician

from fitnote_desktop.domain import samples
from fitnote_desktop.endpoint import submit_fast
from fitnote_desktop.endpoint.submit_sql import SubmitSql
from fitnote_desktop.wire.errors import ERRORS


@pytest.fixture
def fast_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The document ids the short way handed to ``submit_envelope``."""
    calls: list[str] = []
    original = submit_fast.submit_envelope

    def counting(context: Any, document_id: uuid.UUID, *args: Any) -> Any:
        calls.append(str(document_id))
        return original(context, document_id, *args)

    monkeypatch.setattr(submit_fast, "submit_envelope", counting)
    return calls


@pytest.fixture
def session(endpoint: LiveEndpoint, gp: Physician) -> Iterator[Callable[..., httpx.Response]]:
    """``put(doc_id, body, upper=False, **headers)`` on a logged-in, cached session."""
    client = endpoint.client(gp)
    client.login()
    token = client._session.token  # type: ignore[union-attr]
    auth = {"Authorization": f"Bearer {token}"}
    with endpoint.http() as http:
        assert http.get("/v1/dossiers", headers=auth).status_code == 200  # caches the session

        def put(doc_id: str, body: Any, *, upper: bool = False, **headers: str) -> httpx.Response:
            path = f"/v1/documents/{doc_id.upper() if upper else doc_id}"
            return http.put(path, json=body, headers={**auth, **headers})

        yield put


def _envelope(payload: bytes, cms: bytes) -> dict[str, str]:
    return {
        "payload": base64.b64encode(payload).decode(),
        "signature": base64.b64encode(cms).decode(),
    }


def _doc() -> samples.Document:
    return samples.incapacity(id=str(uuid.uuid4()))


def _same_both_ways(
    put: Callable[..., httpx.Response], doc_id: str, body: Any
) -> tuple[int, dict[str, Any]]:
    fast, slow = put(doc_id, body), put(doc_id, body, upper=True)
    assert (fast.status_code, fast.json()) == (slow.status_code, slow.json())
    assert fast.headers["content-type"] == slow.headers["content-type"]
    return fast.status_code, fast.json()


def _refusal(code: str) -> tuple[int, str]:
    return ERRORS[code].http_status, code


def test_refusals_are_the_routes_own(
    session: Callable[..., httpx.Response],
    gp: Physician,
    specialist: Physician,
    fast_calls: list[str],
) -> None:
    put = session
    doc, other = _doc(), _doc()
    payload, cms = gp.sign(doc)
    other_payload, other_cms = gp.sign(other)
    tampered = bytearray(cms)
    tampered[-5] ^= 0x01
    cases = {
        "submit.signature_invalid": (str(doc.id), _envelope(payload, bytes(tampered))),
        "submit.digest_mismatch": (str(doc.id), _envelope(payload, other_cms)),
        "submit.id_mismatch": (str(other.id), _envelope(payload, cms)),
        "submit.signer_not_session": (str(doc.id), _envelope(*specialist.sign(doc))),
        "submit.malformed": (str(doc.id), {"payload": "!!!", "signature": "AAAA"}),
        "submit.schema": (str(doc.id), _envelope(b'{"id": 1}', cms)),
    }
    for code, (doc_id, body) in cases.items():
        status, answer = _same_both_ways(put, doc_id, body)
        assert answer["code"] == code and status == ERRORS[code].http_status
    assert len(fast_calls) == len(cases)  # each case once through the short way

    assert put(str(other.id), _envelope(other_payload, other_cms)).status_code == 201
    changed = dataclasses.replace(other, consent=dataclasses.replace(other.consent, reference="x"))
    status, answer = _same_both_ways(put, str(other.id), _envelope(*gp.sign(changed)))
    assert (status, answer["code"]) == (409, "submit.conflict")


def test_acceptance_and_replay_are_the_routes_own(
    session: Callable[..., httpx.Response], gp: Physician, fast_calls: list[str]
) -> None:
    put = session
    fast_first, slow_first = _doc(), _doc()
    fast_body, slow_body = _envelope(*gp.sign(fast_first)), _envelope(*gp.sign(slow_first))

    accepted = put(str(fast_first.id), fast_body)
    replayed = put(str(fast_first.id), fast_body, upper=True)
    assert (accepted.status_code, replayed.status_code) == (201, 200)
    assert accepted.json() == replayed.json()

    slow_accepted = put(str(slow_first.id), slow_body, upper=True)
    fast_replayed = put(str(slow_first.id), slow_body)
    assert (slow_accepted.status_code, fast_replayed.status_code) == (201, 200)
    assert slow_accepted.json() == fast_replayed.json()
    assert fast_calls == [str(fast_first.id), str(slow_first.id)]


def test_what_the_short_way_declines_gets_fastapis_answer(
    session: Callable[..., httpx.Response],
    endpoint: LiveEndpoint,
    gp: Physician,
    fast_calls: list[str],
) -> None:
    put = session
    doc = _doc()
    body = _envelope(*gp.sign(doc))
    doc_id = str(doc.id)
    missing = put(doc_id, {"payload": body["payload"]})
    assert (missing.status_code, missing.json()["code"]) == _refusal("submit.malformed")
    wrong_type = put(doc_id, {"payload": body["payload"], "signature": 7})
    assert (wrong_type.status_code, wrong_type.json()["code"]) == _refusal("submit.malformed")
    empty = put(doc_id, {"payload": body["payload"], "signature": ""})
    assert (empty.status_code, empty.json()["code"]) == _refusal("submit.malformed")
    unknown = put(doc_id, body, Authorization="Bearer not-a-session")
    assert (unknown.status_code, unknown.json()["code"]) == _refusal("auth.session_invalid")
    with endpoint.http() as http:
        anonymous = http.put(f"/v1/documents/{doc_id}", json=body)
    assert (anonymous.status_code, anonymous.json()["code"]) == _refusal("auth.required")
    assert fast_calls == []
    assert put(doc_id, body).status_code == 201 and fast_calls == [doc_id]


def test_sqlite_submissions_run_on_the_loop_thread_postgresql_ones_in_the_pool(
    session: Callable[..., httpx.Response],
    gp: Physician,
    db_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """No hand-off to a worker thread where every statement is local (``submit_fast``'s
    docstring says why); one where statements wait for a network."""
    threads: list[str] = []
    original = submit_fast.submit_envelope

    def recording(*args: Any) -> Any:
        threads.append(threading.current_thread().name)
        return original(*args)

    monkeypatch.setattr(submit_fast, "submit_envelope", recording)
    first, second = _doc(), _doc()
    assert session(str(first.id), _envelope(*gp.sign(first))).status_code == 201
    monkeypatch.setattr(SubmitSql, "local", property(lambda _self: False))
    assert session(str(second.id), _envelope(*gp.sign(second))).status_code == 201
    on_loop = [name.startswith("fitnote-endpoint-") for name in threads]  # start_in_thread's
    assert on_loop == [db_url.startswith("sqlite"), False]
