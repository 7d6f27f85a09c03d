"""Hypothesis strategies for whole documents, shared by the domain, PDF and endpoint tests.

Documents are built from the deterministic samples with the fields that matter for
privacy and rules varied: diagnosis text and code (with a unique marker so a leak is
unmistakable), free texts, recipients, consent flags, kind.
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import strategies as st

from fitnote_desktop.domain import samples
from fitnote_desktop.domain.model import (
    CodeSystem,
    Consent,
    Diagnosis,
    Document,
    IncapacityCertificate,
    InvalidityRecognition,
    Recipient,
)

DIAGNOSIS_MARKER = "DXMARK"
JUSTIFICATION_MARKER = "JUSTIFMARK"  # the duration justification: advising physician only

free_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=60
)

diagnosis_codes = st.sampled_from(
    [
        ("L86", CodeSystem.ICPC2),
        ("M51.1", CodeSystem.ICD10),
        ("F32.9", CodeSystem.ICD10),
        ("279039007", CodeSystem.SNOMED_CT),
        ("P76", CodeSystem.ICPC2),
    ]
)


@st.composite
def diagnoses(draw: st.DrawFn) -> tuple[Diagnosis, ...]:
    """1 to 3 diagnoses (the Mult-eMediatt maximum), one of them marked principal."""
    n = draw(st.integers(1, 3))
    principal = draw(st.integers(0, n - 1))
    out = []
    for i in range(n):
        words = draw(st.text(alphabet="abcdefghijklmnopqrstuvwxyzéèëïç ", min_size=1, max_size=30))
        code, system = draw(diagnosis_codes)
        text = f"{DIAGNOSIS_MARKER}{i} {words}".strip()
        out.append(Diagnosis(text, code, system, principal=i == principal))
    return tuple(out)


@st.composite
def documents(draw: st.DrawFn) -> Document:
    base = draw(st.sampled_from(list(samples.all_samples().values())))
    recipients = tuple(
        draw(st.lists(st.sampled_from(list(Recipient)), min_size=1, max_size=4, unique=True))
    )
    consent = Consent(
        electronic_sending=draw(st.booleans()),
        share_capacities_with_employer=draw(st.booleans()),
        episode_sharing=draw(st.booleans()),
        reference=draw(free_text),
    )
    doc = replace(base, recipients=recipients, consent=consent)
    body = doc.body
    dx = draw(diagnoses())
    if isinstance(body, IncapacityCertificate):
        fit = body.fit_note
        if fit is not None:
            fit = replace(fit, free_advice=draw(free_text))
        justification = draw(st.none() | free_text.map(lambda t: f"{JUSTIFICATION_MARKER} {t}"))
        doc = replace(
            doc,
            body=replace(body, diagnoses=dx, fit_note=fit, duration_justification=justification),
        )
    elif isinstance(body, InvalidityRecognition):
        doc = replace(doc, body=replace(body, diagnoses=dx, remarks=draw(free_text)))
    return doc
