"""The JSON API: POST /code, GET /events, /articles/{id}, /actors, /stats/dyad (OpenAPI at /openapi.json)."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from . import views
from .limits import in_thread

router = APIRouter(tags=["api"])

# Paths answered as JSON (errors included); everything else is a page.
API_PREFIXES = ("/code", "/events", "/articles", "/actors", "/stats", "/openapi.json")


class CodeRequest(BaseModel):
    """One article to code."""

    text: str = Field(description="The article text.")
    published: str | None = Field(None, description="Publication date, YYYY-MM-DD; relative dates are read from it. "
                                                    "Without it the date is looked for in the text.")
    id: str = Field("text", max_length=200, description="An id for the article, echoed in the output.")
    title: str | None = Field(None, max_length=1000)


def event_filters(
    source: str | None = Query(None, description="Source country or actor code (PAK, RUSGOV)."),
    target: str | None = Query(None, description="Target country or actor code."),
    dyad: str | None = Query(None, description="Directed dyad SOURCE-TARGET: PAK-RUS."),
    cameo: str | None = Query(None, description="CAMEO code or its prefix (042)."),
    root: str | None = Query(None, description="CAMEO root, two digits (04)."),
    # A string, so that the empty value of a form's "any" choice means no filter rather than a 422.
    quad: str | None = Query(None, description="Quad class 1-4."),
    date_from: str | None = Query(None, alias="from", description="Events on or after (YYYY, YYYY-MM, YYYY-MM-DD)."),
    date_to: str | None = Query(None, alias="to", description="Events on or before."),
    text: str | None = Query(None, description="Words that must all occur in the event's sentence."),
    canonical: bool = Query(False, description="Only one mention per deduplicated event."),
) -> views.EventFilters:
    return views.EventFilters(source, target, dyad, cameo, root, quad, date_from, date_to, text, canonical)


@router.post("/code", summary="Code one article")
async def code(body: CodeRequest, request: Request) -> JSONResponse:
    """The output contract of `tacitus code` for one article, plus `text` (what the offsets refer to).
    An article that cannot be read (empty, too long) answers 422 with its `errors`."""
    record = await in_thread(views.code_text, request.app.state.coder, body.text, body.published, body.id, body.title)
    return JSONResponse(record, status_code=422 if record["errors"] and not record["text"] else 200)


@router.get("/events", summary="Query stored events")
async def events(request: Request, filters: views.EventFilters = Depends(event_filters),
                 limit: int = Query(views.DEFAULT_PAGE, description=f"Events per page, 1 to {views.MAX_PAGE}."),
                 offset: int = Query(0, description="Events to skip (the previous page's `next_offset`).")
                 ) -> dict[str, Any]:
    """Events matching the `tacitus query` filters, one page at a time; `next_offset` is null on the last page."""
    return await in_thread(views.query_events, request.app.state.store, filters, limit, offset)


@router.get("/articles", summary="Stored articles")
async def articles(request: Request,
                   limit: int = Query(views.DEFAULT_PAGE, description=f"Articles per page, 1 to {views.MAX_PAGE}."),
                   offset: int = Query(0, description="Articles to skip.")) -> dict[str, Any]:
    """Stored articles without their text, newest publication first, one page at a time."""
    return await in_thread(views.list_articles, request.app.state.store, limit, offset)


@router.get("/articles/{article_id:path}", summary="One stored article")
async def article(request: Request, article_id: str = Path(description="The article's id as stored.")
                  ) -> dict[str, Any]:
    """The stored article as the output contract, with its text."""
    return await in_thread(views.stored_article, request.app.state.store, article_id)


@router.get("/actors", summary="Actors in the store")
async def actors(request: Request) -> dict[str, Any]:
    """Every actor code in the store: its most frequent name, country, sector, kind, and how many
    articles, mentions and events (as source, as target) it has; most mentioned first."""
    return {"actors": await in_thread(views.actors, request.app.state.store)}


@router.get("/stats/dyad", summary="Events per month by dyad and quad class, mean Goldstein")
async def stats_dyad(request: Request, filters: views.EventFilters = Depends(event_filters),
                     level: Literal["country", "code"] = Query("country", description="Group actors by country "
                                                                "or by full actor code."),
                     both: bool = Query(False, description="With `dyad`: add the reverse direction.")) -> dict[str, Any]:
    """One row per month, directed dyad and quad class: `events` and `goldstein_mean` (`month` is null
    for events dated only to a year)."""
    rows = await in_thread(views.dyad_stats, request.app.state.store, filters, level, both)
    return {"filters": filters.as_params(), "level": level, "rows": rows}
