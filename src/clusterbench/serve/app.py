"""The workbench's web application: routes, each a few lines over the workspace and drafts.

Pages are rendered on the server with the report's Jinja2 setup (autoescape, strict
undefined, the same gettext catalogs); the page's script only posts the form and swaps
in what comes back.  Every request that names a file, a language, an audience or a
format it cannot serve gets a clear refusal (a page, or for the page's script a JSON
``{"error": ...}``), never a server error.
"""

from __future__ import annotations

import asyncio
import functools
import os
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from starlette.applications import Starlette
from starlette.datastructures import FormData as StarletteForm
from starlette.requests import Request
from starlette.responses import (
    FileResponse,
    HTMLResponse,
    JSONResponse,
    RedirectResponse,
    Response,
)
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from .._resources import bundled_dir
from ..errors import ClusterbenchError, InputError
from ..loader.criteria import bundled_criteria
from ..pipeline.files import write_atomically
from ..report.i18n import choose_language, translations
from ..report.options import AUDIENCES, LANGUAGES
from ..report.phrases import Phrases, questionnaire
from ..report.templating import render_template
from .editor import Conflict, Draft, open_draft
from .folder_view import rows
from .form import FormData, fields
from .names import DETAILS, RECORDS, TEXTS
from .panel import build_panel
from .paths import N_, OutsideFolderError, shown
from .security import Guard
from .workspace import Workspace

__all__ = ["create_app"]

_HERE = resources.files("clusterbench.serve")
_PAGES = (Path(str(_HERE / "templates")),)
_STATIC = Path(str(_HERE / "static"))
_REPORT_CSP = (
    "default-src 'none'; style-src 'self' 'unsafe-inline'; font-src 'self'; "
    "img-src 'self' data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'"
)
_FORMATS = ("html", "pdf")


def _render(name: str, language: str, **view: Any) -> str:
    view["lang"] = language
    return render_template(name, language, _PAGES, view=view)


def _said(exc: ClusterbenchError, language: str) -> str:
    """An error for a page: in its language where the message is the workbench's own."""
    if isinstance(exc, OutsideFolderError):
        return exc.said(translations(language).gettext)
    return str(exc)


def _refused(message: str, status: int) -> JSONResponse:
    """A refusal the page's script shows as it is."""
    return JSONResponse({"error": message}, status_code=status)


def _form(data: StarletteForm) -> FormData:
    """The submitted fields, every line break as ``\\n`` (browsers send ``\\r\\n``)."""
    found: dict[str, list[str]] = {}
    for key, value in data.multi_items():
        if isinstance(value, str):
            text = value.replace("\r\n", "\n").replace("\r", "\n")
            found.setdefault(key, []).append(text)
    return found


class Workbench:
    """The routes over one workspace."""

    def __init__(self, workspace: Workspace, language: str) -> None:
        self.workspace = workspace
        self.language = language

    def _language(self, request: Request) -> str:
        wanted = request.query_params.get("lang", self.language)
        return wanted if wanted in LANGUAGES else self.language

    def _page(self, request: Request, name: str, *, status: int = 200, **view: Any) -> HTMLResponse:
        """A page, with links to itself in each language (the token left out)."""
        language = self._language(request)
        params = {k: v for k, v in request.query_params.items() if k not in ("token", "lang")}
        view["switch"] = [
            (code, request.url.path + "?" + urlencode({**params, "lang": code}))
            for code in LANGUAGES
        ]
        return HTMLResponse(_render(name, language, **view), status_code=status)

    async def folder(self, request: Request) -> Response:
        language = self._language(request)
        entries = await _threaded(self.workspace.entries)
        local = await _threaded(self.workspace.criteria_files)
        return self._page(
            request,
            "folder.html",
            folder=self.workspace.folder.name,
            rows=rows(entries, self.workspace, language),
            criteria=sorted(bundled_criteria()),
            local=local,
            message=request.query_params.get("message"),
        )

    async def create(self, request: Request) -> Response:
        language = self._language(request)
        form = await request.form(max_files=0, max_fields=10)
        choice = str(form.get("criteria", ""))
        name = str(form.get("name", "")).strip()
        try:
            target = self.workspace.new_path(name)
            await _threaded(self._create, target, choice, language)
        except ClusterbenchError as exc:
            return RedirectResponse(
                request.url_for("folder").include_query_params(
                    message=_said(exc, language), lang=language
                ),
                status_code=303,
            )
        return RedirectResponse(
            request.url_for("edit").include_query_params(
                file=self.workspace.name(target), lang=language
            ),
            status_code=303,
        )

    def _create(self, target: Path, choice: str, language: str) -> None:
        """Write the questionnaire of a bundled criteria set or a criteria file of the
        folder (named by its path from the new file) to ``target``."""
        file = None
        if choice in bundled_criteria():
            criteria = self.workspace.bundled(choice)
        elif choice in self.workspace.criteria_files():
            criteria = self.workspace.criteria_file(choice)
            source = self.workspace.folder / choice
            file = Path(os.path.relpath(source, target.parent)).as_posix()
        else:
            raise OutsideFolderError(
                N_("%(name)s is neither a bundled criteria set nor a criteria file here"),
                name=shown(choice),
            )
        say = Phrases(
            choose_language(criteria, language if language in criteria.languages else None),
            criteria,
        )
        related = self.workspace.dependencies(criteria)
        text = questionnaire(criteria, say, related, file=file)
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, text.encode("utf-8"))

    async def edit(self, request: Request) -> Response:
        language = self._language(request)
        name = request.query_params.get("file", "")
        try:
            canonical = await _threaded(self.workspace.canonical, name)
            if canonical != name:  # another spelling of the name: to the one name
                url = request.url.include_query_params(file=canonical, lang=language)
                return RedirectResponse(url.remove_query_params("token"), status_code=308)
            draft = await _threaded(open_draft, self.workspace, name)
        except (OutsideFolderError, InputError) as exc:
            return self._page(request, "error.html", message=_said(exc, language), status=404)
        panel = build_panel(draft.opened, draft.criteria, language)
        files = [
            Path(os.path.relpath(p, draft.path.parent)).as_posix()
            for p in await _threaded(lambda: list(self.workspace.assessments()))
            if p != draft.path
        ]
        shown_fields = (
            None
            if draft.criteria is None
            else fields(draft.data, draft.criteria, draft.related, language, files)
        )
        return self._page(
            request,
            "assessment.html",
            draft=draft,
            form=shown_fields,
            panel=panel,
            problems=panel.fields,
            details={detail.key: detail for detail in DETAILS},
            records=RECORDS,
            texts=TEXTS,
            languages=LANGUAGES,
            audiences=AUDIENCES,
        )

    async def evaluate(self, request: Request) -> Response:
        language = self._language(request)
        posted = await self._posted(request)
        if isinstance(posted, Response):
            return posted
        draft, form = posted
        evaluation = await _threaded(draft.evaluate, form, language)
        panel = build_panel(evaluation, draft.criteria, language)
        html = _render("panel.html", language, panel=panel)
        return JSONResponse({"panel": html, "fields": panel.fields, "level": panel.level})

    async def save(self, request: Request) -> Response:
        language = self._language(request)
        posted = await self._posted(request)
        if isinstance(posted, Response):
            return posted
        draft, form = posted
        base = request.query_params.get("base", "")
        try:
            outcome = await _threaded(draft.save, form, base, language)
        except ClusterbenchError as exc:
            return _refused(_said(exc, language), 422)
        if isinstance(outcome, Conflict):
            html = _render("conflict.html", language, conflict=outcome)
            return JSONResponse({"conflict": html, "digest": outcome.digest}, status_code=409)
        return JSONResponse({"saved": True, "digest": outcome})

    async def report(self, request: Request) -> Response:
        language = self._language(request)
        _ = translations(language).gettext
        kind = request.query_params.get("format", "html")
        audience = request.query_params.get("audience", "full")
        if kind not in _FORMATS or audience not in AUDIENCES:
            message = _(
                "There is no such report: choose a format (%(formats)s) and an audience (%(audiences)s)."
            ) % {
                "formats": ", ".join(_FORMATS),
                "audiences": ", ".join(AUDIENCES),
            }
            return _refused(message, 400)
        posted = await self._posted(request)
        if isinstance(posted, Response):
            return posted
        draft, form = posted
        evaluation = await _threaded(draft.evaluate, form, language)
        if evaluation.scored is None:
            message = _("Fix the problems the page shows first.")
            if kind == "pdf":
                return _refused(message, 422)
            return self._page(request, "error.html", message=message, status=422)
        from ..report.render import render_html, render_pdf_bytes

        try:
            if kind == "pdf":
                data = await _threaded(
                    render_pdf_bytes, evaluation.scored, language=language, audience=audience
                )
            else:
                html = await _threaded(
                    render_html, evaluation.scored, language=language, audience=audience
                )
        except ClusterbenchError as exc:
            if kind == "pdf":
                return _refused(str(exc), 422)
            return self._page(request, "error.html", message=str(exc), status=422)
        if kind == "pdf":
            stem = Path(draft.name).stem
            return Response(
                data,
                media_type="application/pdf",
                headers={"content-disposition": f'attachment; filename="{stem}.{language}.pdf"'},
            )
        html = html.replace(bundled_dir("templates").as_uri(), "/assets/report")
        return HTMLResponse(html, headers={"content-security-policy": _REPORT_CSP})

    async def _posted(self, request: Request) -> tuple[Draft, FormData] | Response:
        """The draft a POST names and its form; a refusal the script shows, if none."""
        language = self._language(request)
        try:
            draft = await _threaded(
                open_draft, self.workspace, request.query_params.get("file", "")
            )
        except (OutsideFolderError, InputError) as exc:
            return _refused(_said(exc, language), 404)
        return draft, _form(await request.form(max_files=0, max_fields=20_000))


async def _threaded(call: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run blocking work (files, scoring, WeasyPrint) off the event loop."""
    return await asyncio.get_running_loop().run_in_executor(
        None, functools.partial(call, *args, **kwargs)
    )


async def _icon(request: Request) -> Response:
    """The page's icon, also for report previews (which name none): no 404 in the console."""
    return FileResponse(_STATIC / "favicon.svg", media_type="image/svg+xml")


def create_app(folder: Path, *, token: str, hosts: set[str], language: str = "en") -> Guard:
    """The workbench over ``folder``, answering only requests that carry ``token``."""
    bench = Workbench(Workspace(folder), language)
    app = Starlette(
        routes=[
            Route("/", bench.folder, name="folder"),
            Route("/new", bench.create, methods=["POST"], name="create"),
            Route("/edit", bench.edit, name="edit"),
            Route("/evaluate", bench.evaluate, methods=["POST"], name="evaluate"),
            Route("/save", bench.save, methods=["POST"], name="save"),
            Route("/report", bench.report, methods=["POST"], name="report"),
            Route("/favicon.ico", _icon),
            Mount("/static", StaticFiles(directory=_STATIC), name="static"),
            Mount(  # the report's stylesheet and fonts, which a preview links
                "/assets/report",
                StaticFiles(directory=bundled_dir("templates")),
                name="report-assets",
            ),
        ],
        exception_handlers={500: _failed},
    )
    return Guard(app, token=token, hosts=hosts)


async def _failed(request: Request, exc: Exception) -> Response:
    """A failure of the workbench itself, said as it is (the page shows it)."""
    message = f"The workbench failed: {type(exc).__name__}: {exc}"
    if request.method == "GET":
        language = request.query_params.get("lang", "en")
        language = language if language in LANGUAGES else "en"
        return HTMLResponse(_render("error.html", language, message=message, switch=[]), 500)
    return _refused(message, 500)
