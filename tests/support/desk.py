"""Test helpers for the endpoint's web desk (``endpoint.desk``): a registry with desk
physicians and a browser-like httpx session that signs in the way the page does.

Nothing is mocked: the session talks to a real endpoint over TLS, reads the CSRF token
from the form as a browser would submit it, and keeps its cookies in a real jar.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import httpx

from fitnote_desktop.demo import DEMO_DESK_PHYSICIANS, DemoDeskPhysician
from fitnote_desktop.endpoint.settings import RegistryEntry

from .endpoint import LiveEndpoint, demo_registry

# An advising physician of another region and an occupational physician of another
# employer: their caseloads do not hold the sample patient.
OTHER_ADVISING = DemoDeskPhysician(
    "other-advising", "Luc", "Renard", "80010110104", "16543250000", "advising", (), ("4",)
)
OTHER_OCCUPATIONAL = DemoDeskPhysician(
    "other-occupational",
    "Eva",
    "Maes",
    "81020210102",
    "19876585000",
    "occupational",
    ("Bakkerij Zuid BV",),
)
DESK_PHYSICIANS = (*DEMO_DESK_PHYSICIANS, OTHER_ADVISING, OTHER_OCCUPATIONAL)


def desk_registry() -> tuple[RegistryEntry, ...]:
    return demo_registry() + tuple(
        RegistryEntry(
            d.niss,
            d.riziv,
            d.given_name,
            d.family_name,
            d.role,
            employers=d.employers,
            postal_codes=d.postal_codes,
        )
        for d in DESK_PHYSICIANS
    )


CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def csrf_token(page: str) -> str:
    found = CSRF.search(page)
    assert found is not None, "the page has no form with a CSRF token"
    return found.group(1)


def visible_text(page: str) -> str:
    """The page's text without tags (what a reader sees, roughly)."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


@dataclass
class DeskBrowser:
    """One physician's session at the desk (an httpx client with a cookie jar)."""

    http: httpx.Client

    @classmethod
    def open(cls, endpoint: LiveEndpoint) -> DeskBrowser:
        return cls(endpoint.http(follow_redirects=True))

    def sign_in(self, who: DemoDeskPhysician, lang: str = "nl") -> httpx.Response:
        page = self.http.get("/desk/sign-in", params={"lang": lang})
        return self.http.post(
            f"/desk/sign-in?lang={lang}", data={"csrf": csrf_token(page.text), "riziv": who.riziv}
        )

    def get(self, path: str, lang: str = "nl") -> httpx.Response:
        return self.http.get(path, params={"lang": lang})

    def post_form(self, page_path: str, action: str, data: dict[str, str]) -> httpx.Response:
        """Submit a form of ``page_path`` with the page's own CSRF token."""
        token = csrf_token(self.http.get(page_path).text)
        return self.http.post(action, data={"csrf": token, **data})
