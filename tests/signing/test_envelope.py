"""The JSON envelope: round trip and strict decoding."""

from __future__ import annotations

import base64
import json

import pytest

from fitnote_desktop.signing.envelope import (
    EnvelopeError,
    dump_envelope,
    make_envelope,
    parse_envelope,
)


def test_round_trip_as_dict_text_and_bytes() -> None:
    payload, cms_der = '{"a":"é"}'.encode(), b"\x30\x80\x00\x00"
    envelope = make_envelope(payload, cms_der)
    assert set(envelope) == {"payload", "signature"}
    assert base64.b64decode(envelope["payload"]) == payload
    assert parse_envelope(envelope) == (payload, cms_der)
    assert parse_envelope(json.dumps(envelope)) == (payload, cms_der)
    assert parse_envelope(dump_envelope(payload, cms_der)) == (payload, cms_der)


@pytest.mark.parametrize(
    "bad",
    [
        b"{not json",
        "[]",
        {"payload": "YQ=="},
        {"payload": "YQ==", "signature": 5},
        {"payload": "YQ==", "signature": ""},
        {"payload": "YQ==", "signature": "***"},
        {"payload": "YQ", "signature": "YQ=="},
        {"payload": "Y Q==", "signature": "YQ=="},
        {"payload": "é", "signature": "YQ=="},
        None,
    ],
)
def test_malformed_envelopes(bad: object) -> None:
    with pytest.raises(EnvelopeError) as caught:
        parse_envelope(bad)
    assert caught.value.code == "envelope.malformed"
    assert isinstance(caught.value, ValueError)
