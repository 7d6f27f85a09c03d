"""HTML pages of the endpoint: one Jinja2 environment over ``templates/``, the headers
every page carries, the stylesheet.

Why apart from the verification route: the verification page is the first public page,
a web desk on the same base template follows, and every page must agree on escaping
(autoescape on, always), on the security headers and on the language switch. Pages need
no JavaScript; the CSP forbids any script, inline style or outside resource.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

import jinja2
from fastapi.responses import HTMLResponse, Response

from fitnote_desktop.endpoint.texts import LANGUAGE_NAMES, LANGUAGES, TEMPLATES, page_text

STYLESHEET = "/static/site.css"
SECURITY_HEADERS: Mapping[str, str] = {
    "Content-Security-Policy": (
        "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}


@cache
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,  # every value, in every template: no "safe" by file name
        undefined=jinja2.StrictUndefined,  # a missing value is a bug, not an empty string
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(
    template: str,
    lang: str,
    *,
    status_code: int = 200,
    root: str = "",
    headers: Mapping[str, str] | None = None,
    **context: Any,
) -> HTMLResponse:
    """``template`` in ``lang``; ``root`` is the app's mount path (links and stylesheet).

    The answer is never cached: a certificate retracted a minute ago must not show as
    valid from a cache.
    """
    html = (
        environment()
        .get_template(template)
        .render(
            lang=lang,
            t=lambda key, **params: page_text(key, lang, **params),
            languages=[(code, LANGUAGE_NAMES[code]) for code in LANGUAGES],
            root=root,
            stylesheet=root + STYLESHEET,
            **context,
        )
    )
    return HTMLResponse(
        html,
        status_code=status_code,
        headers={
            **SECURITY_HEADERS,
            "Cache-Control": "no-store",
            "Vary": "Accept, Accept-Language",
            "Content-Language": lang,
            **(headers or {}),
        },
    )


@cache
def _stylesheet() -> bytes:
    return (TEMPLATES / "static" / "site.css").read_bytes()


def stylesheet() -> Response:
    return Response(
        _stylesheet(),
        media_type="text/css; charset=utf-8",
        headers={**SECURITY_HEADERS, "Cache-Control": "public, max-age=3600"},
    )
