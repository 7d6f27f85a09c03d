"""``receipts.receipt_json`` writes the very bytes of ``ReceiptOut.model_dump_json()``
(the answer FastAPI's ``response_model`` gave before), for any ids, digests, receipts and
moments: in UTC (written directly) and in any other zone or naive (through the model)."""

from __future__ import annotations

import datetime as dt
import uuid

from hypothesis import given
from hypothesis import strategies as st

from fitnote_desktop.endpoint.receipts import receipt_json, receipt_out

_ZONES = st.one_of(
    st.just(dt.UTC),
    st.none(),
    st.integers(-14 * 60, 14 * 60).map(lambda m: dt.timezone(dt.timedelta(minutes=m))),
)


@given(
    document_id=st.uuids(),
    status=st.sampled_from(["accepted", "retracted"]),
    digest=st.text(),
    moment=st.datetimes(min_value=dt.datetime(1970, 1, 1), max_value=dt.datetime(2200, 1, 1)),
    zone=_ZONES,
    dossier_id=st.uuids(),
    receipt=st.binary(),
    signature=st.binary(),
    spelling=st.sampled_from([str, lambda u: u.hex, lambda u: str(u).upper()]),
)
def test_receipt_json_is_the_models_json(  # type: ignore[no-untyped-def]
    document_id: uuid.UUID,
    status,
    digest: str,
    moment: dt.datetime,
    zone: dt.tzinfo | None,
    dossier_id: uuid.UUID,
    receipt: bytes,
    signature: bytes,
    spelling,
) -> None:
    args = (
        spelling(document_id),
        status,
        digest,
        moment.replace(tzinfo=zone),
        spelling(dossier_id),
        receipt,
        signature,
    )
    assert receipt_json(*args) == receipt_out(*args).model_dump_json().encode()
