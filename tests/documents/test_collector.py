"""The cyclic collector is off while a copy is laid out or signed, and afterwards exactly
as it was before (on, off, or after a refusal)."""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import Any

import pytest

from fitnote_desktop.documents import pades
from fitnote_desktop.documents.copies import render
from fitnote_desktop.documents.layout import CopyLayout
from fitnote_desktop.documents.pades import PdfSigningError, sign_pdf
from fitnote_desktop.domain.model import Document, Recipient


def test_the_collector_is_off_while_a_copy_is_laid_out_and_signed(
    sample: Document, gp_signer: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []

    def recording(original: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            seen.append(gc.isenabled())
            return original(*args, **kwargs)

        return call

    monkeypatch.setattr(CopyLayout, "build", recording(CopyLayout.build))
    monkeypatch.setattr(pades, "_run", recording(pades._run))
    assert gc.isenabled()
    sign_pdf(render(sample, Recipient.EMPLOYER), gp_signer)
    assert seen == [False, False]
    assert gc.isenabled()


def test_the_collector_is_left_as_it_was(sample: Document, gp_signer: Any) -> None:
    draft = render(sample, Recipient.PATIENT, draft=True)
    with pytest.raises(PdfSigningError):
        sign_pdf(draft, gp_signer)
    assert gc.isenabled()
    gc.disable()
    try:
        sign_pdf(render(sample, Recipient.PATIENT), gp_signer)
        assert not gc.isenabled()  # not switched on behind its owner's back
    finally:
        gc.enable()
