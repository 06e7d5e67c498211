"""The server-rendered pages: home, Try it, article view, events explorer, dyad timeline, actor network, API docs.

Each page calls the same :mod:`tacitus.web.views` functions as the JSON API and renders the result;
templates escape every value (autoescape), the article text is escaped by :mod:`tacitus.web.highlight`.
"""

from __future__ import annotations

from typing import Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse

from ..errors import UsageError
from . import charts, views
from .api import event_filters
from .highlight import QUAD_NAMES, article_view, event_name
from .limits import in_thread

router = APIRouter(include_in_schema=False)


def _render(request: Request, name: str, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
    context = {"has_store": request.app.state.store is not None, "quad_names": QUAD_NAMES, **context}
    return request.app.state.templates.TemplateResponse(request, name, context, status_code=status_code)


@router.get("/", response_class=HTMLResponse)
async def home(request: Request, offset: int = Query(0)):
    """What the server offers; with a store, its newest articles (paged), each linked to its article view."""
    listing = None
    if request.app.state.store is not None:
        listing = await in_thread(views.list_articles, request.app.state.store, views.DEFAULT_PAGE, offset)
    return _render(request, "home.html", {"page": "home", "listing": listing})


@router.get("/try", response_class=HTMLResponse)
async def try_form(request: Request):
    return _render(request, "try.html", {"page": "try", "text": "", "published": "", "view": None, "error": None})


@router.post("/try", response_class=HTMLResponse)
async def try_submit(request: Request, text: str = Form(""), published: str = Form("")):
    """Code the pasted text and show it as an article view under the form (a bad date re-shows the form)."""
    context: dict[str, Any] = {"page": "try", "text": text, "published": published, "view": None, "error": None}
    try:
        record = await in_thread(views.code_text, request.app.state.coder, text, published.strip() or None, "pasted")
    except UsageError as exc:
        context["error"] = str(exc)
        return _render(request, "try.html", context, status_code=400)
    if record["errors"] and not record["text"]:
        context["error"] = "; ".join(f"{e['code']}: {e['message']}" for e in record["errors"])
        return _render(request, "try.html", context, status_code=422)
    context["view"] = article_view(record, record["text"])
    return _render(request, "try.html", context)


@router.get("/article/{article_id:path}", response_class=HTMLResponse)
async def article_page(article_id: str, request: Request):
    record = await in_thread(views.stored_article, request.app.state.store, article_id)
    return _render(request, "article.html", {"page": "article", "view": article_view(record, record.get("text") or "")})


@router.get("/explore", response_class=HTMLResponse)
async def explore(request: Request, filters: views.EventFilters = Depends(event_filters),
                  limit: int = Query(views.DEFAULT_PAGE), offset: int = Query(0)):
    """The events explorer: the query filters as a form, one page of events, links to each article."""
    result = await in_thread(views.query_events, request.app.state.store, filters, limit, offset)
    params = filters.as_params()

    def page_url(new_offset: int) -> str:
        return "/explore?" + urlencode({**params, "limit": limit, "offset": new_offset})

    return _render(request, "explore.html", {
        "page": "explore", "filters": params, "result": result, "name_of": event_name,
        "next_url": page_url(result["next_offset"]) if result["next_offset"] is not None else None,
        "prev_url": page_url(max(0, offset - limit)) if offset > 0 else None,
    })


@router.get("/dyad", response_class=HTMLResponse)
async def dyad_page(request: Request, filters: views.EventFilters = Depends(event_filters),
                    one_way: bool = Query(False, alias="one_way")):
    """The dyad timeline: events per month by quad class with mean Goldstein, as SVG (both directions
    of the dyad unless ``one_way``)."""
    rows = await in_thread(views.dyad_stats, request.app.state.store, filters, "country", not one_way)
    chart = charts.timeline_chart(rows)
    undated = sum(r["events"] for r in rows if not r.get("month"))
    return _render(request, "dyad.html", {"page": "dyad", "filters": filters.as_params(), "one_way": one_way,
                                          "chart": chart, "undated": undated})


@router.get("/network", response_class=HTMLResponse)
async def network_page(request: Request, filters: views.EventFilters = Depends(event_filters),
                       nodes: int = Query(30, ge=2, le=80), level: Literal["country", "code"] = Query("country")):
    """The actor network: who acts on whom, edge width = events, colour = cooperation vs conflict."""
    edges = await in_thread(views.network_edges, request.app.state.store, filters, level)
    chart = charts.network_chart(edges, max_nodes=nodes)
    return _render(request, "network.html", {"page": "network", "filters": filters.as_params(), "nodes": nodes,
                                             "level": level, "chart": chart, "edges": edges[:50]})


@router.get("/docs", response_class=HTMLResponse)
async def docs(request: Request):
    """The API reference, rendered from the app's OpenAPI schema (no Swagger UI: it would need a CDN)."""
    schema = request.app.openapi()
    operations = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            operations.append({
                "method": method.upper(), "path": path, "summary": op.get("summary", ""),
                "description": op.get("description", ""),
                "parameters": [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                                "description": p.get("description", "")} for p in op.get("parameters", [])],
                "body": _body_fields(schema, op),
            })
    return _render(request, "docs.html", {"page": "docs", "operations": operations,
                                          "version": schema.get("info", {}).get("version")})



def _body_fields(schema: dict[str, Any], operation: dict[str, Any]) -> list[dict[str, Any]]:
    """The JSON body's fields of an operation, from its schema reference."""
    content = operation.get("requestBody", {}).get("content", {}).get("application/json", {})
    ref = content.get("schema", {}).get("$ref", "")
    model = schema.get("components", {}).get("schemas", {}).get(ref.rsplit("/", 1)[-1], {}) if ref else {}
    required = set(model.get("required", []))
    return [{"name": name, "required": name in required, "description": field.get("description", "")}
            for name, field in model.get("properties", {}).items()]
