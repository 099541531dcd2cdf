"""The workbench's web application: routes, each a few lines over the workspace and drafts.

Pages are rendered on the server with the report's Jinja2 setup (autoescape, strict
undefined, the same gettext catalogs); the page's script only posts the form and swaps
in what comes back.
"""

from __future__ import annotations

import asyncio
import functools
import os
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.datastructures import FormData as StarletteForm
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from .._resources import bundled_dir
from ..errors import ClusterbenchError, InputError
from ..loader.criteria import bundled_criteria, load_criteria
from ..pipeline.files import write_atomically
from ..report.i18n import choose_language, translations
from ..report.options import AUDIENCES, LANGUAGES
from ..report.phrases import Phrases, questionnaire
from ..report.templating import render_template
from .editor import Conflict, Draft, open_draft
from .form import FormData, fields
from .panel import build_panel
from .security import Guard
from .workspace import OutsideFolderError, Workspace

__all__ = ["create_app"]

_HERE = resources.files("clusterbench.serve")
_PAGES = (Path(str(_HERE / "templates")),)
_STATIC = Path(str(_HERE / "static"))
_REPORT_CSP = (
    "default-src 'none'; style-src 'self' 'unsafe-inline'; font-src 'self'; "
    "img-src 'self' data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'"
)


def _page(name: str, language: str, *, status: int = 200, **view: Any) -> HTMLResponse:
    view["lang"] = language
    return HTMLResponse(render_template(name, language, _PAGES, view=view), status_code=status)


def _said(exc: ClusterbenchError, language: str) -> str:
    """An error for a page: in its language where the message is the workbench's own."""
    if isinstance(exc, OutsideFolderError):
        return exc.said(translations(language).gettext)
    return str(exc)


def _form(data: StarletteForm) -> FormData:
    found: dict[str, list[str]] = {}
    for key, value in data.multi_items():
        if isinstance(value, str):
            found.setdefault(key, []).append(value)
    return found


class Workbench:
    """The routes over one workspace."""

    def __init__(self, workspace: Workspace, language: str) -> None:
        self.workspace = workspace
        self.language = language

    def _draft(self, request: Request) -> Draft:
        return open_draft(self.workspace, request.query_params.get("file", ""))

    def _language(self, request: Request) -> str:
        wanted = request.query_params.get("lang", self.language)
        return wanted if wanted in LANGUAGES else self.language

    async def folder(self, request: Request) -> Response:
        entries = await _threaded(self.workspace.entries)
        criteria = sorted(bundled_criteria())
        return _page(
            "folder.html",
            self._language(request),
            folder=self.workspace.folder.name,
            entries=entries,
            criteria=criteria,
            message=request.query_params.get("message"),
        )

    async def create(self, request: Request) -> Response:
        form = await request.form()
        criteria_id = str(form.get("criteria", ""))
        name = str(form.get("name", "")).strip()
        try:
            target = self.workspace.new_path(name)
            criteria = load_criteria(criteria_id)
            related = self.workspace.library.dependencies(criteria)
            wanted = self._language(request)
            say = Phrases(
                choose_language(criteria, wanted if wanted in criteria.languages else None),
                criteria,
            )
            text = questionnaire(criteria, say, related)
            await _threaded(write_atomically, target, text.encode("utf-8"))
        except ClusterbenchError as exc:
            message = _said(exc, self._language(request))
            return RedirectResponse(
                request.url_for("folder").include_query_params(message=message), status_code=303
            )
        return RedirectResponse(
            request.url_for("edit").include_query_params(file=self.workspace.name(target)),
            status_code=303,
        )

    async def edit(self, request: Request) -> Response:
        language = self._language(request)
        try:
            draft = await _threaded(self._draft, request)
        except (OutsideFolderError, InputError) as exc:
            return _page("error.html", language, message=_said(exc, language), status=404)
        evaluation = await _threaded(draft.evaluate, None, language)
        panel = build_panel(evaluation, draft.criteria, language)
        shown = (
            None
            if draft.criteria is None
            else fields(draft.data, draft.criteria, draft.related, language)
        )
        return _page(
            "assessment.html",
            language,
            draft=draft,
            form=shown,
            panel=panel,
            languages=LANGUAGES,
            audiences=AUDIENCES,
            files=[
                os.path.relpath(p, draft.path.parent)
                for p in self.workspace.assessments()
                if p != draft.path
            ],
        )

    async def evaluate(self, request: Request) -> Response:
        draft, form = await self._posted(request)
        language = self._language(request)
        evaluation = await _threaded(draft.evaluate, form, language)
        panel = build_panel(evaluation, draft.criteria, language)
        html = render_template(
            "panel.html", language, _PAGES, view={"lang": language, "panel": panel}
        )
        return JSONResponse({"panel": html, "fields": panel.fields, "level": panel.level})

    async def save(self, request: Request) -> Response:
        draft, form = await self._posted(request)
        base = request.query_params.get("base", "")
        language = self._language(request)
        outcome = await _threaded(draft.save, form, base, language)
        if isinstance(outcome, Conflict):
            html = render_template(
                "conflict.html", language, _PAGES, view={"lang": language, "conflict": outcome}
            )
            return JSONResponse({"conflict": html, "digest": outcome.digest}, status_code=409)
        return JSONResponse({"saved": True, "digest": outcome})

    async def report(self, request: Request) -> Response:
        draft, form = await self._posted(request)
        language = self._language(request)
        audience = request.query_params.get("audience", "full")
        evaluation = await _threaded(draft.evaluate, form, language)
        if evaluation.scored is None:
            message = translations(language).gettext("Fix the problems the page shows first.")
            return _page("error.html", language, message=message, status=422)
        kind = request.query_params.get("format", "html")
        from ..report.render import render_html, render_pdf_bytes

        if kind == "pdf":
            data = await _threaded(
                render_pdf_bytes, evaluation.scored, language=language, audience=audience
            )
            stem = Path(draft.name).stem
            return Response(
                data,
                media_type="application/pdf",
                headers={"content-disposition": f'attachment; filename="{stem}.{language}.pdf"'},
            )
        html = await _threaded(render_html, evaluation.scored, language=language, audience=audience)
        html = html.replace(bundled_dir("templates").as_uri(), "/assets/report")
        return HTMLResponse(html, headers={"content-security-policy": _REPORT_CSP})

    async def _posted(self, request: Request) -> tuple[Draft, FormData]:
        draft = await _threaded(self._draft, request)
        return draft, _form(await request.form(max_files=0, max_fields=20_000))


async def _threaded(call: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run blocking work (files, scoring, WeasyPrint) off the event loop."""
    return await asyncio.get_running_loop().run_in_executor(
        None, functools.partial(call, *args, **kwargs)
    )


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
            Mount("/static", StaticFiles(directory=_STATIC), name="static"),
            Mount(  # the report's stylesheet and fonts, which a preview links
                "/assets/report",
                StaticFiles(directory=bundled_dir("templates")),
                name="report-assets",
            ),
        ],
        exception_handlers={
            OutsideFolderError: _not_found,
            InputError: _not_found,
        },
    )
    return Guard(app, token=token, hosts=hosts)


async def _not_found(request: Request, exc: Exception) -> Response:
    wanted = request.query_params.get("lang", "en")
    language = wanted if wanted in LANGUAGES else "en"
    message = _said(exc, language) if isinstance(exc, ClusterbenchError) else str(exc)
    return _page("error.html", language, message=message, status=404)
