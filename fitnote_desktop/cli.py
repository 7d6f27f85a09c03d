"""Command-line entry point of ``fitnote-desktop``.

Subcommands live in ``fitnote_desktop/commands/<name>.py``; each module exposes
``register(subparsers)`` and sets ``func`` on its parser. New capabilities add a module
there instead of growing this file. Without a subcommand the desktop app starts.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import pkgutil
import sys
from collections.abc import Mapping, Sequence

import fitnote_desktop
from fitnote_desktop import commands

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_UNREADABLE = 2


class CommandError(Exception):
    """A failure the user can act on; printed as one line, never as a traceback."""

    def __init__(self, message: str, exit_code: int = EXIT_UNREADABLE) -> None:
        super().__init__(message)
        self.exit_code = exit_code


LANGUAGE_VARIABLES = ("FITNOTE_LANG", "LC_ALL", "LC_MESSAGES", "LANG")


def cli_language(environ: Mapping[str, str] = os.environ) -> str:
    """The language of the commands' messages: ``FITNOTE_LANG``, else the locale.

    The first of ``FITNOTE_LANG``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` that is set
    decides, as for any POSIX tool (``nl_BE.UTF-8`` → Dutch); English otherwise.
    """
    from fitnote_desktop.domain.model import LANGUAGES

    for name in LANGUAGE_VARIABLES:
        value = environ.get(name, "")
        if value:
            lang = value[:2].lower()
            return lang if lang in LANGUAGES else "en"
    return "en"


def coded_error(
    exc: BaseException, exit_code: int = EXIT_UNREADABLE, *, about: str = ""
) -> CommandError:
    """The one line for an error of any layer that carries a catalogue code.

    ``fitnote-desktop: [about: ]<sentence in the CLI language> [<code>]``: the sentence
    comes from ``domain.messages`` with the exception's ``params``, never its English
    ``str()``; the code stays for scripts and support.
    """
    from fitnote_desktop.domain import messages

    code = getattr(exc, "code", None) or "app.unexpected"
    params = getattr(exc, "params", None)
    text = messages.message(code, cli_language(), **(params if isinstance(params, dict) else {}))
    return CommandError(f"{about}: {text} [{code}]" if about else f"{text} [{code}]", exit_code)


class _VersionAction(argparse.Action):
    """``--version``: the version is read when asked for, not at every start."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        print(f"fitnote-desktop {fitnote_desktop.__version__}")  # on stdout, as argparse's
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fitnote-desktop",
        description="Incapacity certificates and ICF fit-notes for Belgian physicians.",
        epilog="Messages are in the language of FITNOTE_LANG or the locale (nl, fr, de, en).",
    )
    parser.add_argument(
        "--version", action=_VersionAction, nargs=0, help="show program's version number and exit"
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="start with a demo profile, demo PKI and an embedded sandbox endpoint",
    )
    parser.add_argument("--profile-dir", help="directory holding the profiles (default: per user)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log technical details")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{commands.__name__}.{info.name}")
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from fitnote_desktop.crash import install_private_excepthook

    install_private_excepthook()
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        if args.command is None:
            from fitnote_desktop.app import run_gui

            return run_gui(args)
        return int(args.func(args) or 0)
    except CommandError as exc:
        print(f"fitnote-desktop: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("fitnote-desktop: interrupted", file=sys.stderr)
        return 130
