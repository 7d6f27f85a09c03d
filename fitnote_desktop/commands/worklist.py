"""``fitnote-desktop worklist [ID] [--profile-dir D] [--json]``: my patients on sick leave.

The home screen's rows and "needs action" sections for scripts and checks, read from the
encrypted profile offline (the TRIO questions need the endpoint: none are listed here).
The profile is unlocked as the ``profile`` commands do: the passphrase from
``--passphrase-file`` or asked on the terminal; ID may be left out when there is only one
profile.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import Any

from fitnote_desktop.cli import EXIT_INVALID, CommandError, coded_error
from fitnote_desktop.commands.profile import _manager, _store_call, _unlock_secret


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "worklist",
        help="list my patients on sick leave and what needs action today",
        description="The worklist of a profile: patients with a running episode and the "
        "sections that need action today.",
    )
    p.add_argument("profile_id", metavar="ID", nargs="?", help="profile (default: the only one)")
    p.add_argument("--profile-dir", default=argparse.SUPPRESS, help="directory of the profiles")
    p.add_argument("--passphrase-file", type=Path, help="profile passphrase from FILE")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=run)


def _profile_id(args: argparse.Namespace, manager: Any) -> str:
    if args.profile_id:
        return str(args.profile_id)
    infos = _store_call(manager.list)
    if len(infos) != 1:
        raise CommandError(
            "name the profile: " + (", ".join(i.id for i in infos) or "there is none"),
            EXIT_INVALID,
        )
    return str(infos[0].id)


def run(args: argparse.Namespace) -> int:
    from fitnote_desktop.adapters.profiles import practitioner_from
    from fitnote_desktop.adapters.worklist import StoreWorklist
    from fitnote_desktop.domain.model import Practitioner
    from fitnote_desktop.services.errors import ServiceError
    from fitnote_desktop.services.ports import Profile
    from fitnote_desktop.services.worklist import NoQuestions, SickLeaveWorklist
    from fitnote_desktop.store.worklist import WorklistQueries

    manager = _manager(args)
    info = _store_call(lambda: manager.get(_profile_id(args, manager)))
    secret = _unlock_secret(info, args.passphrase_file)
    profile = _store_call(lambda: manager.open(info.id, secret))
    try:
        who = _store_call(profile.practitioner)
        author = practitioner_from(who) if who is not None else Practitioner("", "", "")
        service = SickLeaveWorklist(
            store=StoreWorklist(WorklistQueries(profile.db)),
            questions=NoQuestions(),
            profile=Profile(author, settings=_store_call(profile.settings)),
            clock=date.today,
        )
        try:
            worklist = service.build()
        except ServiceError as exc:
            raise coded_error(exc) from None
    finally:
        profile.lock()
    if args.json:
        print(json.dumps(worklist.as_json(), indent=2, ensure_ascii=False))
        return 0
    for row in worklist.rows:
        end = row.episode_end.isoformat() if row.episode_end else "-"
        print(f"day {row.day:>4}  until {end}  {row.patient_name}")
    counts = worklist.counts()
    print("needs action: " + ", ".join(f"{s.value} {n}" for s, n in counts.items()))
    return 0
