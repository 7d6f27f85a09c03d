"""The web desk's pages under ``/desk``: sign-in, inbox, one document, its forms.

Server-rendered (``endpoint.pages``: autoescape, no script, the CSP of the public
pages), in nl/fr/de/en (``?lang=``, carried on every link and form). Every page but the
sign-in needs a desk session (``desk.sessions``), read from the database on each request,
so a signed-out cookie is refused at once. Every POST carries the form's CSRF token
(``desk.csrf``) or gets 403. A document outside the physician's caseload is 404, exactly
like one that does not exist. Nothing here logs: names, NISS and texts stay on the page.
"""

from datetime import date
from typing import Annotated, Any
from urllib.parse import parse_qs
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session as DbSession

from fitnote_desktop.documents.labels import format_date
from fitnote_desktop.domain.messages import message
from fitnote_desktop.endpoint import pages, questions
from fitnote_desktop.endpoint.deps import Context, Db, EndpointContext
from fitnote_desktop.endpoint.desk import certificate as certificate_page
from fitnote_desktop.endpoint.desk import csrf, identity, inbox, notes, sessions
from fitnote_desktop.endpoint.desk.dialogue import ask_from_form, question_counts, thread_for
from fitnote_desktop.endpoint.desk.sessions import DeskUser
from fitnote_desktop.endpoint.desk.tls import client_certificate_pem
from fitnote_desktop.endpoint.settings import RegistryEntry
from fitnote_desktop.endpoint.texts import choose_language, page_text

PREFIX = "/desk"
BELGIUM = ZoneInfo("Europe/Brussels")
MAX_FORM_BYTES = 16 * 1024

router = APIRouter(prefix=PREFIX, include_in_schema=False)
Lang = Annotated[str | None, Query()]


def install(app: FastAPI) -> None:
    app.include_router(router)


async def form_fields(request: Request) -> dict[str, str]:
    """The URL-encoded form of a POST (first value of each field)."""
    body = (await request.body())[:MAX_FORM_BYTES]
    parsed = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
    return {k: v[0] for k, v in parsed.items()}


Form = Annotated[dict[str, str], Depends(form_fields)]


# ---------------------------------------------------------------------- plumbing


def _root(request: Request) -> str:
    return str(request.scope.get("root_path", "")).rstrip("/")


def _language(request: Request, lang: str | None) -> str:
    return choose_language(lang, request.headers.get("accept-language"))


def _today(context: EndpointContext) -> date:
    return context.settings.clock().astimezone(BELGIUM).date()


def _redirect(request: Request, path: str, lang: str, *, fragment: str = "") -> RedirectResponse:
    anchor = f"#{fragment}" if fragment else ""
    return RedirectResponse(
        f"{_root(request)}{PREFIX}{path}?lang={lang}{anchor}",
        status_code=303,
        headers={**pages.SECURITY_HEADERS, "Cache-Control": "no-store"},
    )


def _signed_in(
    request: Request, dbs: DbSession, context: EndpointContext
) -> tuple[DeskUser, RegistryEntry] | None:
    with dbs.begin():
        user = sessions.current(dbs, request.cookies.get(sessions.COOKIE), context.settings.clock())
    if user is None:
        return None
    entry = identity.by_riziv(context, user.riziv)
    return (user, entry) if entry is not None and entry.role == user.role else None


def _render(
    request: Request,
    template: str,
    lang: str,
    *,
    user: DeskUser | None = None,
    who: RegistryEntry | None = None,
    status_code: int = 200,
    **context: Any,
) -> Response:
    return pages.render(
        template,
        lang,
        status_code=status_code,
        root=_root(request),
        desk=PREFIX,
        user=user,
        who=who,
        csrf_field=csrf.FIELD,
        csrf_token=csrf.token_for(user.token) if user is not None else "",
        fmt_date=lambda day: format_date(day, lang),
        question_types=questions.QUESTION_TYPES,
        **context,
    )


def _problem(request: Request, lang: str, status_code: int, key: str) -> Response:
    return _render(request, "desk/message.html", lang, status_code=status_code, message=key)


def _open_session(
    request: Request, dbs: DbSession, context: EndpointContext, who: RegistryEntry, lang: str
) -> Response:
    with dbs.begin():
        token = sessions.open_session(dbs, who.riziv, who.role, context.settings.clock())
    response = _redirect(request, "/inbox", lang)
    response.set_cookie(
        sessions.COOKIE,
        token,
        max_age=int(sessions.LIFETIME.total_seconds()),
        path="/",
        secure=True,
        httponly=True,
        samesite="strict",
    )
    response.delete_cookie(csrf.PRE_SESSION_COOKIE, path="/", secure=True, httponly=True)
    return response


# ---------------------------------------------------------------------- sign-in / out


@router.get("")
def home(request: Request, dbs: Db, context: Context, lang: Lang = None) -> Response:
    language = _language(request, lang)
    signed_in = _signed_in(request, dbs, context)
    return _redirect(request, "/inbox" if signed_in else "/sign-in", language)


@router.get("/sign-in")
def sign_in_page(request: Request, context: Context, lang: Lang = None) -> Response:
    language = _language(request, lang)
    pre = request.cookies.get(csrf.PRE_SESSION_COOKIE) or csrf.new_pre_session_token()
    response = _render(
        request,
        "desk/sign_in.html",
        language,
        demo=context.settings.demo,
        eid=context.settings.client_ca is not None,
        physicians=identity.demo_physicians(context) if context.settings.demo else [],
        pre_token=pre,
    )
    response.set_cookie(
        csrf.PRE_SESSION_COOKIE, pre, path="/", secure=True, httponly=True, samesite="strict"
    )
    return response


@router.post("/sign-in")
def sign_in(request: Request, dbs: Db, context: Context, form: Form, lang: Lang = None) -> Response:
    """Demo mode: sign in as the chosen desk physician. Deployment: the certificate."""
    language = _language(request, lang)
    if not csrf.valid_pre_session(request.cookies.get(csrf.PRE_SESSION_COOKIE), form.get("csrf")):
        return _problem(request, language, 403, "desk.error.csrf")
    if context.settings.demo:
        who = identity.by_riziv(context, form.get("riziv", ""))
    else:
        who = identity.from_certificate(context, dbs, client_certificate_pem(request.scope))
    if who is None:
        return _problem(request, language, 403, "desk.error.sign_in")
    return _open_session(request, dbs, context, who, language)


@router.post("/sign-out")
def sign_out(
    request: Request, dbs: Db, context: Context, form: Form, lang: Lang = None
) -> Response:
    language = _language(request, lang)
    signed_in = _signed_in(request, dbs, context)
    if signed_in is None:
        return _redirect(request, "/sign-in", language)
    user, _ = signed_in
    if not csrf.valid(user.token, form.get(csrf.FIELD)):
        return _problem(request, language, 403, "desk.error.csrf")
    with dbs.begin():
        sessions.close_session(dbs, user.token)
    response = _redirect(request, "/sign-in", language)
    response.delete_cookie(sessions.COOKIE, path="/", secure=True, httponly=True)
    return response


# ---------------------------------------------------------------------- inbox


@router.get("/inbox")
def inbox_page(
    request: Request,
    dbs: Db,
    context: Context,
    lang: Lang = None,
    kind: Annotated[str, Query()] = "",
    fit: Annotated[str, Query()] = "",
    open_only: Annotated[str, Query(alias="open")] = "",
) -> Response:
    language = _language(request, lang)
    signed_in = _signed_in(request, dbs, context)
    if signed_in is None:
        return _redirect(request, "/sign-in", language)
    user, who = signed_in
    filters = inbox.Filters.parse(kind, fit, open_only)
    today = _today(context)
    with dbs.begin():
        counts = question_counts(dbs, who.role, today)
        rows = inbox.rows(dbs, who, filters, today, counts)
    return _render(
        request,
        "desk/inbox.html",
        language,
        user=user,
        who=who,
        rows=rows,
        filters=filters,
        kinds=inbox.KINDS,
        fit_filters=inbox.FIT_FILTERS,
    )


# ---------------------------------------------------------------------- one document


@router.get("/documents/{document_id}")
def document_page(
    document_id: str, request: Request, dbs: Db, context: Context, lang: Lang = None
) -> Response:
    language = _language(request, lang)
    signed_in = _signed_in(request, dbs, context)
    if signed_in is None:
        return _redirect(request, "/sign-in", language)
    user, who = signed_in
    return _document(request, dbs, context, user, who, document_id, language)


def _document(
    request: Request,
    dbs: DbSession,
    context: EndpointContext,
    user: DeskUser,
    who: RegistryEntry,
    document_id: str,
    lang: str,
    *,
    status_code: int = 200,
    form_error: str = "",
) -> Response:
    today = _today(context)
    with dbs.begin():
        entry = inbox.find(dbs, who, document_id)
        if entry is None:
            return _problem(request, lang, 404, "desk.error.not_found")
        patient_entries = inbox.dossier_entries(dbs, who, entry.row.dossier_id)
        episode = inbox.episode_of(patient_entries, entry.row.id)
        day = inbox.day_of_incapacity(episode, today)
        page = certificate_page.page(entry, who.role, episode, day, today, lang)
        thread = thread_for(dbs, entry.row.id, who.role, today)
        contact_notes = notes.for_dossier(dbs, entry.row.dossier_id, who.role)
        changes = certificate_page.changes_line(entry, patient_entries, who.role, lang)
    return _render(
        request,
        "desk/document.html",
        lang,
        user=user,
        who=who,
        status_code=status_code,
        page=page,
        thread=thread,
        notes=contact_notes,
        moments=notes.MOMENTS,
        form_error=_error_text(form_error, lang),
        changes_line=changes,
        today=today.isoformat(),
    )


@router.get("/documents/{document_id}/questions")
@router.get("/documents/{document_id}/notes")
def form_address(document_id: str, request: Request, lang: Lang = None) -> Response:
    """A form's address opened with GET (the language switch on a page that answered a
    refused form): back to the document, which checks access as always."""
    return _redirect(request, f"/documents/{document_id[:36]}", _language(request, lang))


def _error_text(code: str, lang: str) -> str:
    """A form error's sentence: a desk text (``desk.*``) or a message-catalogue code."""
    if not code:
        return ""
    return page_text(code, lang) if code.startswith("desk.") else message(code, lang)


def _posted(
    request: Request, dbs: DbSession, context: EndpointContext, form: dict[str, str]
) -> tuple[DeskUser, RegistryEntry] | Response:
    """The signed-in user of a POST whose CSRF token is right; else the answer to give."""
    language = _language(request, request.query_params.get("lang"))
    signed_in = _signed_in(request, dbs, context)
    if signed_in is None:
        return _problem(request, language, 403, "desk.error.signed_out")
    if not csrf.valid(signed_in[0].token, form.get(csrf.FIELD)):
        return _problem(request, language, 403, "desk.error.csrf")
    return signed_in


@router.post("/documents/{document_id}/questions")
def ask(
    document_id: str, request: Request, dbs: Db, context: Context, form: Form, lang: Lang = None
) -> Response:
    language = _language(request, lang)
    checked = _posted(request, dbs, context, form)
    if isinstance(checked, Response):
        return checked
    user, who = checked
    with dbs.begin():
        entry = inbox.find(dbs, who, document_id)
        if entry is None:
            return _problem(request, language, 404, "desk.error.not_found")
        error = ask_from_form(dbs, entry, who, form, context.settings.clock(), _today(context))
    if error:
        return _document(
            request,
            dbs,
            context,
            user,
            who,
            document_id,
            language,
            status_code=400,
            form_error=error,
        )
    return _redirect(request, f"/documents/{entry.row.id}", language)


@router.post("/documents/{document_id}/notes")
def add_note(
    document_id: str, request: Request, dbs: Db, context: Context, form: Form, lang: Lang = None
) -> Response:
    """An occupational physician's note on a contact moment (advising physicians read)."""
    language = _language(request, lang)
    checked = _posted(request, dbs, context, form)
    if isinstance(checked, Response):
        return checked
    user, who = checked
    if who.role != "occupational":
        return _problem(request, language, 403, "desk.error.not_yours")
    note = notes.NewNote(
        moment=form.get("moment", ""),
        reachable=form.get("reachable") == "yes",
        adapted_work=form.get("adapted_work") == "yes",
        next_step=form.get("next_step", ""),
    )
    if note.moment not in notes.MOMENTS or not {"reachable", "adapted_work"} <= form.keys():
        return _document(
            request,
            dbs,
            context,
            user,
            who,
            document_id,
            language,
            status_code=400,
            form_error="desk.error.note_incomplete",
        )
    with dbs.begin():
        entry = inbox.find(dbs, who, document_id)
        if entry is None:
            return _problem(request, language, 404, "desk.error.not_found")
        notes.add(
            dbs,
            dossier_id=entry.row.dossier_id,
            document_id=entry.row.id,
            author_riziv=who.riziv,
            note=note,
            now=context.settings.clock(),
        )
    return _redirect(request, f"/documents/{entry.row.id}", language, fragment="notes")
