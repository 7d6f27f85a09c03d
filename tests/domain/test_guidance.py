"""Duration guidance: the data file's integrity and the exceed rule across an episode."""

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from fitnote_desktop.domain import samples
from fitnote_desktop.domain.findings import Severity
from fitnote_desktop.domain.guidance import (
    REVIEW_PENDING,
    all_guidance,
    document_group,
    duration_finding,
    episode_days,
    guidance_for,
    guidance_for_group,
    sheet_markdown,
)
from fitnote_desktop.domain.icf.catalogue import load_catalogue
from fitnote_desktop.domain.lifecycle import prolong, relapse
from fitnote_desktop.domain.model import (
    LANGUAGES,
    CodeSystem,
    Diagnosis,
    Document,
    IncapacityCertificate,
    InvalidityRecognition,
    Period,
)
from fitnote_desktop.domain.pathology import GROUPS, group_label
from fitnote_desktop.domain.timeline import split_episodes

START = date(2026, 3, 2)


def certificate(days: int, code: str = "L03", system: CodeSystem = CodeSystem.ICPC2) -> Document:
    doc = samples.incapacity(begin=START, end=START + timedelta(days=days - 1))
    body = doc.body
    assert isinstance(body, IncapacityCertificate)
    diagnosis = Diagnosis("", code, system, principal=True)
    return replace(doc, body=replace(body, diagnoses=(diagnosis,)))


def test_every_group_has_a_range_with_a_source_or_the_review_marker() -> None:
    guidance = all_guidance()
    assert set(guidance) == set(GROUPS)
    for group, entry in guidance.items():
        assert 0 <= entry.min_days <= entry.max_days, group
        if entry.source is None:
            assert entry.review_pending
            assert entry.as_dict()["source"] == "fitnote team"
            assert entry.as_dict()["review"] == REVIEW_PENDING
        else:
            assert entry.source.url.startswith(("https://", "http://")), group
            assert entry.source.title and entry.source.publisher and entry.source.detail
            assert "review" not in entry.as_dict()
    # at least the figures found in Socialstyrelsen's FMB are cited, not team-written
    for cited in ("low_back_pain", "sciatica", "depression", "burnout", "carpal_tunnel"):
        source = guidance[cited].source
        assert source is not None and "Socialstyrelsen" in source.publisher


def test_every_icf_category_of_the_guidance_is_in_our_catalogue() -> None:
    catalogue = load_catalogue()
    for group, entry in all_guidance().items():
        assert entry.icf, group
        for code in entry.icf:
            assert catalogue.is_valid_code(code), (group, code)


def test_the_group_comes_from_the_principal_coded_diagnosis() -> None:
    doc = certificate(10)
    assert document_group(doc) == "low_back_pain"
    body = doc.body
    assert isinstance(body, IncapacityCertificate)
    two = replace(
        doc,
        body=replace(
            body,
            diagnoses=(
                Diagnosis("free text only", principal=True),  # uncoded: guidance needs a code
                Diagnosis("", "F32.1", CodeSystem.ICD10),
            ),
        ),
    )
    assert document_group(two) == "depression"
    assert document_group(samples.standalone_fit_note()) is None
    assert guidance_for(certificate(5, "K86")) is None  # hypertension: no group


def test_a_single_certificate_within_the_range_gives_no_warning() -> None:
    assert guidance_for_group("low_back_pain") is not None
    assert duration_finding(certificate(14)) is None


def test_a_single_certificate_longer_than_the_range_warns() -> None:
    finding = duration_finding(certificate(15))
    assert finding is not None
    assert finding.code == "guidance.duration_exceeded"
    assert finding.severity is Severity.WARNING
    assert finding.field == "body.period.end"
    assert finding.params == {"days": 15, "max_days": 14}


def test_the_episode_total_counts_prolongations() -> None:
    first = certificate(7)
    second = prolong(first, author=first.author, today=START + timedelta(days=7))
    assert episode_days(second, [first]) == 14
    assert duration_finding(second, [first]) is None
    third = prolong(second, author=first.author, today=START + timedelta(days=14))
    assert episode_days(third, [first, second]) == 21
    finding = duration_finding(third, [first, second])
    assert finding is not None and finding.params["days"] == 21
    # the same third certificate without its history stays inside the range
    assert duration_finding(third) is None


def test_the_stored_version_of_the_draft_is_not_counted_twice() -> None:
    first = certificate(10)
    draft = replace(first, body=replace(first.body, period=Period(START, START + timedelta(9))))
    assert episode_days(draft, [first]) == 10


def test_a_relapse_after_the_window_starts_a_new_episode() -> None:
    first = certificate(10)
    later = relapse(first, author=first.author, today=START + timedelta(days=60))
    body = later.body
    assert isinstance(body, IncapacityCertificate)
    later = replace(
        later,
        body=replace(body, period=Period(START + timedelta(60), START + timedelta(69))),
    )
    assert episode_days(later, [first]) == 10
    assert duration_finding(later, [first]) is None


def test_an_open_ended_period_is_not_judged() -> None:
    doc = certificate(10)
    body = doc.body
    assert isinstance(body, IncapacityCertificate)
    open_ended = replace(doc, body=replace(body, period=Period(START, None)))
    assert duration_finding(open_ended) is None


SECTIONS = 3
MARKERS = {
    "nl": "klinische review lopende",
    "fr": "relecture clinique en attente",
    "de": "klinische Prüfung ausstehend",
    "en": "clinical review pending",
}


def test_every_group_has_four_sheets_with_the_same_sections() -> None:
    for group in GROUPS:
        shapes = set()
        for lang in LANGUAGES:
            text = sheet_markdown(group, lang)
            lines = text.splitlines()
            assert lines[0] == f"# {group_label(group, lang)}", (group, lang)
            assert MARKERS[lang] in text, (group, lang)
            headings = [line for line in lines if line.startswith("## ")]
            bullets = [line for line in lines if line.startswith("- ")]
            assert len(headings) == SECTIONS, (group, lang)
            shapes.add((len(headings), len(bullets)))
        assert len(shapes) == 1, (group, shapes)  # same sections and items in every language


def test_the_sections_carry_the_same_headings_across_groups() -> None:
    for lang in LANGUAGES:
        headings = {
            tuple(line for line in sheet_markdown(g, lang).splitlines() if line.startswith("## "))
            for g in GROUPS
        }
        assert len(headings) == 1, lang


def _episode_days_through_the_timeline(document: Document) -> int | None:
    """The former ``episode_days(document, ())``: the lone document's episode, through
    ``split_episodes`` (milestones and all)."""
    if document.period is None:
        return None
    for episode in split_episodes([document]):
        if any(d.id == document.id for d in episode.documents):
            return episode.duration_days
    return None


@given(
    name=st.sampled_from(sorted(samples.all_samples())),
    begin=st.dates(date(2020, 1, 1), date(2030, 12, 31)),
    days=st.none() | st.integers(1, 800),
    since=st.none() | st.integers(0, 900),
)
def test_a_lone_documents_episode_is_the_timelines(
    name: str, begin: date, days: int | None, since: int | None
) -> None:
    """The endpoint checks every document alone: ``episode_days`` then skips the
    timeline's milestones, and must give exactly what the timeline gives."""
    doc = samples.all_samples()[name]
    end = None if days is None else begin + timedelta(days=days - 1)
    body = doc.body
    if isinstance(body, IncapacityCertificate):
        doc = replace(doc, body=replace(body, period=Period(begin, end)))
    elif isinstance(body, InvalidityRecognition):
        incapacity_since = None if since is None else begin - timedelta(days=since)
        until = end or begin + timedelta(days=364)
        doc = replace(
            doc,
            body=replace(
                body, valid_from=begin, valid_until=until, incapacity_since=incapacity_since
            ),
        )
    expected = _episode_days_through_the_timeline(doc)
    assert episode_days(doc, ()) == expected
    assert episode_days(doc, [doc]) == expected  # its stored version is no other document
