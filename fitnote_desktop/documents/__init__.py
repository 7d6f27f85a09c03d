"""Printable documents: PDF copies per recipient, their reference and QR code, PAdES.

Public API (imported lazily: reportlab and pyHanko are heavy, and the CLI's other
commands should not pay for them):

* :func:`render` / :func:`render_copy` / :func:`render_all`: the PDF of a recipient's copy;
* :func:`sign_pdf` / :func:`async_sign_pdf`: PAdES-B-B signature with a visible stamp.

The reference printed on every copy and its QR form are the domain's
(:mod:`fitnote_desktop.domain.reference`): the UI reads a scanned one too.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_LAZY = {
    "render": "copies",
    "render_copy": "copies",
    "render_all": "copies",
    "copy_language": "copies",
    "RenderedCopy": "copies",
    "sign_pdf": "pades",
    "async_sign_pdf": "pades",
    "PdfSigningError": "pades",
}

__all__ = [*_LAZY]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(name)
    return getattr(import_module(f"{__name__}.{module}"), name)
