"""The demo: fictitious physicians, their demo PKI and SoftHSM2 tokens.

This module holds the demo identities shared by the demo PKI, the sandbox registry, the
demo profile and the sample documents; it imports nothing of the app, so the domain's
samples can use it. The heavier parts load only when the demo needs them:

* ``demo.pki``: the throw-away certificate hierarchy (``fitnote-desktop demo-pki``).
* ``demo.softhsm``: loading the demo keys into SoftHSM2 tokens (PKCS#11 without a card).

Every number here is fictitious but valid (check digits correct), so that the demo walks
the same code paths as real data. Nothing here is secret: demo keys are generated on
first use, never shipped.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoPhysician:
    key: str
    given_name: str
    family_name: str
    niss: str
    riziv: str
    languages: tuple[str, ...]


DEMO_GP = DemoPhysician(
    key="gp",
    given_name="An",
    family_name="Peeters",
    niss="85092123414",
    riziv="12345625004",  # general practitioner (qualification 004)
    languages=("nl", "fr"),
)

DEMO_SPECIALIST = DemoPhysician(
    key="specialist",
    given_name="Marc",
    family_name="Dubois",
    niss="72010103794",
    riziv="15432106480",  # specialist (qualification 480)
    languages=("fr", "nl"),
)

DEMO_PHYSICIANS = (DEMO_GP, DEMO_SPECIALIST)


@dataclass(frozen=True)
class DemoDeskPhysician:
    """An advising or occupational physician of the demo registry (the endpoint's web desk).

    They never sign documents, so the demo PKI issues them no certificates: in demo mode
    the desk lets one pick them from a list. ``employers`` / ``postal_codes`` are their
    caseload (see ``endpoint.settings.RegistryEntry``): the sample patient lives in 9000
    Gent and works for "Logistiek Noord NV".
    """

    key: str
    given_name: str
    family_name: str
    niss: str
    riziv: str
    role: str  # advising | occupational
    employers: tuple[str, ...] = ()
    postal_codes: tuple[str, ...] = ()


DEMO_ADVISING = DemoDeskPhysician(
    key="advising",
    given_name="Sophie",
    family_name="Lambert",
    niss="78041210141",
    riziv="17654394000",
    role="advising",
    postal_codes=("9", "1"),
)

DEMO_OCCUPATIONAL = DemoDeskPhysician(
    key="occupational",
    given_name="Pieter",
    family_name="Claes",
    niss="69081510181",
    riziv="18765441000",
    role="occupational",
    employers=("Logistiek Noord NV",),
)

DEMO_DESK_PHYSICIANS = (DEMO_ADVISING, DEMO_OCCUPATIONAL)

DEMO_PASSWORD = "demo-only-not-secret"  # noqa: S105 - demo PKCS#12 password / SoftHSM PIN
