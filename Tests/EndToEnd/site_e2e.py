#!/usr/bin/env python3
"""End-to-end tests of the report site as a reader uses it, in headless Chromium driven by Playwright.

Usage: site_e2e.py RELMAP [MODEL]

Builds the bundled model's site once with RELMAP, then drives Debian's Chromium (CHROMIUM, else the first of
chromium, chromium-browser, google-chrome on PATH) through it: zoom, highlight, filters, the year slider,
search, the keyboard, a phone's width, printing, pages without JavaScript, the site served from a sub-path,
and axe-core's WCAG 2.2 AA rules on every page. Prints 'N passed, N failed' last; exits 1 when a test failed.
"""
import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path

from playwright.sync_api import sync_playwright

RELMAP = sys.argv[1] if len(sys.argv) > 1 else "relmap"
MODEL = sys.argv[2] if len(sys.argv) > 2 else str(Path(__file__).resolve().parents[2] / "model")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# axe reads the stylesheets again for some rules; from file:// that fetch is refused, and they are in the page.
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"], "preload": False}


def chromium_path():
    if os.environ.get("CHROMIUM"):
        return os.environ["CHROMIUM"]
    for name in ["chromium", "chromium-browser", "google-chrome"]:
        found = shutil.which(name)
        if found:
            return found
    sys.exit("site_e2e: no Chromium on PATH (apt-get install chromium; `make test-deps` installs it)")


class Site:
    """The bundled model's site, built once, and a browser over it."""

    def __init__(self, playwright, folder):
        self.folder = folder
        self.out = folder / "site"
        started = time.time()
        subprocess.run([RELMAP, "build", MODEL, "--out", str(self.out), "--quiet"], check=True)
        self.build_seconds = time.time() - started
        self.browser = playwright.chromium.launch(executable_path=chromium_path(), args=["--no-sandbox", "--disable-gpu"])

    def url(self, page):
        path, _, query = page.partition("?")
        return (self.out / path).as_uri() + ("?" + query if query else "")

    def open(self, page, width=1400, height=1000, **options):
        """A fresh tab on `page`, failing the test on any script error or console message of the page."""
        context = self.browser.new_context(viewport={"width": width, "height": height}, **options)
        tab = context.new_page()
        tab.problems = []
        tab.on("pageerror", lambda error: tab.problems.append(f"script error: {error}"))
        tab.on("console", lambda message: message.type in ("error", "warning") and tab.problems.append(message.text))
        if page is not None:
            tab.goto(page if "://" in page else self.url(page))
        return tab

    def pages(self):
        return sorted(str(path.relative_to(self.out)) for path in self.out.rglob("*.html"))


def close(tab):
    problems = tab.problems
    tab.context.close()
    assert not problems, problems


# --- The tests. Each takes the site; an AssertionError fails it. ---------------------------------------------


def test_zooming_changes_the_on_screen_size_of_a_label(site):
    tab = site.open("views/overview.html")
    label = tab.locator("#figure-overview svg g.node text").first
    before = label.bounding_box()["height"]
    tab.get_by_role("button", name="Zoom in").click()
    after_button = label.bounding_box()["height"]
    assert after_button > before * 1.3, (before, after_button)
    frame = tab.locator("#figure-overview .picture").bounding_box()
    tab.mouse.move(frame["x"] + frame["width"] / 2, frame["y"] + frame["height"] / 2)
    tab.keyboard.down("Control")
    tab.mouse.wheel(0, 300)
    tab.keyboard.up("Control")
    after_wheel = label.bounding_box()["height"]
    assert after_wheel < after_button * 0.8, (after_button, after_wheel)
    tab.get_by_role("button", name="Fit the diagram to its frame").click()
    svg = tab.locator("#figure-overview .picture svg").bounding_box()
    assert svg["width"] <= frame["width"] + 1 and svg["height"] <= frame["height"] + 1, (svg, frame)
    close(tab)


def test_a_diagram_opened_on_its_middle_says_there_is_more_until_all_of_it_is_in_the_frame(site):
    tab = site.open("views/overview.html")
    note = tab.locator("#figure-overview .crop-note")
    assert note.is_visible(), "the overview opens cropped at a legible scale without saying so"
    tab.get_by_role("button", name="Fit the diagram to its frame").click()
    assert note.is_hidden(), "the note stays when all of the diagram is in the frame"
    tab.get_by_role("button", name="Zoom in").click()
    assert note.is_visible()
    close(tab)
    phone = site.open("views/overview.html", width=390, height=844)
    assert phone.locator("#figure-overview .crop-note").is_hidden(), "a phone opens the diagram fitted"
    phone.locator("#figure-overview").get_by_role("button", name="Show the diagram full screen").click()
    phone.wait_for_timeout(300)
    assert phone.locator("#figure-overview .crop-note").is_hidden(), "a fitted diagram is cropped in full screen"
    close(phone)


def test_on_a_phone_a_finger_pans_a_zoomed_diagram_up_and_down_but_scrolls_past_a_fitted_one(site):
    tab = site.open("actors/kyrgyzstan.html", width=390, height=844, has_touch=True, is_mobile=True)
    picture = tab.locator("figure.diagram .picture.zoomable").first
    assert picture.evaluate("p => getComputedStyle(p).touchAction") == "pan-y"
    tab.get_by_role("button", name="Zoom in").first.click()
    assert picture.evaluate("p => getComputedStyle(p).touchAction") == "none"
    tab.get_by_role("button", name="Fit the diagram to its frame").first.click()
    assert picture.evaluate("p => getComputedStyle(p).touchAction") == "pan-y"
    close(tab)


def test_full_screen_enlarges_the_frame_and_leaving_it_restores_it(site):
    tab = site.open("views/overview.html", height=700)
    frame = tab.locator("#figure-overview .picture")
    before = frame.bounding_box()["height"]
    tab.locator("#figure-overview .diagram-tools button[data-action='full']").click()
    tab.wait_for_timeout(300)
    assert frame.bounding_box()["height"] > before, (before, frame.bounding_box())
    tab.locator("#figure-overview .diagram-tools button[data-action='full']").click()
    tab.wait_for_timeout(300)
    assert abs(frame.bounding_box()["height"] - before) < 2, (before, frame.bounding_box())
    close(tab)


def test_dragging_pans_the_diagram_without_following_a_link(site):
    tab = site.open("views/overview.html")
    svg = tab.locator("#figure-overview .picture svg")
    before = svg.bounding_box()
    # An actor inside the frame (a large map opens on its middle), whose link a drag must not follow.
    node = tab.evaluate("""() => {
        const frame = document.querySelector("#figure-overview .picture").getBoundingClientRect();
        for (const element of document.querySelectorAll("#figure-overview g.node")) {
            const box = element.getBoundingClientRect();
            if (box.left > frame.left && box.right < frame.right && box.top > frame.top && box.bottom < frame.bottom)
                return {x: box.left, y: box.top, width: box.width, height: box.height};
        }
        return null;
    }""")
    assert node, "no actor in the frame"
    tab.mouse.move(node["x"] + node["width"] / 2, node["y"] + node["height"] / 2)
    tab.mouse.down()
    tab.mouse.move(node["x"] + 80, node["y"] + 60, steps=8)
    tab.mouse.up()
    after = svg.bounding_box()
    assert tab.url.endswith("views/overview.html"), tab.url
    assert (after["x"], after["y"]) != (before["x"], before["y"]), "the drag did not move the diagram"
    close(tab)


def node(tab, figure, actor):
    return tab.locator(f"#{figure} svg g.node").filter(has=tab.locator("title", has_text=re.compile(f"^{actor}$")))


def opacity(locator):
    return float(locator.evaluate("element => getComputedStyle(element).opacity"))


def test_hovering_a_node_lights_its_relations_and_dims_the_others(site):
    tab = site.open("views/overview.html")
    # A large map opens on its middle at a legible scale; fitted, every actor is in the frame.
    tab.locator("#figure-overview button[aria-label='Fit the diagram to its frame']").click()
    kyrgyzstan = node(tab, "figure-overview", "kyrgyzstan")
    kyrgyzstan.scroll_into_view_if_needed()
    kyrgyzstan.hover()
    lit = tab.locator("#figure-overview svg g.is-lit")
    assert lit.count() > 5, lit.count()
    assert opacity(kyrgyzstan) == 1
    unrelated = tab.locator("#figure-overview svg g.node:not(.is-lit)").first
    assert opacity(unrelated) < 0.5, opacity(unrelated)
    assert opacity(tab.locator("#figure-overview svg g.edge.is-lit").first) == 1
    # Pinned, the highlight stays when the pointer leaves, and the address names the actor.
    tab.keyboard.press("Escape")
    kyrgyzstan.hover()
    tab.get_by_role("button", name="Keep the highlighted actor's relations lit").click()
    tab.mouse.move(5, 5)
    assert opacity(unrelated) < 0.5
    assert "pin=kyrgyzstan" in tab.url, tab.url
    close(tab)
    pinned = site.open("views/overview.html?pin=kyrgyzstan")
    assert pinned.locator("#figure-overview svg.has-highlight").count() == 1
    close(pinned)


def test_the_keyboard_moves_between_actors_and_lights_them(site):
    tab = site.open("views/overview.html")
    stops = tab.locator("#figure-overview svg a[tabindex='0']")
    assert stops.count() == 1, "a diagram is one tab stop"
    stops.first.focus()
    first = tab.evaluate("document.activeElement.getAttribute('aria-label')")
    tab.keyboard.press("ArrowRight")
    second = tab.evaluate("document.activeElement.getAttribute('aria-label')")
    assert first != second, (first, second)
    assert tab.locator("#figure-overview svg.has-highlight").count() == 1
    assert tab.locator("#figure-overview svg a[tabindex='0']").count() == 1
    close(tab)


def test_a_focused_actor_is_outlined_and_its_name_is_not_stroked(site):
    tab = site.open("actors/kyrgyzstan.html")
    node = tab.locator("figure.diagram svg g.node a").first
    node.focus()
    strokes = node.evaluate("""a => [...a.children].map(child => [child.tagName, getComputedStyle(child).strokeWidth])""")
    assert any(tag != "text" and width == "3px" for tag, width in strokes), strokes
    assert all(width != "3px" for tag, width in strokes if tag == "text"), strokes
    close(tab)


def test_a_filter_hides_a_types_lines_and_rows_and_is_kept_in_the_address(site):
    tab = site.open("views/overview.html")
    lines = tab.locator("#figure-overview svg g.edge.type-cooperation")
    rows = tab.locator("table.relations tr[data-type='cooperation']")
    others = tab.locator("table.relations tr[data-type='dispute']")
    assert lines.count() > 0 and rows.count() > 0 and others.count() > 0
    assert lines.first.is_visible() and rows.first.is_visible()
    tab.locator(".filters button[data-filter='type-cooperation']").click()
    assert all(not line.is_visible() for line in lines.all()), "cooperation lines still shown"
    assert all(not row.is_visible() for row in rows.all()), "cooperation rows still shown"
    assert others.first.is_visible(), "a dispute row was hidden too"
    assert "hide=type-cooperation" in tab.url, tab.url
    linked = tab.url
    close(tab)
    again = site.open(linked)
    assert again.locator("table.relations tr[data-type='cooperation']").first.is_hidden()
    assert again.locator(".filters button[data-filter='type-cooperation']").get_attribute("aria-pressed") == "false"
    close(again)


def test_a_filter_button_names_its_type_as_the_legends_do_even_with_no_line_of_it_drawn(site):
    tab = site.open("timeline.html")
    assert tab.locator("#figure-overview-2017 .legend li[data-filter='type-meeting']").count() == 0, \
        "the map now draws meetings: pick a type it leaves out"
    assert tab.locator(".filters button[data-filter='type-meeting']").inner_text() == "Meetings and visits"
    assert tab.locator(".filters button[data-filter='type-dispute']").inner_text() == "Disputes"
    close(tab)
    view = site.open("views/disputes.html")
    assert view.locator(".legend li[data-filter='type-incident']").count() == 0
    assert view.locator(".filters button[data-filter='type-incident']").inner_text() == "Incidents"
    close(view)
    for page in site.pages():
        for names in re.findall(r'<table class="relations"[^>]* data-type-names="([^"]*)"', (site.out / page).read_text()):
            assert "dispute=Disputes" in names, f"{page}: a relation table without the types' names"


def test_the_year_filter_keeps_only_relations_in_force_that_year(site):
    tab = site.open("views/overview.html?year=2001")
    shown = tab.locator("table.relations tr[data-type]:visible")
    years = shown.evaluate_all("rows => rows.map(row => row.dataset.years)")
    assert years, "no relation in force in 2001"
    for span in years:
        first, last = (span.split(" ") + [span])[:2]
        assert first != "never" and (first == "open" or int(first) <= 2001) and (last == "open" or int(last) >= 2001), span
    assert tab.locator("table.relations tr[data-type]").evaluate_all("rows => rows.filter(row => row.hidden).length") > 0
    close(tab)


def test_clicking_a_line_opens_its_row_or_lists_a_merged_lines_relations(site):
    tab = site.open("views/overview.html")
    single = tab.locator("#figure-overview svg g.edge:not(.merged) a").first
    relation = single.evaluate("a => a.closest('g.edge').getAttribute('class').split(' ').find(c => c.startsWith('rel-'))")
    tab.get_by_role("button", name="Fit the diagram to its frame").click()
    single.dispatch_event("click")
    assert tab.url.endswith("views/overview.html"), tab.url
    assert tab.evaluate("document.activeElement.id") == relation
    merged = tab.locator("#figure-overview svg g.edge.merged a").first
    count = int(merged.get_attribute("aria-label").split(" ")[0])
    merged.dispatch_event("click")
    panel = tab.locator(".relation-panel")
    assert panel.is_visible()
    assert panel.locator(":scope > ul > li").count() == count, (panel.locator(":scope > ul > li").count(), count)
    assert panel.locator(".citations a").count() >= count
    close(tab)


def test_the_slider_changes_the_year_and_the_address_once_the_arrow_keys_pause(site):
    years = sorted(int(path.stem) for path in (site.out / "timeline").glob("*.html"))
    tab = site.open(f"timeline/{years[0]}.html")
    slider = tab.get_by_role("slider", name="Year")
    slider.focus()
    with tab.expect_navigation():
        tab.keyboard.press("ArrowRight")
        tab.keyboard.press("ArrowRight")
    assert tab.url.endswith(f"timeline/{years[2]}.html"), f"each key press loaded a page: {tab.url}"
    assert tab.locator("h1").inner_text() == str(years[2])
    assert tab.get_by_role("slider", name="Year").get_attribute("aria-valuetext") == str(years[2])
    close(tab)
    playing = site.open(f"timeline/{years[0]}.html?play=1")
    with playing.expect_navigation(timeout=10_000):
        pass
    assert playing.url.endswith(f"timeline/{years[1]}.html?play=1"), playing.url
    playing.get_by_role("button", name="Pause").click()
    playing.wait_for_timeout(2500)
    assert playing.url.endswith(f"timeline/{years[1]}.html"), "Pause did not stop at the year"
    close(playing)
    year = site.open(f"timeline/{years[-1]}.html")
    assert year.locator(".filters").count() <= 1, "a filter bar under each of a year's maps"
    assert year.locator(".filters input[type=range]").count() == 0, "a second year control on a year's page"
    close(year)
    index = site.open("timeline.html")
    assert index.locator("figure.diagram .picture svg").count() == 1, "the timeline shows no map"
    assert index.get_by_role("slider", name="Year").count() == 1
    close(index)


def test_stepping_to_another_year_keeps_the_maps_zoom_and_position(site):
    years = sorted(int(path.stem) for path in (site.out / "timeline").glob("*.html"))
    tab = site.open(f"timeline/{years[0]}.html")
    figure = tab.locator("figure.diagram").first
    assert figure.get_attribute("id") == f"figure-overview-{years[0]}"
    figure.get_by_role("button", name="Zoom in").click()
    figure.get_by_role("button", name="Zoom in").click()
    before = figure.locator(".stage").evaluate("stage => stage.style.transform")
    tab.goto(site.url(f"timeline/{years[1]}.html"))
    after = tab.locator("figure.diagram").first
    assert after.get_attribute("id") == f"figure-overview-{years[1]}"
    assert after.locator(".stage").evaluate("stage => stage.style.transform") == before
    close(tab)
    fresh = site.open(f"timeline/{years[1]}.html")
    assert fresh.locator("figure.diagram .stage").first.evaluate("stage => stage.style.transform") != before, \
        "a new tab opens the map at its own scale"
    close(fresh)


def search_from_the_header(site, query):
    """A tab on the index after `query` is typed into the header's search box and Enter pressed."""
    tab = site.open("index.html")
    box = tab.get_by_role("searchbox", name="Search the report")
    box.fill(query)
    with tab.expect_navigation():
        box.press("Enter")
    return tab


def test_searching_manas_and_pressing_enter_opens_the_manas_page(site):
    tab = search_from_the_header(site, "Manas")
    assert tab.url.endswith("actors/manas-air-base.html"), tab.url
    close(tab)
    results = site.open("search.html?q=Manas")
    assert results.locator("#query").input_value() == "Manas"
    shown = results.locator(".search-results li:visible")
    assert 0 < shown.count() < results.locator(".search-results li").count()
    assert results.locator(".search-group:visible h2").first.inner_text().startswith("Actors")
    with results.expect_navigation():
        results.locator("#query").press("Enter")
    assert results.url.endswith("actors/manas-air-base.html"), results.url
    close(results)


def test_an_ordinary_word_in_the_header_box_opens_the_search_page_not_one_hit(site):
    tab = search_from_the_header(site, "border")
    assert tab.url.endswith("search.html?q=border"), tab.url
    assert tab.locator(".search-results li:visible").count() > 1
    best = tab.locator("#search-status").inner_text().partition("Enter opens ")[2]
    assert "border" in best.lower(), f"{best}: an entry whose name says border should come before one whose relations do"
    close(tab)


def test_a_search_hit_can_be_seen_on_the_map(site):
    tab = site.open("search.html?q=Kyrgyzstan")
    link = tab.locator(".search-results li:visible a.on-map").first
    with tab.expect_navigation():
        link.click()
    assert "pin=" in tab.url and tab.locator("svg.has-highlight").count() == 1, tab.url
    close(tab)


def test_tab_from_the_top_of_the_index_reaches_the_views_heading_in_under_20_presses(site):
    tab = site.open("index.html")
    for presses in range(1, 20):
        tab.keyboard.press("Tab")
        past = tab.evaluate("""() => {
            const heading = document.getElementById('views');
            const active = document.activeElement;
            return !!active && active !== document.body &&
                !!(heading.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING);
        }""")
        if past:
            break
    else:
        raise AssertionError("20 presses of Tab did not get past the diagram to the Views")
    assert tab.locator("a a, a button, button a").count() == 0, "a link inside a link"
    close(tab)


def test_a_phone_shows_rows_as_cards_what_happened_first_without_sideways_scrolling(site):
    for page in ["timeline.html", "views/overview.html", "sources/kgz-foreign-relations-2013.html"]:
        other = site.open(page, width=390, height=844)
        width = other.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{page} is {width} px wide"
        close(other)
    tab = site.open("actors/kyrgyzstan.html", width=390, height=844)
    width = tab.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page is {width} px wide"
    row = tab.locator("table.relations tr[data-type]").first
    cells = row.locator("td")
    assert cells.nth(3).bounding_box()["y"] < cells.nth(0).bounding_box()["y"], "what happened is not first"
    close(tab)


def test_printing_an_actor_page_puts_the_diagram_on_page_one_without_sort_arrows(site):
    tab = site.open("actors/kyrgyzstan.html")
    tab.emulate_media(media="print")
    box = tab.locator("figure.diagram .picture svg").bounding_box()
    assert box and box["y"] + box["height"] < 1100, box
    arrow = tab.locator("th button").first.evaluate("b => getComputedStyle(b, '::after').content")
    assert arrow in ("none", "normal", ""), arrow
    pdf = tab.pdf()
    assert pdf.startswith(b"%PDF")
    close(tab)


def test_dark_mode_keeps_the_legend_on_the_diagrams_light_card(site):
    tab = site.open("views/overview.html", color_scheme="dark")
    legend = tab.locator("figure .legend").first
    picture = tab.locator("figure .picture").first
    colour = lambda locator: locator.evaluate("e => getComputedStyle(e).backgroundColor")
    assert colour(legend) == colour(picture), (colour(legend), colour(picture))
    close(tab)


def test_pages_work_without_javascript(site):
    tab = site.open(None, java_script_enabled=False)
    tab.goto(site.url("index.html"))
    assert tab.locator("figure svg g.node").count() > 10
    assert tab.locator("figure svg a").count() > 10
    with tab.expect_navigation():
        tab.locator(".cards a").first.click()
    assert "/views/" in tab.url
    tab.goto(site.url("index.html"))
    tab.get_by_role("searchbox", name="Search the report").fill("Manas")
    with tab.expect_navigation():
        tab.get_by_role("searchbox", name="Search the report").press("Enter")
    assert "search.html?q=Manas" in tab.url, tab.url
    assert tab.locator(".search-results li").count() > 10
    close(tab)


def test_the_site_works_from_a_sub_path_of_a_web_server(site):
    root = site.folder / "served"
    (root / "reports").mkdir(parents=True, exist_ok=True)
    target = root / "reports" / "site"
    if not target.exists():
        target.symlink_to(site.out)
    handler = functools.partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/reports/site/"
        tab = site.open(base + "views/overview.html")
        assert tab.locator(".diagram-tools button").count() >= 4
        box = tab.get_by_role("searchbox", name="Search the report")
        box.fill("Manas")
        with tab.expect_navigation():
            box.press("Enter")
        assert tab.url == base + "actors/manas-air-base.html", tab.url
        close(tab)
    finally:
        server.shutdown()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *arguments):
        pass


def test_a_rebuild_gives_the_same_bytes(site):
    result = subprocess.run([RELMAP, "build", MODEL, "--out", str(site.out), "--check", "--quiet"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_diagram_of_the_bundled_site_meets_the_legibility_targets(site):
    """No overlapping labels, at most one line through a foreign label or node per diagram on average, every label
    at least 11 px on a 1400-px page and 14 px in a PNG shown 1920 px wide (scripts/legibility.py)."""
    script = Path(__file__).resolve().parents[2] / "scripts" / "legibility.py"
    result = subprocess.run([sys.executable, str(script), str(site.out), "--check", "--quiet"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_axe_finds_no_wcag_2_2_aa_violation_on_any_page(site):
    from axe_playwright_python.sync_playwright import Axe

    failures = []

    def check(tab, pages, note=""):
        for page in pages:
            started = time.time()
            tab.goto(site.url(page))
            results = tab.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
            for violation in results["violations"]:
                targets = [" ".join(map(str, node["target"])) for node in violation["nodes"][:3]]
                failures.append(f"{page}{note}: {violation['id']} ({len(violation['nodes'])}×) {violation['help']}: {targets}")
            if os.environ.get("E2E_TIMES"):
                print(f"    {page}{note}: {time.time() - started:.2f} s")

    # axe is loaded into every page before the page's own scripts, instead of being sent again after each load.
    pages = site.pages()
    for scheme, checked in [("light", pages), ("dark", ["index.html", "views/overview.html", "actors/kyrgyzstan.html",
                                                         "search.html", "timeline.html"])]:
        tab = site.open(None, color_scheme=scheme)
        tab.context.add_init_script(Axe().axe_script)
        check(tab, checked, "" if scheme == "light" else " (dark)")
        close(tab)
    assert not failures, f"{len(failures)} violation(s) on {len(pages)} pages:\n" + "\n".join(failures[:40])


def main():
    tests = [value for name, value in globals().items() if name.startswith("test_")]
    only = os.environ.get("E2E_ONLY")
    if only:
        tests = [test for test in tests if only in test.__name__]
    passed = failed = 0
    started = time.time()
    with tempfile.TemporaryDirectory(prefix="relmap-e2e-") as folder, sync_playwright() as playwright:
        site = Site(playwright, Path(folder))
        print(f"site_e2e: built the bundled model's site in {site.build_seconds:.1f} s", flush=True)
        for test in tests:
            test_started = time.time()
            try:
                test(site)
                passed += 1
                print(f"  ok      {test.__name__} ({time.time() - test_started:.1f} s)", flush=True)
            except Exception:
                failed += 1
                print(f"  FAILED  {test.__name__}\n" + traceback.format_exc(), flush=True)
        site.browser.close()
    print(f"site_e2e: {time.time() - started:.0f} s")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
