"""The pages in a real browser: Debian's chromium, headless, driven by Playwright.

Screenshots are written to tests/screenshots/ for people to look at.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")
SHOTS = Path(__file__).resolve().parent / "screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture
def page():
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        pg = browser.new_page(viewport={"width": 1200, "height": 900})
        yield pg
        browser.close()


def test_run_a_canned_query_follow_a_link_and_read_a_document(live_server, page):
    s = live_server()
    page.goto(s.url + "/")
    page.click("a.canned-query:has-text('Visits, oldest first')")
    page.wait_for_selector("#results tbody tr")
    rows = page.locator("#results tbody tr").count()
    assert rows >= 8
    page.screenshot(path=str(SHOTS / "query.png"), full_page=True)
    page.click("#results a:has-text('kid:kim-yong-nam')")
    page.wait_for_selector("#timeline svg circle")
    assert page.locator("#timeline svg circle").count() >= 3
    page.screenshot(path=str(SHOTS / "entity.png"), full_page=True)
    page.click("#events a:has-text('[000_bd59f91ca0b70020.txt]') >> nth=0")
    page.wait_for_selector("#text mark")
    assert page.locator("#text mark").count() >= 10
    page.screenshot(path=str(SHOTS / "document.png"), full_page=True)


def test_the_editor_runs_typed_sparql(live_server, page):
    s = live_server()
    page.goto(s.url + "/")
    page.fill("#query", "PREFIX dip: <https://w3id.org/kutniti/ontology#>\n"
                        "SELECT ?c WHERE { ?c a dip:Country } LIMIT 3")
    page.click("#run")
    page.wait_for_selector("#results tbody tr")
    assert page.locator("#results tbody tr").count() == 3
    assert "query=" in page.url
    page.fill("#query", "SELECT ?x WHERE { ?x ")
    page.click("#run")
    page.wait_for_selector("#error")
    assert "malformed" in page.inner_text("#error")
