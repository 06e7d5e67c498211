"""The pages in a real browser: Playwright driving Debian's Chromium against uvicorn on a free port.

Each test loads a page, uses it as a person would (filter, click, hover, paste) and keeps a
screenshot under tests/artifacts/web/. The JavaScript console must stay free of errors (a CSP
violation, a missing file or a script error would show there).
"""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

from .conftest import HOSTILE

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts" / "web"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed "
                                                              "(apt-get install chromium; .ci/run does)")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(stored, pipeline):
    """uvicorn serving the test store in a thread; yields the base URL."""
    import uvicorn

    from tacitus.web import create_app

    port = _free_port()
    config = uvicorn.Config(create_app(stored, pipeline=pipeline), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM))
        yield browser
        browser.close()


@pytest.fixture
def page(browser, request):
    """A fresh page that records console errors, page errors and dialogs (an alert means injected script ran)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.problems = []
    page.on("console", lambda msg: msg.type == "error" and page.problems.append(f"console: {msg.text}"))
    page.on("pageerror", lambda exc: page.problems.append(f"pageerror: {exc}"))

    def on_dialog(dialog):
        page.problems.append(f"dialog: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.set_default_timeout(15_000)
    yield page
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()


def test_home_links_every_page(server, page):
    page.goto(server + "/")
    for name in ("Try it", "Events", "Dyad timeline", "Actor network", "API"):
        assert page.get_by_role("link", name=name, exact=True).first.is_visible()
    assert page.problems == []


def test_explorer_filter_then_open_the_article_at_its_event(server, page):
    page.goto(server + "/explore")
    everything = page.locator("table.events-table tbody tr").count()
    page.fill("input[name=dyad]", "pak-rus")
    page.click("button[type=submit]")
    page.wait_for_url("**/explore?*dyad=pak-rus*")
    rows = page.locator("table.events-table tbody tr")
    assert 0 < rows.count() < everything
    for i in range(rows.count()):
        cells = rows.nth(i).locator("td")
        assert cells.nth(1).inner_text().startswith("PAK") and cells.nth(3).inner_text().startswith("RUS")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "explorer_filtered.png"), full_page=True)
    link = rows.first.locator("td a")
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url("**/article/**")
    fragment = href.split("#", 1)[1]
    assert page.locator(f"#{fragment}").count() == 1, "the link lands on the event's trigger"
    outline = page.locator(f"#{fragment} + .hl").evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline == "solid", "the linked trigger is marked"
    assert page.locator(".event-list li.event").count() >= 1
    assert page.problems == []


def test_article_view_links_events_to_their_words(server, page):
    page.goto(server + "/article/example")
    events = page.locator(".event-list li.event")
    assert events.count() >= 1
    first = events.first
    index = first.get_attribute("data-ev")
    first.hover()
    lit = page.locator(f'.hl.on[data-ev~="{index}"]')
    assert lit.count() >= 1, "hovering an event lights its trigger and actors"
    assert "hl-trigger" in " ".join(lit.evaluate_all("els => els.map(e => e.className)"))
    page.mouse.move(0, 0)
    assert page.locator(".hl.on").count() == 0
    page.locator(".hl-trigger[data-ev]").first.hover()
    assert page.locator(".event.on").count() >= 1, "hovering a trigger lights its event"
    assert page.problems == []


def test_dyad_timeline_draws_bars_and_a_goldstein_line(server, page):
    page.goto(server + "/dyad")
    page.fill("input[name=dyad]", "PAK-RUS")
    page.click("button[type=submit]")
    page.wait_for_url("**/dyad?*")
    assert page.locator("svg#timeline rect.bar").count() >= 1
    assert page.locator("svg#timeline circle.goldstein").count() >= 1
    assert page.locator("svg#timeline").bounding_box()["height"] > 100
    assert page.problems == []


def test_actor_network_draws_nodes_and_edges(server, page):
    page.goto(server + "/network")
    assert page.locator("svg#network circle.node").count() >= 2
    assert page.locator("svg#network path.edge").count() >= 1
    page.select_option("select[name=level]", "code")
    page.click("button[type=submit]")
    page.wait_for_url("**/network?*level=code*")
    assert page.locator("svg#network circle.node").count() >= 2
    assert page.problems == []


def test_try_it_codes_a_pasted_article_and_runs_none_of_its_markup(server, page):
    page.goto(server + "/try")
    page.fill("textarea[name=text]", HOSTILE)
    page.fill("input[name=published]", "2018-02-21")
    page.click("button[type=submit]")
    page.wait_for_selector(".event-list li.event")
    assert page.locator(".event-list li.event").count() >= 1
    text = page.inner_text("#article-text")
    assert "<script>alert('owned')</script>" in text, "markup is shown as text"
    assert "'; DROP TABLE events; --" in text
    assert page.locator("#article-text script, #article-text img").count() == 0
    assert page.problems == [], "no alert ran, no console error"


def test_api_docs_page(server, page):
    page.goto(server + "/docs")
    assert page.locator("section.op").count() >= 5
    assert page.problems == []
