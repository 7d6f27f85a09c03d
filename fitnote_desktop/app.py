"""Composition root: settings → concrete adapters → services → UI or CLI.

``run_gui(args)`` (called by ``cli.py`` when no subcommand is given):

1. Qt application, style, UI language (saved choice, else the system's, else English);
2. ``--demo``: demo PKI + sandbox endpoint in-process on 127.0.0.1 + demo profile with
   sample patients (created on first start, reused after), unlocked with the demo's
   published passphrase; otherwise the profiles under ``--profile-dir`` (default: per
   user): first-run wizard when there is none, else the unlock dialog;
3. ``wiring.session.open_session`` wires store, signer, endpoint client and outbox
   worker into :class:`~fitnote_desktop.services.Services`;
4. the main window; Ctrl+L or idle time locks (closes the session) and asks again.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from fitnote_desktop.store import Profile as StoreProfile
    from fitnote_desktop.wiring.session import AppSession

log = logging.getLogger(__name__)

ORGANISATION = "fitnote-desktop"
APPLICATION = "fitnote-desktop"


def _ui_language(settings: QSettings) -> str:
    from PySide6.QtCore import QLocale

    from fitnote_desktop.ui.i18n import UI_LANGUAGES

    saved = settings.value("ui/language")
    if isinstance(saved, str) and saved in UI_LANGUAGES:
        return saved
    system = QLocale.system().name()[:2]
    return system if system in UI_LANGUAGES else "en"


def _import_session_wiring() -> None:
    """The session's modules (services, store adapters, signer and endpoint wiring):
    imported while the unlock dialog's worker derives the profile key, not before the
    dialog appears."""
    import fitnote_desktop.wiring.session  # noqa: F401


def run_gui(args: argparse.Namespace) -> int:
    """Start the desktop application; returns the process exit code."""
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

    import fitnote_desktop.ui  # noqa: F401 - first: guards PySide6 before any Qt call
    from fitnote_desktop.ui import i18n, start_gc

    start_gc.pause()  # until the main window is shown (AppController.start)
    from fitnote_desktop.ui.controller import AppController
    from fitnote_desktop.ui.style import style_sheet

    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION + ("-demo" if args.demo else ""))
    app.setStyleSheet(style_sheet(app.palette(), app.font()))
    settings = QSettings()
    languages = i18n.LanguageManager(app)
    languages.switch(_ui_language(settings))

    demo = None
    hint: Callable[[], str] = str  # the unlock dialog's hint: none outside demo mode
    if args.demo:
        from fitnote_desktop.wiring.demo import DEMO_PASSPHRASE, prepare_demo

        splash = QLabel(i18n.text("app.preparing_demo"))
        splash.setObjectName("welcome")
        splash.setMargin(24)
        splash.show()
        app.processEvents()
        try:
            demo = prepare_demo(args.profile_dir)
        except Exception as exc:
            splash.close()
            code = getattr(exc, "code", None) or "app.unexpected"
            log.error("demo set-up failed: %s", type(exc).__name__)
            QMessageBox.critical(None, "Fit-note", i18n.text(code))
            return 2
        splash.close()
        manager = demo.manager
        endpoint = demo.endpoint_config()
        # built each time the unlock dialog opens: in the language chosen by then
        hint = partial(i18n.text, "app.demo_passphrase", passphrase=DEMO_PASSPHRASE)

        def opener(profile: StoreProfile) -> AppSession:
            from fitnote_desktop.wiring.session import open_session

            return open_session(profile, endpoint=endpoint, demo=True)
    else:
        from fitnote_desktop.store import ProfileManager

        manager = ProfileManager(args.profile_dir)

        def opener(profile: StoreProfile) -> AppSession:
            from fitnote_desktop.wiring.session import open_session

            return open_session(profile)

    controller = AppController(
        manager=manager,
        open_session=opener,
        languages=languages,
        settings=settings,
        demo_hint=hint,
        prepare=_import_session_wiring,
    )
    try:
        if demo is not None:
            controller.start(manager.open(demo.profile_id, demo.passphrase))
        elif not manager.list():
            from fitnote_desktop.adapters.profiles import StoreProfiles
            from fitnote_desktop.services.setup import FirstRun
            from fitnote_desktop.ui.wizard import FirstRunWizard

            wizard = FirstRunWizard(FirstRun(StoreProfiles(manager)))
            if not wizard.exec() or wizard.result_profile is None:
                return 0
            controller.start(wizard.result_profile)
        elif not controller.ask_unlock():
            return 0
        code = app.exec()
    finally:
        controller.shutdown()
        if demo is not None:
            demo.endpoint.stop()
    return int(code)
