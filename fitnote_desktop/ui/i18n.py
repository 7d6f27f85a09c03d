"""Runtime UI language: Qt translators for widget texts, domain catalogues for codes.

Two sources, one switch. Widget texts go through ``tr()`` and the compiled Qt Linguist
files in ``translations/``; codes coming from the lower layers (validation findings,
store/signing/transport errors) are turned into sentences by
``domain.messages.message`` in the same language, so a Dutch UI shows Dutch errors.
Switching installs a new QTranslator, which makes Qt send ``LanguageChange`` to every
widget; each widget re-reads its texts in ``retranslate()``.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QTranslator,
    Signal,
)

from fitnote_desktop.domain import messages
from fitnote_desktop.domain.findings import Finding
from fitnote_desktop.resources import translations_path

log = logging.getLogger(__name__)

UI_LANGUAGES = ("nl", "fr", "de", "en")
LANGUAGE_NAMES = {"nl": "Nederlands", "fr": "Français", "de": "Deutsch", "en": "English"}


class LanguageManager(QObject):
    """Owns the installed translators; emits ``changed`` after a switch."""

    changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lang = "en"
        self._translators: list[QTranslator] = []

    @property
    def language(self) -> str:
        return self._lang

    def switch(self, lang: str) -> None:
        if lang not in UI_LANGUAGES:
            raise ValueError(lang)
        app = QCoreApplication.instance()
        removed = bool(self._translators)
        for tr in self._translators:
            QCoreApplication.removeTranslator(tr)
        self._translators.clear()
        global _CURRENT
        _CURRENT = lang
        self._lang = lang
        QLocale.setDefault(QLocale(_LOCALES[lang]))
        # English is the source language, but its plural forms ("%n day(s)") come from
        # fitnote_en.qm like any other language; Qt's own strings (standard buttons,
        # calendar) from Qt's qtbase catalogue.
        sources = [(f"fitnote_{lang}", str(translations_path()))]
        if lang != "en":
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            sources.append((f"qtbase_{lang}", qt_dir))
        for name, folder in sources:
            tr = QTranslator(self)
            if tr.load(name, folder):
                QCoreApplication.installTranslator(tr)
                self._translators.append(tr)
            elif name.startswith("fitnote"):
                log.warning("no compiled translation for %s", lang)
        # (un)installing a translator *posts* LanguageChange; deliver it now so the
        # switch is complete when this returns. With no translator involved at all
        # (English to English) nothing was posted: tell the widgets ourselves.
        # The application re-posts it to each top-level widget, hence two rounds.
        QCoreApplication.sendPostedEvents(app, QEvent.Type.LanguageChange)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        if not self._translators and not removed:
            for w in _all_widgets():
                QCoreApplication.sendEvent(w, QEvent(QEvent.Type.LanguageChange))
        self.changed.emit(lang)


_LOCALES = {"nl": "nl_BE", "fr": "fr_BE", "de": "de_BE", "en": "en_GB"}
_CURRENT = "en"


def _all_widgets() -> list[Any]:
    from PySide6.QtWidgets import QApplication

    return list(QApplication.allWidgets())


def current_language() -> str:
    return _CURRENT


def locale() -> QLocale:
    return QLocale(_LOCALES[_CURRENT])


def _app_codes() -> dict[str, str]:
    """Documents, lifecycle, progress, store and profile messages of the app itself."""
    return {
        "document.has_errors": QCoreApplication.translate(
            "Codes", "The document still has errors; correct them first."
        ),
        "document.already_signed": QCoreApplication.translate(
            "Codes", "This document is already signed."
        ),
        "lifecycle.not_a_certificate": QCoreApplication.translate(
            "Codes", "Only an incapacity certificate can be prolonged."
        ),
        "lifecycle.previous_without_end": QCoreApplication.translate(
            "Codes", "The previous certificate has no end date."
        ),
        "lifecycle.replace_draft": QCoreApplication.translate(
            "Codes", "A draft is edited, not replaced."
        ),
        "lifecycle.retract_not_sent": QCoreApplication.translate(
            "Codes", "Only a sent document can be retracted."
        ),
        "date.invalid": QCoreApplication.translate(
            "Codes", "Not a date. Type e.g. 24/11/2026, or +7 for a duration."
        ),
        "documents.unavailable": QCoreApplication.translate(
            "Codes", "PDF copies are not available in this setup."
        ),
        "app.unexpected": QCoreApplication.translate(
            "Codes", "Something went wrong. Your draft is kept."
        ),
        "progress.signing": QCoreApplication.translate("Codes", "Signing…"),
        "progress.sending": QCoreApplication.translate("Codes", "Sending…"),
        "progress.rendering": QCoreApplication.translate("Codes", "Preparing the PDF…"),
        "store.error": QCoreApplication.translate(
            "Codes", "The local database reported an error. Your draft is kept."
        ),
        "app.preparing_demo": QCoreApplication.translate(
            "Codes", "Preparing the demo (the first start takes a few seconds)…"
        ),
        "app.demo_passphrase": QCoreApplication.translate(
            "Codes", "Demo profile passphrase: {passphrase}"
        ),
        "profile.identity_missing": QCoreApplication.translate(
            "Codes", "This profile has no physician identity yet."
        ),
        "store.wrong_passphrase": QCoreApplication.translate(
            "Codes", "The passphrase is not correct. Nothing was changed."
        ),
        "store.key_file_damaged": QCoreApplication.translate(
            "Codes",
            "The key file of this profile is damaged, so the passphrase could not be checked. "
            "Restore the key file or the whole profile from a backup.",
        ),
        "store.weak_passphrase": QCoreApplication.translate(
            "Codes", "Choose a longer passphrase (at least 12 characters)."
        ),
        "app.demo_pin": QCoreApplication.translate(
            "Codes", "Demo: the password of the demo key files is {pin}"
        ),
        "settings.read_only": QCoreApplication.translate(
            "Codes", "These settings cannot be changed here."
        ),
    }


def _signing_codes() -> dict[str, str]:
    """Signing failures: PIN, key file, card and configuration."""
    return {
        "signing.wrong_pin": QCoreApplication.translate(
            "Codes", "The PIN is not correct. The document was not signed; the draft is kept."
        ),
        "signing.wrong_password": QCoreApplication.translate(
            "Codes", "The key file password is not correct. The draft is kept."
        ),
        "signing.token_locked": QCoreApplication.translate(
            "Codes", "The card is locked after too many wrong PINs. Unblock it first."
        ),
        "signing.token_not_found": QCoreApplication.translate(
            "Codes", "No eID card found. Insert the card and try again."
        ),
        "signing.module_not_found": QCoreApplication.translate(
            "Codes", "The eID software (PKCS#11 module) was not found. Check the settings."
        ),
        "signing.cancelled": QCoreApplication.translate(
            "Codes", "Signing was cancelled. The draft is kept."
        ),
        "signing.config_invalid": QCoreApplication.translate(
            "Codes", "No signing key is configured for this profile."
        ),
    }


def _transport_codes() -> dict[str, str]:
    """Sending, messaging and the platform connection."""
    return {
        "transport.offline": QCoreApplication.translate(
            "Codes", "Offline: documents wait in the outbox."
        ),
        "transport.not_configured": QCoreApplication.translate(
            "Codes", "No endpoint configured: signed documents wait in the outbox."
        ),
        "transport.unavailable": QCoreApplication.translate(
            "Codes", "The platform cannot be reached. Documents wait in the outbox."
        ),
        "transport.tls_failed": QCoreApplication.translate(
            "Codes", "The platform's security certificate was not accepted."
        ),
        "transport.error": QCoreApplication.translate(
            "Codes", "Sending failed. The document stays in the outbox."
        ),
        "transport.insecure_url": QCoreApplication.translate(
            "Codes", "The platform address must start with https://."
        ),
        "thread.empty": QCoreApplication.translate("Codes", "Write a subject and a message."),
        "external.consent_missing": QCoreApplication.translate(
            "Codes", "Record the patient's consent before fetching the episode."
        ),
    }


def _kmehr_codes() -> dict[str, str]:
    """Importing and exporting KMEHR files."""
    return {
        "kmehr.bad_xml": QCoreApplication.translate(
            "Codes", "This file is not a KMEHR message (not readable XML)."
        ),
        "kmehr.foreign_schema": QCoreApplication.translate(
            "Codes", "This XML file is not a KMEHR message."
        ),
        "kmehr.not_incapacity": QCoreApplication.translate(
            "Codes", "This KMEHR message is not a certificate of incapacity."
        ),
        "kmehr.malformed": QCoreApplication.translate(
            "Codes", "This KMEHR certificate lacks what a prolongation needs (dates, author)."
        ),
        "kmehr.other_patient": QCoreApplication.translate(
            "Codes", "This KMEHR certificate is about another patient."
        ),
        "kmehr.not_exportable": QCoreApplication.translate(
            "Codes", "Only a certificate of incapacity can be exported in KMEHR."
        ),
        "kmehr.recipient_unknown": QCoreApplication.translate(
            "Codes", "Choose who receives the KMEHR message."
        ),
        "kmehr.write_failed": QCoreApplication.translate(
            "Codes", "The file could not be written. Choose another place."
        ),
    }


def _ui_codes() -> dict[str, str]:
    """Codes raised by the services and the UI itself (not in the domain catalogues)."""
    return {**_app_codes(), **_signing_codes(), **_transport_codes(), **_kmehr_codes()}


def text(code: str, **params: Any) -> str:
    """The sentence for ``code`` in the current UI language (never a bare English string).

    The domain catalogues (``resources/messages``) come first: they are shared with the
    CLI and the PDFs. The UI's own table covers codes raised by the services and the UI,
    and the errors a physician meets most, until the catalogues carry them.
    """
    if code in messages.catalogue(_CURRENT):
        return messages.message(code, _CURRENT, **params)
    ui = _ui_codes()
    if code in ui:
        return ui[code].format_map(_Defaults(params))
    out = messages.message(code, _CURRENT, **params)
    if out == code:  # unknown everywhere: say something useful, keep the code for support
        return QCoreApplication.translate("Codes", "Unexpected problem ({code}).").format(code=code)
    return out


def rejection_text(code: str) -> str:
    """Why the platform refused a document, in words when known."""
    known = code in messages.catalogue(_CURRENT) or code in _ui_codes()
    if known:
        return text(code)
    return QCoreApplication.translate("Codes", "Refused by the platform ({code}).").format(
        code=code
    )


def finding_text(finding: Finding) -> str:
    return messages.render(finding, _CURRENT)


class _Defaults(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
