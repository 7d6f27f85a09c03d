"""``fitnote-desktop profile ...``: manage encrypted physician profiles from a terminal.

Secrets are asked with ``getpass`` (no echo) on the terminal; scripts and tests pass
them in files instead (``--passphrase-file``, ``--new-passphrase-file``,
``--backup-passphrase-file``: the first line of the file, without its line end), never
on the command line where ``ps`` and shell history would show them. Without a terminal
and without a file the command stops instead of waiting on stdin.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fitnote_desktop.cli import EXIT_INVALID, EXIT_UNREADABLE, CommandError, coded_error

# Codes the user fixes by typing something else; everything else means a damaged or
# unreachable profile (exit 2).
_USER_ERROR_CODES = frozenset(
    {
        "store.wrong_passphrase",
        "store.backup_wrong_passphrase",
        "store.passphrase_required",
        "store.passphrase_too_short",
        "store.profile_exists",
        "store.profile_not_found",
        "store.invalid_profile_id",
        "store.confirmation_required",
        "store.key_storage_mismatch",
        "store.keyring_unavailable",
    }
)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "profile",
        help="create, list, back up and restore encrypted physician profiles",
        description="Manage encrypted physician profiles (one SQLCipher database each).",
    )
    sub = parser.add_subparsers(dest="profile_command", metavar="ACTION", required=True)

    p = sub.add_parser("create", help="create a new profile")
    p.add_argument("profile_id", metavar="ID", help="profile name: a-z, 0-9, '.', '_', '-'")
    p.add_argument("--label", help="name shown in the profile list (default: ID)")
    key = p.add_mutually_exclusive_group()
    key.add_argument("--keyring", action="store_true", help="keep the key in the OS keyring")
    key.add_argument("--passphrase-file", type=Path, help="read the new passphrase from FILE")
    p.add_argument("--given-name", help="physician's given name")
    p.add_argument("--family-name", help="physician's family name")
    p.add_argument("--riziv", help="physician's RIZIV/INAMI number")
    p.add_argument("--niss", help="physician's NISS (ties the eID signature to the author)")
    p.add_argument("--languages", help="comma-separated languages, e.g. nl,fr")
    p.add_argument(
        "--demo-identity",
        choices=("gp", "specialist"),
        help="fill the physician identity from a demo physician",
    )
    p.set_defaults(func=cmd_create)

    p = sub.add_parser("list", help="list profiles (no unlocking needed)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser(
        "passwd",
        help="change the passphrase, or move the key between keyring and passphrase",
    )
    p.add_argument("profile_id", metavar="ID")
    p.add_argument("--passphrase-file", type=Path, help="current passphrase from FILE")
    p.add_argument("--new-passphrase-file", type=Path, help="new passphrase from FILE")
    move = p.add_mutually_exclusive_group()
    move.add_argument("--to-keyring", action="store_true", help="move the key into the keyring")
    move.add_argument(
        "--to-passphrase", action="store_true", help="move the key out of the keyring"
    )
    p.set_defaults(func=cmd_passwd)

    p = sub.add_parser("backup", help="write an encrypted backup of a profile")
    p.add_argument("profile_id", metavar="ID")
    p.add_argument("output", type=Path, metavar="FILE", help="backup file to write")
    p.add_argument("--passphrase-file", type=Path, help="profile passphrase from FILE")
    p.add_argument(
        "--backup-passphrase-file", type=Path, help="passphrase protecting the backup, from FILE"
    )
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", help="restore a backup into a new profile")
    p.add_argument("backup", type=Path, metavar="FILE", help="backup file")
    p.add_argument("profile_id", metavar="ID", help="name of the new profile")
    p.add_argument("--label", help="name shown in the profile list (default: the backup's)")
    p.add_argument("--backup-passphrase-file", type=Path, help="backup passphrase from FILE")
    key = p.add_mutually_exclusive_group()
    key.add_argument("--keyring", action="store_true", help="keep the new key in the keyring")
    key.add_argument(
        "--new-passphrase-file", type=Path, help="passphrase of the new profile, from FILE"
    )
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("delete", help="delete a profile and its key for good")
    p.add_argument("profile_id", metavar="ID")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(func=cmd_delete)

    p = sub.add_parser("verify", help="check database integrity and the audit chain")
    p.add_argument("profile_id", metavar="ID")
    p.add_argument("--passphrase-file", type=Path, help="profile passphrase from FILE")
    p.set_defaults(func=cmd_verify)


# helpers ----------------------------------------------------------------------------------
def _manager(args: argparse.Namespace) -> Any:
    from fitnote_desktop.store import ProfileManager

    return ProfileManager(args.profile_dir)


def _store_call(fn: Callable[[], Any]) -> Any:
    from fitnote_desktop.store import StoreError

    try:
        return fn()
    except StoreError as exc:
        exit_code = EXIT_INVALID if exc.code in _USER_ERROR_CODES else EXIT_UNREADABLE
        raise coded_error(exc, exit_code) from None


def _read_secret_file(path: Path) -> str:
    try:
        text = path.read_text("utf-8")
    except OSError as exc:
        raise CommandError(f"cannot read {path}: {exc.strerror}", EXIT_INVALID) from None
    line = text.splitlines()[0] if text else ""
    if not line:
        raise CommandError(f"{path} holds no passphrase", EXIT_INVALID)
    return line


def _require_tty(option: str) -> None:
    if not sys.stdin.isatty():
        raise CommandError(
            f"no terminal to ask for the passphrase: use {option} FILE", EXIT_INVALID
        )


def _require_tty_to_confirm() -> None:
    if not sys.stdin.isatty():
        raise CommandError("no terminal to confirm the deletion: use --yes", EXIT_INVALID)


def _ask(prompt: str, file: Path | None, option: str) -> str:
    if file is not None:
        return _read_secret_file(file)
    _require_tty(option)
    return getpass.getpass(prompt)


def _ask_new(prompt: str, file: Path | None, option: str) -> str:
    if file is not None:
        return _read_secret_file(file)
    _require_tty(option)
    first = getpass.getpass(prompt)
    if getpass.getpass("Repeat it: ") != first:
        raise CommandError("the two passphrases differ", EXIT_INVALID)
    return first


def _unlock_secret(info: Any, file: Path | None) -> str | None:
    if not info.needs_passphrase:
        return None
    return _ask(f"Passphrase of profile {info.id}: ", file, "--passphrase-file")


# commands ---------------------------------------------------------------------------------
def cmd_create(args: argparse.Namespace) -> int:
    from fitnote_desktop.store import PractitionerInfo

    manager = _manager(args)
    who = None
    if args.demo_identity:
        from fitnote_desktop.demo import DEMO_GP, DEMO_SPECIALIST

        demo = DEMO_GP if args.demo_identity == "gp" else DEMO_SPECIALIST
        who = PractitionerInfo(
            demo.given_name, demo.family_name, demo.riziv, demo.niss, demo.languages
        )
    if args.given_name or args.family_name:
        if not (args.given_name and args.family_name):
            raise CommandError("give both --given-name and --family-name", EXIT_INVALID)
        languages = tuple(x.strip() for x in (args.languages or "").split(",") if x.strip())
        who = PractitionerInfo(args.given_name, args.family_name, args.riziv, args.niss, languages)
    passphrase = None
    _ensure_absent(manager, args.profile_id)
    if not args.keyring:
        passphrase = _ask_new(
            f"New passphrase for profile {args.profile_id}: ",
            args.passphrase_file,
            "--passphrase-file",
        )
    info = _store_call(
        lambda: manager.create(
            args.profile_id,
            label=args.label,
            passphrase=passphrase,
            use_keyring=args.keyring,
            practitioner=who,
        )
    )
    print(f"created profile {info.id} ({info.key_storage.value}) in {info.path}")
    return 0


def _ensure_absent(manager: Any, profile_id: str) -> None:
    """Fail before asking for passphrases when the name is taken or invalid."""
    from fitnote_desktop.store.errors import ProfileExistsError

    def check() -> None:
        if manager.exists(profile_id):
            raise ProfileExistsError()

    _store_call(check)


def cmd_list(args: argparse.Namespace) -> int:
    infos = _store_call(lambda: _manager(args).list())
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "id": i.id,
                        "label": i.label,
                        "key_storage": i.key_storage.value,
                        "created_at": i.created_at.isoformat(),
                        "path": str(i.path),
                    }
                    for i in infos
                ],
                indent=2,
            )
        )
        return 0
    if not infos:
        print("no profiles")
        return 0
    width = max(len(i.id) for i in infos)
    print(f"{'ID':<{width}}  {'KEY':<10}  {'CREATED':<10}  LABEL")
    for i in infos:
        created = i.created_at.date().isoformat()
        print(f"{i.id:<{width}}  {i.key_storage.value:<10}  {created:<10}  {i.label}")
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    manager = _manager(args)
    info = _store_call(lambda: manager.get(args.profile_id))
    if args.to_keyring:
        if not info.needs_passphrase:
            raise CommandError("the key of this profile is already in the keyring", EXIT_INVALID)
        old = _ask("Current passphrase: ", args.passphrase_file, "--passphrase-file")
        _store_call(lambda: manager.use_keyring(info.id, old))
        print(f"profile {info.id}: key moved into the system keyring")
        return 0
    if not info.needs_passphrase:  # keyring profile: passwd means "protect with a passphrase"
        new = _ask_new("New passphrase: ", args.new_passphrase_file, "--new-passphrase-file")
        _store_call(lambda: manager.use_passphrase(info.id, new))
        print(f"profile {info.id}: key moved from the keyring into a passphrase-protected file")
        return 0
    if args.to_passphrase:
        raise CommandError("the key of this profile is already passphrase-protected", 1)
    old = _ask("Current passphrase: ", args.passphrase_file, "--passphrase-file")
    _store_call(lambda: manager.load_key(info.id, old).wipe())  # fail fast on a typo
    new = _ask_new("New passphrase: ", args.new_passphrase_file, "--new-passphrase-file")
    _store_call(lambda: manager.change_passphrase(info.id, old, new))
    print(f"profile {info.id}: passphrase changed")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    manager = _manager(args)
    info = _store_call(lambda: manager.get(args.profile_id))
    secret = _unlock_secret(info, args.passphrase_file)
    profile = _store_call(lambda: manager.open(info.id, secret))
    try:
        backup_secret = _ask_new(
            "Passphrase protecting the backup: ",
            args.backup_passphrase_file,
            "--backup-passphrase-file",
        )
        result = _store_call(lambda: profile.backup(args.output, backup_secret))
    finally:
        profile.lock()
    print(f"backup of {info.id} written to {result.path} ({result.db_size} bytes)")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    manager = _manager(args)
    from fitnote_desktop.store import read_backup_info

    backup = _store_call(lambda: read_backup_info(args.backup))
    _ensure_absent(manager, args.profile_id)
    backup_secret = _ask(
        "Passphrase of the backup: ", args.backup_passphrase_file, "--backup-passphrase-file"
    )
    passphrase = None
    if not args.keyring:
        passphrase = _ask_new(
            f"New passphrase for profile {args.profile_id}: ",
            args.new_passphrase_file,
            "--new-passphrase-file",
        )
    info = _store_call(
        lambda: manager.restore(
            args.backup,
            backup_secret,
            args.profile_id,
            label=args.label,
            passphrase=passphrase,
            use_keyring=args.keyring,
        )
    )
    print(
        f"restored backup of {backup.profile_id} ({backup.created_at:%Y-%m-%d %H:%M}) "
        f"as profile {info.id} in {info.path}"
    )
    return 0


def cmd_delete(args: argparse.Namespace) -> int:
    manager = _manager(args)
    info = _store_call(lambda: manager.get(args.profile_id))
    confirm = info.id
    if not args.yes:
        _require_tty_to_confirm()
        print(
            f"This deletes profile {info.id} ({info.label}), its drafts, history and key. "
            "Signed documents that were not backed up are lost.",
            file=sys.stderr,
        )
        confirm = input(f"Type {info.id} to confirm: ").strip()
    _store_call(lambda: manager.delete(info.id, confirm=confirm))
    print(f"deleted profile {info.id}")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    manager = _manager(args)
    info = _store_call(lambda: manager.get(args.profile_id))
    secret = _unlock_secret(info, args.passphrase_file)
    profile = _store_call(lambda: manager.open(info.id, secret))
    try:
        integrity = _store_call(profile.integrity_check)
        audit = _store_call(profile.verify_audit)
    finally:
        profile.lock()
    ok = integrity == ["ok"] and audit.ok
    print(f"database integrity: {'ok' if integrity == ['ok'] else 'FAILED'}")
    if audit.ok:
        print(f"audit chain: ok ({audit.entries} entries)")
    else:
        print(f"audit chain: FAILED at entry {audit.first_bad_seq} ({audit.problem})")
    return 0 if ok else EXIT_UNREADABLE
