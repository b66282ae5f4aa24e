"""The pages in a real browser: Debian's chromium, headless, driven by Playwright.

Screenshots are written to tests/screenshots/ for people to look at. The tests are skipped, with
the reason, only where there is no chromium binary (or no Playwright to drive it).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = Path(__file__).resolve().parent / "screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                reason=f"no chromium at {CHROMIUM} (Debian: apt-get install chromium)")


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright's Python package is not installed")
    SHOTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    pg = browser.new_page(viewport={"width": 1200, "height": 900})
    pg.set_default_timeout(10_000)
    yield pg
    pg.close()


def test_run_a_canned_query_follow_a_link_and_read_a_document(live_server, page):
    s = live_server()
    page.goto(s.url + "/")
    page.click("a.canned-query:has-text('People')")
    page.wait_for_selector("#results tbody tr")
    assert page.locator("#results tbody tr").count() >= 8
    assert "name=people" in page.url
    page.screenshot(path=str(SHOTS / "query.png"), full_page=True)

    # a person is shown by name, linked to their page, with the IRI on hover
    person = page.locator("#results a:has-text('Kim Yong-nam')")
    assert person.get_attribute("title") == "https://w3id.org/kutniti/id/kim-yong-nam"
    assert "personLabel" not in page.inner_text("#results thead")
    person.click()
    page.wait_for_selector("#timeline svg circle")
    assert page.inner_text("h1") == "Kim Yong-nam · কিম ইয়ং-নাম"
    assert page.locator("#timeline svg circle").count() == 3  # his visits of 1985, 1988 and 2007
    page.screenshot(path=str(SHOTS / "entity.png"), full_page=True)

    source = page.locator("#events a.source").first
    href = source.get_attribute("href")
    assert href.startswith("/doc/000_bd59f91ca0b70020#ev-")
    source.click()
    page.wait_for_selector("#text mark")
    assert page.locator("#text mark").count() >= 10
    target = page.locator(f"[id='{href.split('#')[1]}']")
    assert target.count() == 1
    assert "কিম ইয়ং-নাম" in target.locator("xpath=ancestor-or-self::mark").inner_text()
    page.screenshot(path=str(SHOTS / "document.png"), full_page=True)


def test_a_parameter_form_narrows_a_canned_query(live_server, page):
    s = live_server()
    page.goto(s.url + "/?name=visits")
    all_rows = page.locator("#results tbody tr").count()
    page.fill("#current-params input[name=visitor]", "kid:kim-yong-nam")
    page.click("#current-params button")
    page.wait_for_url("**visitor=kid%3Akim-yong-nam**")
    assert page.locator("#results tbody tr").count() == 3 < all_rows
    assert page.input_value("#current-params input[name=visitor]") == "kid:kim-yong-nam"


def test_a_country_page_draws_its_network(live_server, page):
    s = live_server()
    page.goto(s.url + "/id/north-korea")
    assert page.locator("#network svg a").count() == page.locator("#partners tbody tr").count() >= 3
    page.locator("#network").screenshot(path=str(SHOTS / "network.png"))
    page.click("#partners a:has-text('Mongolia')")
    page.wait_for_selector("h1:has-text('Mongolia')")


def test_the_editor_runs_typed_sparql_and_shows_errors_where_the_query_is(live_server, page):
    s = live_server()
    page.goto(s.url + "/")
    page.fill("#query", "PREFIX dip: <https://w3id.org/kutniti/ontology#>\n"
                        "SELECT ?c WHERE { ?c a dip:Country } LIMIT 3")
    page.click("#run")
    page.wait_for_selector("#results tbody tr")
    assert page.locator("#results tbody tr").count() == 3
    assert "query=" in page.url
    page.fill("#query", "SELECT ?x WHERE { ?x a dip:Country }")
    page.click("#run")
    page.wait_for_selector("#error")
    error = page.inner_text("#error")
    assert "line 1" in error and "PREFIX dip: <https://w3id.org/kutniti/ontology#>" in error
    page.screenshot(path=str(SHOTS / "error.png"), full_page=True)
