"""Who may sign in at the desk: a registry entry with an advising or occupational role.

Demo mode lists those entries to pick from (the page says it is a demo). A deployment
takes the identity from the eID authentication certificate the browser presented on
the TLS connection (``desk.tls``): validated now against the trust store, its NISS
looked up in the practitioner registry as the API's login does (``endpoint.trust``).
"""

from __future__ import annotations

from asn1crypto import pem, x509
from sqlalchemy.orm import Session as DbSession

from fitnote_desktop.endpoint import repository, trust
from fitnote_desktop.endpoint.deps import EndpointContext
from fitnote_desktop.endpoint.desk.caseload import DESK_ROLES, entry_for
from fitnote_desktop.endpoint.errors import ApiError
from fitnote_desktop.endpoint.settings import RegistryEntry


def demo_physicians(context: EndpointContext) -> list[RegistryEntry]:
    """The registry's desk physicians, to pick from in demo mode."""
    return [e for e in context.settings.registry if e.role in DESK_ROLES]


def by_riziv(context: EndpointContext, riziv: str) -> RegistryEntry | None:
    return entry_for(context.settings.registry, riziv)


def from_certificate(
    context: EndpointContext, dbs: DbSession, certificate_pem: str | None
) -> RegistryEntry | None:
    """The desk physician holding the presented certificate, or ``None`` (no certificate,
    one that does not validate, a NISS the registry does not know or not a desk role)."""
    if not certificate_pem:
        return None
    try:
        _, _, der = pem.unarmor(certificate_pem.encode("ascii"))
        certificate = x509.Certificate.load(der)
        niss = trust.check_login_certificate(
            certificate,
            context.intermediates(),
            context.trust_roots(),
            now=context.settings.clock(),
        )
    except (ApiError, ValueError):
        return None
    with dbs.begin():
        who = repository.practitioner(dbs, niss)
    if who is None:
        return None
    return by_riziv(context, who.riziv)
