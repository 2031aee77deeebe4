"""The FastAPI application: JSON API under /api, the web page at /, static files at /static."""
from __future__ import annotations

import json
import logging
import uuid
from collections.abc import AsyncIterator, Collection
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, Literal

from fastapi import FastAPI, File, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from tomtat import Article, InputError
from tomtat.options import LimitOptions
from tomtat.service.checks import bounded_budget, count_problem, text_problem
from tomtat.service.core import Conflict, Merged, NotFound, StoryService
from tomtat.service.db import StoredArticle
from tomtat.service.guard import Guard
from tomtat.service.limits import BodyLimit, BodyTooLarge
from tomtat.service.models import (
    Added, ArticleFull, ArticleIn, ArticleOut, Error, JobAccepted, JobOut, MergedOut, StoryDetail, StoryOut,
)
from tomtat.service.uploads import UploadError, articles_from_file

log = logging.getLogger("tomtat.service")
STATIC = Path(__file__).parent / "static"
JOB_THRESHOLD = 50
_ERRORS: dict[int | str, dict[str, Any]] = {code: {"model": Error} for code in (401, 403, 404, 409, 413, 415, 422)}
# Routes of one story: a story merged into another redirects to the same route of that story.
_STORY: dict[int | str, dict[str, Any]] = {**_ERRORS, 301: {
    "model": MergedOut, "description": "Merged into another story: Location is the same route of that story",
    "headers": {"Location": {"description": "the same route of the story it was merged into",
                             "schema": {"type": "string"}}}}}
_MEDIA = {"json": "application/json", "markdown": "text/markdown; charset=utf-8", "text": "text/plain; charset=utf-8",
          "html": "text/html; charset=utf-8"}


class BadInput(ValueError):
    """Input the API refuses with 422; the message names the field."""


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def _field_message(errors: list[dict[str, Any]], prefix: tuple = ()) -> str:
    """The first validation error as "field 'a.b': message"."""
    first = errors[0]
    loc = [str(part) for part in (*prefix, *first.get("loc", ())) if part not in ("body", "query", "path")]
    return f"field {'.'.join(loc)!r}: {first['msg']}" if loc else f"request body: {first['msg']}"


def _article(item: ArticleIn, prefix: str, limits: LimitOptions) -> Article:
    """The article of a validated body item, through `Article.from_dict` as every dict input."""
    problem = text_problem(item.text, limits)
    if problem is not None:
        raise BadInput(f"field '{prefix}text': {problem}")
    try:
        return Article.from_dict(item.model_dump(), f"a-{uuid.uuid4().hex[:12]}")
    except InputError as error:
        raise BadInput(f"field '{prefix}date': {error.message}") from None


def _parse_articles(body: bytes, limits: LimitOptions) -> list[Article]:
    """Articles of a JSON object or list body; BadInput naming the field otherwise."""
    try:
        payload = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise BadInput(f"request body is not valid JSON: {error}") from None
    items = payload if isinstance(payload, list) else [payload]
    if not items or not all(isinstance(item, dict) for item in items):
        raise BadInput("request body: an article object or a non-empty list of article objects was expected")
    problem = count_problem(len(items), limits)
    if problem is not None:
        raise BadInput(f"request body: {problem}")
    articles = []
    for index, item in enumerate(items):
        prefix = (index,) if isinstance(payload, list) else ()
        try:
            articles.append(_article(ArticleIn.model_validate(item), "".join(f"{p}." for p in prefix), limits))
        except ValidationError as error:
            raise BadInput(_field_message(error.errors(), prefix)) from None
    return articles


def _out(stored: StoredArticle) -> ArticleOut:
    a = stored.article
    return ArticleOut(id=a.id, story=stored.story, title=a.title, date=a.date.isoformat() if a.date else None,
                      source=a.source)


def create_app(db_path: str | Path, max_body: int | None = None, job_threshold: int = JOB_THRESHOLD,
               limits: LimitOptions | None = None, hosts: Collection[str] | None = None,
               token: str | None = None) -> FastAPI:
    """The app over the SQLite file at `db_path` (created and migrated when needed).

    `limits` bound the input (`max_body`, when given, replaces `limits.body_bytes`); `hosts`
    are the Host names served besides IP addresses and loopback names (None: any Host, for an
    app behind a proxy that checks it); `token`, when set, is required by every write as
    `Authorization: Bearer TOKEN` (see `Guard`).

    Jobs an earlier process left running resume at once; shutting the app down stops them
    after their current article and releases the file. Raises InUse when another process
    holds the file, ValueError for an unusable one.
    """
    limits = limits or LimitOptions()
    service = StoryService(db_path)
    service.resume_jobs()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        service.close()

    app = FastAPI(title="tomtat", summary="Stories, summaries, timelines and entities of Vietnamese news",
                  version="0.1.0", lifespan=lifespan,
                  docs_url=None, redoc_url=None)  # their pages load scripts from CDNs; /openapi.json stays
    app.state.service = service
    app.add_middleware(BodyLimit, limit=limits.body_bytes if max_body is None else max_body)
    app.add_middleware(Guard, hosts=hosts, token=token)  # added last: runs first
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> JSONResponse:
        return _error(error.status_code, str(error.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, error: RequestValidationError) -> JSONResponse:
        return _error(422, _field_message(list(error.errors())))

    @app.exception_handler(BadInput)
    async def bad_input(request: Request, error: BadInput) -> JSONResponse:
        return _error(422, str(error))

    @app.exception_handler(NotFound)
    async def not_found(request: Request, error: NotFound) -> JSONResponse:
        return _error(404, str(error))

    @app.exception_handler(Merged)
    async def merged(request: Request, error: Merged) -> JSONResponse:
        """301 to the same route of the story that took the merged one's articles."""
        prefix = f"/api/stories/{error.story_id}"
        location = f"/api/stories/{error.merged_into}" + request.url.path[len(prefix):]
        if request.url.query:
            location += f"?{request.url.query}"
        return JSONResponse({"merged_into": error.merged_into}, status_code=301, headers={"Location": location})

    @app.exception_handler(Conflict)
    async def conflict(request: Request, error: Conflict) -> JSONResponse:
        return _error(409, str(error))

    @app.exception_handler(BodyTooLarge)
    async def too_large(request: Request, error: BodyTooLarge) -> JSONResponse:
        return _error(413, str(error))

    @app.exception_handler(Exception)
    async def internal(request: Request, error: Exception) -> JSONResponse:
        log.exception("internal error on %s %s", request.method, request.url.path)
        return _error(500, "internal error")

    def _accept(articles: list[Article]) -> Response:
        try:
            prepared = service.featurize(articles)
        except ValueError as error:
            raise BadInput(str(error)) from None
        if len(prepared) > job_threshold:
            job = service.start_job(prepared)
            accepted = JobAccepted(job=job, total=len(prepared), url=f"/api/jobs/{job}")
            return JSONResponse(accepted.model_dump(), status_code=202)
        added = Added(articles=[_out(s) for s in service.add(prepared)])
        return JSONResponse(added.model_dump(), status_code=201)

    schema = {"anyOf": [ArticleIn.model_json_schema(), {"type": "array", "items": ArticleIn.model_json_schema()}]}

    @app.post("/api/articles", status_code=201, response_model=Added, responses={**_ERRORS, 202: {"model": JobAccepted}},
              openapi_extra={"requestBody": {"required": True, "content": {"application/json": {"schema": schema}}}})
    async def add_articles(request: Request) -> Response:
        """Add one article or a list; more than the job threshold run as a background job (202)."""
        articles = _parse_articles(await request.body(), limits)
        return await run_in_threadpool(_accept, articles)

    @app.post("/api/articles/upload", status_code=201, response_model=Added,
              responses={**_ERRORS, 202: {"model": JobAccepted}})
    def upload_articles(files: list[UploadFile] = File(
            description=".txt (first line title), .html, .jsonl or an RSS/Atom feed (.xml, .rss, .atom)")) -> Response:
        """Add the articles of uploaded files."""
        articles: list[Article] = []
        for upload in files:
            try:
                found = articles_from_file(upload.filename or "upload.txt", upload.file.read())
            except (UploadError, InputError) as error:
                raise BadInput(f"file {upload.filename!r}: {getattr(error, 'message', error)}") from None
            for article in found:
                problem = text_problem(article.text, limits)
                if problem is not None:
                    raise BadInput(f"file {upload.filename!r}, article {article.id!r}: {problem}")
            articles.extend(found)
        problem = count_problem(len(articles), limits)
        if problem is not None:
            raise BadInput(f"files: {problem}")
        return _accept(articles)

    @app.get("/api/articles/{article_id}", response_model=ArticleFull, responses=_ERRORS)
    def get_article(article_id: str) -> ArticleFull:
        stored = service.db.article(article_id)
        if stored is None:
            raise NotFound(f"no article {article_id!r}")
        return ArticleFull(**_out(stored).model_dump(), text=stored.article.text)

    @app.delete("/api/articles/{article_id}", status_code=204, responses=_ERRORS)
    def delete_article(article_id: str) -> Response:
        service.delete(article_id)
        return Response(status_code=204)

    @app.get("/api/jobs/{job_id}", response_model=JobOut, responses=_ERRORS)
    def get_job(job_id: str) -> JobOut:
        job = service.db.job(job_id)
        if job is None:
            raise NotFound(f"no job {job_id!r}")
        return JobOut(id=job.id, status=job.status, done=job.done, total=job.total, error=job.error)

    @app.get("/api/stories", response_model=list[StoryOut], responses={422: {"model": Error}})
    def list_stories(response: Response,
                     q: str = Query("", max_length=200, description="words of the label or an article title; "
                                    "case and diacritics ignored"),
                     order: Literal["oldest", "newest"] = Query("oldest", description="by first date, or newest "
                                                                "last date first"),
                     limit: int | None = Query(None, ge=1, le=1000, description="at most this many (default: all)"),
                     offset: int = Query(0, ge=0, description="skip this many")) -> list[StoryOut]:
        """Stories with stored articles; the X-Total-Count header counts all that match, the page aside."""
        stories = service.stories(q, newest_first=order == "newest")
        response.headers["X-Total-Count"] = str(len(stories))
        end = None if limit is None else offset + limit
        return [StoryOut(**vars(story)) for story in stories[offset:end]]

    @app.get("/api/stories/{story_id}", response_model=StoryDetail, responses=_STORY)
    def get_story(story_id: str) -> StoryDetail:
        story, articles = service.story(story_id)
        return StoryDetail(**vars(story), articles=[_out(s) for s in articles])

    @app.get("/api/stories/{story_id}/summary", responses={**_STORY, 200: {"content": {
        "application/json": {}, "text/markdown": {}, "text/plain": {}, "text/html": {}}}})
    def get_summary(story_id: str, budget: str = Query("200", max_length=40, description='"200", "80w", "5 sentences", "20%"'),
                    format: Literal["json", "markdown", "text", "html"] = "json") -> Response:
        """The story's summary as `tomtat summarize --format FORMAT` gives it (JSON: with the story's
        entities); the X-Tomtat-Cache header says "hit" when served from the cache."""
        try:
            body, hit = service.summary(story_id, bounded_budget(budget, limits), format)
        except ValueError as error:
            raise BadInput(f"field 'budget': {error}") from None
        return Response(body, media_type=_MEDIA[format], headers={"X-Tomtat-Cache": "hit" if hit else "miss"})

    @app.get("/api/stories/{story_id}/timeline", responses=_STORY)
    def get_timeline(story_id: str) -> list[dict]:
        """Dated events: {"date", "precision", "text", "sources", "background"}."""
        return service.timeline(story_id)

    @app.get("/api/stories/{story_id}/entities", responses=_STORY)
    def get_entities(story_id: str) -> dict:
        """{"entities": [{"name", "type", "count", "mentions", "articles"}], "keyphrases": [...]}."""
        return service.entities(story_id)

    @app.get("/api/stories/{story_id}/conflicts", responses=_STORY)
    def get_conflicts(story_id: str) -> dict:
        """{"conflicts": [{"kind", "subject", "values": [{"value", "articles", "sentences", "documents"}], "update", "later"}]}."""
        return service.conflicts(story_id)

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers={
            "Content-Security-Policy": "default-src 'self'; img-src 'self' data:", "X-Content-Type-Options": "nosniff"})

    return app
