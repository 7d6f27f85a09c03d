"""Runtime UI language: Qt translators for widget texts, domain catalogues for codes.

Two sources, one switch. Widget texts go through ``tr()`` and the compiled Qt Linguist
files in ``translations/``; codes from every layer (validation findings, store, signing,
transport and platform errors, the services' own) are turned into sentences by
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


def text(code: str, **params: Any) -> str:
    """The sentence for ``code`` in the current UI language (never a bare code).

    Every layer's codes have their sentences in the one catalogue (``resources/messages``,
    shared with the CLI and the PDFs); a code missing there still reads as a sentence
    that keeps the code for support.
    """
    if not messages.has_message(code):
        return messages.message("app.unknown_code", _CURRENT, code=code)
    return messages.message(code, _CURRENT, **params)


def rejection_text(code: str) -> str:
    """Why the platform refused a document, in words when known."""
    if not messages.has_message(code):
        return messages.message("transport.refused", _CURRENT, code=code)
    return messages.message(code, _CURRENT)


def finding_text(finding: Finding) -> str:
    return messages.render(finding, _CURRENT)
