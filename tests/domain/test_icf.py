"""The ICF catalogue: data integrity, qualifier scale, core sets and multilingual search.

Why these tests: a fit-note's ICF code is read by four different physicians and the
employer in four languages; a missing label, a dangling parent or a core set pointing
at an uncatalogued code would surface as a broken or wrong certificate, and search is
how a GP finds the code during a short consultation.
"""

from __future__ import annotations

import itertools
import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fitnote_desktop.domain.icf import (
    SUPPORTED_LANGUAGES,
    IcfCatalogue,
    IcfDataError,
    fold_text,
    load_catalogue,
    search,
)
from fitnote_desktop.resources import resource_path

CAT = load_catalogue()

# Code shape per ICF level: component, chapter, then 3, 4 or 5 digits after the letter.
CODE_BY_LEVEL = {
    0: re.compile(r"[bde]"),
    1: re.compile(r"[bde][1-9]"),
    2: re.compile(r"[bde][1-9]\d{2}"),
    3: re.compile(r"[bde][1-9]\d{3}"),
    4: re.compile(r"[bd][1-9]\d{4}"),  # five-digit codes exist in b (and s), not in d/e
}


def codes(hits: list) -> list[str]:
    return [h.category.code for h in hits]


def raw_catalogue() -> dict:
    return json.loads(resource_path("icf", "catalogue.json").read_text(encoding="utf-8"))


def raw_core_sets() -> dict:
    return json.loads(resource_path("icf", "core_sets.json").read_text(encoding="utf-8"))


# ---------------------------------------------------------------------------- data


def test_at_least_100_codable_categories_in_every_component() -> None:
    cats = CAT.categories()
    assert len(cats) >= 100
    per_component = {c: sum(1 for x in cats if x.component == c) for c in "bde"}
    assert all(n >= 20 for n in per_component.values()), per_component


def test_every_entry_has_four_non_empty_labels() -> None:
    for entry in CAT:
        assert set(entry.labels) >= set(SUPPORTED_LANGUAGES), entry.code
        for lang in SUPPORTED_LANGUAGES:
            assert entry.label(lang).strip(), (entry.code, lang)
            assert entry.label(lang) == entry.label(lang).strip(), (entry.code, lang)


def test_hints_and_templates_when_present_exist_in_all_four_languages() -> None:
    for entry in CAT:
        for texts in (entry.hints, entry.statement_templates, entry.keywords):
            if texts:
                assert set(texts) == set(SUPPORTED_LANGUAGES), entry.code
                assert all(texts[lang] for lang in SUPPORTED_LANGUAGES), entry.code


def test_statement_templates_are_positive_openings_with_a_blank() -> None:
    templated = [e for e in CAT if e.statement_templates]
    assert len(templated) >= 30
    for entry in templated:
        en = entry.statement_template("en")
        assert en is not None
        assert en.startswith(("Can ", "Has ")), (entry.code, en)
        assert not re.search(r"\b(cannot|unable|not able)\b", en, re.I), (entry.code, en)


def test_codes_are_well_formed_for_their_level() -> None:
    for entry in CAT:
        assert CODE_BY_LEVEL[entry.level].fullmatch(entry.code), entry.code


def test_every_parent_exists_and_is_the_next_level_up() -> None:
    for entry in CAT:
        if entry.kind == "component":
            assert entry.parent is None
            continue
        parent = CAT.get(entry.parent or "")
        assert parent is not None, entry.code
        assert parent.level == entry.level - 1, entry.code
        assert entry.code.startswith(parent.code), entry.code
        assert entry.component == entry.code[0]
        assert entry.chapter == entry.code[:2]


def test_required_work_categories_are_present() -> None:
    required = [
        *("b130", "b1300", "b134", "b140", "b144", "b152", "b164", "b280", "b2801"),
        *("b455", "b710", "b730", "d155", "d175", "d210", "d220", "d230", "d240"),
        *("d410", "d415", "d4150", "d4153", "d4154", "d430", "d4300", "d4301", "d440"),
        *("d445", "d450", "d455", "d470", "d475", "d720", "d740", "d825", "d840"),
        *("d845", "d8450", "d8451", "d850", "d855", "e110", "e135", "e310", "e330"),
        *("e355", "e570", "e580", "e590"),
    ]
    missing = [c for c in required if not CAT.is_valid_code(c)]
    assert missing == []


def test_who_english_titles_of_key_categories() -> None:
    expected = {
        "b130": "Energy and drive functions",
        "b134": "Sleep functions",
        "b140": "Attention functions",
        "b144": "Memory functions",
        "b152": "Emotional functions",
        "b164": "Higher-level cognitive functions",
        "b280": "Sensation of pain",
        "b455": "Exercise tolerance functions",
        "b710": "Mobility of joint functions",
        "b730": "Muscle power functions",
        "d175": "Solving problems",
        "d230": "Carrying out daily routine",
        "d240": "Handling stress and other psychological demands",
        "d410": "Changing basic body position",
        "d415": "Maintaining a body position",
        "d430": "Lifting and carrying objects",
        "d440": "Fine hand use",
        "d445": "Hand and arm use",
        "d450": "Walking",
        "d475": "Driving",
        "d720": "Complex interpersonal interactions",
        "d845": "Acquiring, keeping and terminating a job",
        "d850": "Remunerative employment",
        "e590": "Labour and employment services, systems and policies",
    }
    assert {c: CAT.label(c, "en") for c in expected} == expected


def test_chapters_and_components_browse_the_tree() -> None:
    assert [c.code for c in CAT.components()] == ["b", "d", "e"]
    chapters = [c.code for c in CAT.chapters()]
    assert {"b1", "b2", "b4", "b7", "d1", "d2", "d4", "d7", "d8", "e1", "e3", "e4", "e5"} <= set(
        chapters
    )
    assert [c.code for c in CAT.chapters("e")] == [c for c in chapters if c[0] == "e"]
    assert [c.code for c in CAT.children("d")] == [c for c in chapters if c[0] == "d"]
    assert {"d430", "d450", "d475"} <= set(codes_of(CAT.children("d4")))
    assert codes_of(CAT.children("d430"))[:2] == ["d4300", "d4301"]
    assert codes_of(CAT.ancestors("d4301")) == ["d", "d4", "d430"]
    assert CAT.children("x999") == ()
    # every category is reachable from its component through children()
    reachable: set[str] = set()
    stack = [c.code for c in CAT.components()]
    while stack:
        code = stack.pop()
        reachable.add(code)
        stack.extend(codes_of(CAT.children(code)))
    assert reachable == {e.code for e in CAT}


def codes_of(entries: tuple) -> list[str]:
    return [e.code for e in entries]


def test_lookup_is_lenient_but_validity_is_strict() -> None:
    assert CAT.get(" D430 ") is CAT.get("d430")
    assert CAT.get("d999") is None
    assert CAT.is_valid_code("d430")
    assert not CAT.is_valid_code("D430")  # what gets signed must be canonical
    assert not CAT.is_valid_code("d4")  # a chapter carries no qualifier
    assert not CAT.is_valid_code("d999")
    assert "d430" in CAT and "d999" not in CAT
    assert CAT.label("d430", "fr") == "Soulever et porter des objets"
    assert CAT.label("d430", "de") == "Gegenstände anheben und tragen"
    with pytest.raises(KeyError):
        CAT.label("d999", "en")
    with pytest.raises(ValueError, match="unsupported language"):
        CAT.label("d430", "es")


# ---------------------------------------------------------------------------- qualifiers


def test_qualifier_scale_is_complete_with_who_percentages() -> None:
    expected = {0: (0, 4), 1: (5, 24), 2: (25, 49), 3: (50, 95), 4: (96, 100), 8: None, 9: None}
    assert {q.value: q.percent_range for q in CAT.qualifiers} == expected
    for q in CAT.qualifiers:
        for lang in SUPPORTED_LANGUAGES:
            assert q.label(lang).strip() and q.wording(lang).strip()
    assert CAT.qualifier(1) is not None and CAT.qualifier(1).wording("en") == "Minor limitation"
    # the bands tile 0-100 % without gap or overlap
    bands = [q.percent_range for q in CAT.qualifiers if q.percent_range]
    assert bands[0][0] == 0 and bands[-1][1] == 100
    assert all(a[1] + 1 == b[0] for a, b in itertools.pairwise(bands))


@pytest.mark.parametrize("value", [0, 1, 2, 3, 4, 8, 9])
def test_valid_qualifiers(value: int) -> None:
    assert CAT.is_valid_qualifier(value)


@pytest.mark.parametrize("value", [-1, 5, 6, 7, 10, True, 1.0, "1", None])
def test_invalid_qualifiers(value: object) -> None:
    assert not CAT.is_valid_qualifier(value)


def test_environmental_factor_note_says_barrier_in_every_language() -> None:
    words = {"en": "barrier", "fr": "obstacle", "de": "Barriere", "nl": "belemmering"}
    for lang, word in words.items():
        assert word in CAT.qualifier_note(lang)


# ---------------------------------------------------------------------------- core sets


def test_core_sets_exist_with_labels_and_catalogued_codes() -> None:
    keys = {cs.key for cs in CAT.core_sets}
    assert {
        "musculoskeletal_low_back_pain",
        "mental_health",
        "post_surgery_orthopaedic",
        "cardio_respiratory",
        "vocational_rehabilitation_brief",
    } <= keys
    for cs in CAT.core_sets:
        assert len(cs.codes) == len(set(cs.codes)), cs.key
        assert all(CAT.is_valid_code(code) for code in cs.codes), cs.key
        assert all(cs.label(lang) for lang in SUPPORTED_LANGUAGES)
        assert cs.source


def test_vocational_rehabilitation_brief_core_set_has_its_13_categories() -> None:
    vr = CAT.core_set("vocational_rehabilitation_brief")
    assert vr is not None
    assert sorted(vr.codes) == [
        *("b130", "b164", "b455", "d155", "d175", "d240", "d720"),
        *("d845", "d850", "e310", "e330", "e580", "e590"),
    ]
    assert CAT.core_set("nope") is None


# ---------------------------------------------------------------------------- validation of data


def test_broken_data_is_rejected_loudly() -> None:
    data = raw_catalogue()
    data["entries"].append({"code": "d4309", "parent": "d999", "labels": {"en": "x"}})
    with pytest.raises(IcfDataError):
        IcfCatalogue.from_json(data)

    data = raw_catalogue()
    d430 = next(e for e in data["entries"] if e["code"] == "d430")
    d430["labels"]["de"] = " "
    with pytest.raises(IcfDataError, match="de label"):
        IcfCatalogue.from_json(data)

    sets = raw_core_sets()
    sets["core_sets"][0]["codes"].append("d999")
    with pytest.raises(IcfDataError, match="d999"):
        IcfCatalogue.from_json(raw_catalogue(), sets)


def test_load_is_cached() -> None:
    assert load_catalogue() is load_catalogue()


# ---------------------------------------------------------------------------- search


@pytest.mark.parametrize(
    ("query", "lang"),
    [
        ("tillen", "nl"),
        ("heffen", "nl"),
        ("soulever", "fr"),
        ("heben", "de"),
        ("lift", "en"),
        ("Lifting and carrying", None),
        ("soulever et porter", "fr"),
        ("LIFTING", None),
    ],
)
def test_lifting_in_every_language_finds_d430_first(query: str, lang: str | None) -> None:
    assert codes(search(query, lang))[0] == "d430"


@pytest.mark.parametrize(
    ("query", "lang", "code"),
    [
        ("stress", None, "d240"),
        ("stress", "fr", "d240"),
        ("omgaan met stress", "nl", "d240"),
        ("werkdruk", "nl", "d240"),
        ("ecouter", "fr", "d115"),
        ("écouter", None, "d115"),
        ("Gedächtnis", "de", "b144"),
        ("gedachtnis", None, "b144"),
        ("gedaechtnis", None, "b144"),
        ("mémoire", "fr", "b144"),
        ("geheugen", "nl", "b144"),
        ("slaap", "nl", "b134"),
        ("sommeil", "fr", "b134"),
        ("walking", "en", "d450"),
        ("marcher", "fr", "d450"),
        ("rester assis", "fr", "d4153"),
        ("sitzender", "de", "d4153"),
        ("zittende houding", "nl", "d4153"),
        ("autofahren", "de", "d475"),
        ("conduire", "fr", "d475"),
        ("concentratie", "nl", "b140"),
        ("low back pain", "en", "b28013"),
        ("lombalgie", "fr", "b28013"),
        ("emploi rémunéré", "fr", "d850"),
        ("werkgever", "nl", "e330"),
        ("energy drive", "en", "b130"),
        ("mobility", "en", "d4"),
    ],
)
def test_search_examples(query: str, lang: str | None, code: str) -> None:
    assert codes(search(query, lang))[0] == code


def test_multi_word_queries_require_every_word() -> None:
    assert codes(search("walking long"))[0] == "d4501"
    assert "d4500" not in codes(search("walking long"))
    assert search("walking xyzzy") == []


def test_code_prefix_ranking() -> None:
    hits = search("d43", limit=50)
    found = codes(hits)
    assert found[0] == "d430"
    assert all(c.startswith("d43") for c in found)
    assert {"d430", "d435", "d4300", "d4301", "d4305"} <= set(found)
    # more general codes first, code order among equals
    assert found == sorted(found, key=lambda c: (len(c), c))


def test_exact_code_beats_prefix_and_qualifier_suffix_is_ignored() -> None:
    for query in ("d430", "D430", " d430 ", "d430.2", "e310+2"):
        hits = search(query)
        assert hits[0].category.code == query.strip().lower()[:4]
        assert hits[0].matched_lang is None
        assert all(h.score < hits[0].score for h in hits[1:])


def test_ranking_tiers() -> None:
    # label starting with the words > whole word in the label > prefix of a word
    lifting = {h.category.code: h.score for h in search("lifting", "en", limit=50)}
    carrying = {h.category.code: h.score for h in search("carrying", "en", limit=50)}
    carr = {h.category.code: h.score for h in search("carr", "en", limit=50)}
    assert lifting["d430"] > carrying["d430"] > carr["d430"]


def test_requested_language_breaks_ties() -> None:
    # "stress" appears as a whole word in d240's label in all four languages
    for lang in SUPPORTED_LANGUAGES:
        top = search("stress", lang)[0]
        assert top.category.code == "d240" and top.matched_lang == lang


def test_codable_only_drops_components_and_chapters() -> None:
    assert codes(search("mobility"))[0] == "d4"
    assert all(h.category.is_codable for h in search("mobility", codable_only=True))
    assert all(h.category.is_codable for h in search("d", limit=200, codable_only=True))


@pytest.mark.parametrize("query", ["", "   ", "'-.,;", "\u0301"])
def test_empty_query_gives_no_hits(query: str) -> None:
    assert search(query) == []


def test_limit_and_language_arguments() -> None:
    assert len(search("d", limit=5)) == 5
    assert search("d430", limit=0) == []
    with pytest.raises(ValueError, match="unsupported language"):
        search("d430", "es")


def test_fold_text() -> None:
    assert fold_text("Écouter") == "ecouter"
    assert fold_text("Gedächtnis") == "gedachtnis"
    assert fold_text("Straße") == "strasse"
    assert fold_text("L'énergie, cœur-vaillant") == "l energie coeur vaillant"


@given(
    query=st.text(max_size=40),
    lang=st.sampled_from([None, *SUPPORTED_LANGUAGES]),
    limit=st.integers(min_value=-3, max_value=60),
)
def test_random_queries_never_crash_and_results_are_ranked(
    query: str, lang: str | None, limit: int
) -> None:
    hits = search(query, lang, limit)
    assert len(hits) <= max(limit, 0)
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert len({h.category.code for h in hits}) == len(hits)
    for h in hits:
        assert h.matched_lang is None or h.matched_lang in SUPPORTED_LANGUAGES


@given(st.sampled_from(load_catalogue().categories()), st.sampled_from(SUPPORTED_LANGUAGES))
def test_every_label_finds_its_own_category(category, lang: str) -> None:
    hits = search(category.label(lang), lang, limit=200)
    assert category.code in codes(hits)
    assert hits[0].score >= 700  # some label starts with the full title
