"""The window's language: written in English in the code, shown in Mongolian by default.

Every visible string goes through ``tr()``/``QCoreApplication.translate``; the
Mongolian translations live in ``resources/translations/tailan_mn.ts`` (compiled to
``tailan_mn.qm`` with ``make translations``). English needs no file.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from core.paths import resource

_installed: QTranslator | None = None
_language: str | None = None


def tr(text: str) -> str:
    """Translates outside a QObject; lupdate files bare ``tr()`` calls under the empty context."""
    return QCoreApplication.translate("", text)


def qm_path(language: str):
    return resource("translations", f"tailan_{language}.qm")


def install(app: QCoreApplication, language: str) -> bool:
    """Installs the translator for ``language`` (``mn`` or ``en``); True when it is in effect."""
    global _installed, _language
    if _language == language and (_installed is not None or language == "en"):
        return True
    if _installed is not None:
        app.removeTranslator(_installed)
        _installed = None
    _language = language
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.English))
        return True
    translator = QTranslator(app)
    if not translator.load(str(qm_path(language))):
        return False
    app.installTranslator(translator)
    _installed = translator
    QLocale.setDefault(QLocale(QLocale.Mongolian, QLocale.Mongolia))
    return True


def current() -> str | None:
    return _language
