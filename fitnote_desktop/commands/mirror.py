"""``fitnote-desktop mirror``: the physician's own figures per pathology group, headless.

Reads the profile only (no network): the same figures as the mirror screen's "you"
column, for scripts and for checking. ``--json`` prints one object; otherwise a table.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path
from typing import Any

from fitnote_desktop.cli import EXIT_INVALID, CommandError, cli_language, coded_error


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "mirror",
        help="your own figures per pathology group over the last months (from the profile)",
        description=(
            "Certificates, median and distribution of episode length, shares with a fit-note, "
            "prolonged and followed by a partial resumption, per pathology group."
        ),
    )
    p.add_argument("--profile-dir", default=argparse.SUPPRESS, help="directory of the profiles")
    p.add_argument("--profile", metavar="ID", help="profile to read (default: the only one)")
    p.add_argument("--passphrase-file", type=Path, metavar="F", help="read the passphrase here")
    p.add_argument("--months", type=int, default=12, help="window in months (1-24, default 12)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=run)


def _passphrase(args: argparse.Namespace, profile_id: str) -> str:
    if args.passphrase_file is not None:
        try:
            return str(args.passphrase_file.read_text(encoding="utf-8").splitlines()[0])
        except (OSError, IndexError):
            raise CommandError(f"cannot read a passphrase from {args.passphrase_file}") from None
    if not sys.stdin.isatty():
        raise CommandError("the profile needs a passphrase: --passphrase-file F", EXIT_INVALID)
    return getpass.getpass(f"Passphrase of {profile_id}: ")


def _open(args: argparse.Namespace) -> Any:
    from fitnote_desktop.store import ProfileManager, StoreError

    manager = ProfileManager(getattr(args, "profile_dir", None))
    try:
        profile_id = args.profile
        if profile_id is None:
            ids = [p.id for p in manager.list()]
            if len(ids) != 1:
                raise CommandError(
                    f"{len(ids)} profiles here: name one with --profile ID", EXIT_INVALID
                )
            profile_id = ids[0]
        info = manager.get(profile_id)
        secret = _passphrase(args, info.id) if info.needs_passphrase else None
        return manager.open(info.id, secret)
    except StoreError as exc:
        raise coded_error(exc) from None


def _rows(report: Any, lang: str) -> list[dict[str, Any]]:
    from fitnote_desktop.domain.mirror import ALL_GROUPS, OTHER_GROUP
    from fitnote_desktop.domain.pathology import GROUPS, group_label

    def label(group: str) -> str:
        return group_label(group, lang) if group in GROUPS else group

    return [
        {
            "group": g.group,
            "label": label(g.group) if g.group not in (ALL_GROUPS, OTHER_GROUP) else g.group,
            "certificates": g.certificates,
            "episodes": g.episodes,
            "median_days": g.median_days,
            "distribution": list(g.distribution),
            "fit_note_share": g.fit_note_share,
            "prolonged_share": g.prolonged_share,
            "partial_resumption_share": g.partial_resumption_share,
        }
        for g in report.groups
    ]


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.0f}%"


def run(args: argparse.Namespace) -> int:
    from fitnote_desktop.adapters.mirror import StoreMirrorFacts
    from fitnote_desktop.domain.mirror import DURATION_BINS
    from fitnote_desktop.services.mirror import Mirror

    if not 1 <= args.months <= 24:
        raise CommandError("--months must be between 1 and 24", EXIT_INVALID)
    profile = _open(args)
    try:
        report = Mirror(facts=StoreMirrorFacts(profile.db), peers=None).own(args.months)
    finally:
        profile.lock()
    rows = _rows(report, cli_language())
    if args.json:
        out = {
            "months": report.months,
            "since": report.since.isoformat(),
            "bins": [[low, high] for low, high in DURATION_BINS],
            "groups": rows,
        }
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    print(f"since {report.since.isoformat()} ({report.months} months)")
    print(
        f"{'group':<32} {'certs':>6} {'episodes':>8} {'median d':>8} {'fit-note':>8} "
        f"{'prolonged':>9} {'partial':>7}"
    )
    for r in rows:
        median = "-" if r["median_days"] is None else f"{r['median_days']:g}"
        print(
            f"{r['label'][:32]:<32} {r['certificates']:>6} {r['episodes']:>8} {median:>8} "
            f"{_pct(r['fit_note_share']):>8} {_pct(r['prolonged_share']):>9} "
            f"{_pct(r['partial_resumption_share']):>7}"
        )
    return 0
