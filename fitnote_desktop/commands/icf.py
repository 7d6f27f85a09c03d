"""``fitnote-desktop icf search WORDS``: find ICF categories in any of the four languages."""

from __future__ import annotations

import argparse

from fitnote_desktop.domain.model import LANGUAGES


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("icf", help="the ICF catalogue")
    icf_sub = p.add_subparsers(dest="icf_command", metavar="ICF_COMMAND", required=True)
    s = icf_sub.add_parser("search", help="search categories by code or words")
    s.add_argument("words", nargs="+", help="code prefix (d43) or words in nl/fr/de/en")
    s.add_argument("--lang", choices=LANGUAGES, default="en", help="language of the labels")
    s.add_argument("--limit", type=int, default=15)
    s.set_defaults(func=run_search)


def run_search(args: argparse.Namespace) -> int:
    from fitnote_desktop.domain.icf import load_catalogue, search

    catalogue = load_catalogue()
    hits = search(" ".join(args.words), lang=args.lang, limit=args.limit)
    if not hits:
        print("no match")
        return 1
    for hit in hits:
        print(f"{hit.category.code:<7} {catalogue.label(hit.category.code, args.lang)}")
    return 0
