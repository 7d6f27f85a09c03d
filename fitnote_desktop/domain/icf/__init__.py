"""ICF catalogue: work-relevant categories, the qualifier scale, core sets and search.

Why this module exists: Belgian fit-notes state what a patient can still do in ICF
terms (International Classification of Functioning, Disability and Health), and the
physician, the advising physician, the occupational physician and the employer may each
read the note in Dutch, French, German or English. The codes are the shared language;
the labels must be the official titles in each language so that the four readers see
the same category.

Design choices:

* The data lives in ``resources/icf/catalogue.json`` and ``core_sets.json`` so that
  clinicians and translators can review plain files; nothing is read at import time
  (the domain stays pure and start-up stays fast). :func:`load_catalogue` reads once
  and caches.
* Only a work-relevant subset of ICF is carried (body functions ``b``, activities and
  participation ``d``, environmental factors ``e``); body structures ``s`` are left out
  because a fit-note describes capacities, not anatomy. Components and chapters are
  entries too, so a UI can browse the tree.
* Search must keep up with typing during a 10-minute consultation, so a normalised
  token index (accent- and case-folded, sorted for prefix lookup) is built once per
  catalogue; a query is a handful of ``bisect`` look-ups, not a scan of every label.

Stdlib only: this is the domain layer. This package face re-exports the API; the parts
are ``entries`` (value types), ``data`` (decoding and checks), ``catalogue`` (look-up and
the shipped data), ``index`` (search), ``text`` (folding) and ``notation``.
"""

from fitnote_desktop.domain.icf.catalogue import IcfCatalogue, load_catalogue, search
from fitnote_desktop.domain.icf.entries import (
    SUPPORTED_LANGUAGES,
    CoreSet,
    IcfCategory,
    IcfDataError,
    Qualifier,
    SearchHit,
)
from fitnote_desktop.domain.icf.notation import capacity_notation, is_codable_syntax
from fitnote_desktop.domain.icf.text import fold_text

__all__ = [
    "SUPPORTED_LANGUAGES",
    "CoreSet",
    "IcfCatalogue",
    "IcfCategory",
    "IcfDataError",
    "Qualifier",
    "SearchHit",
    "capacity_notation",
    "fold_text",
    "is_codable_syntax",
    "load_catalogue",
    "search",
]
