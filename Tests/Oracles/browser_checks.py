#!/usr/bin/env python3
"""The pages in one headless Chromium session (DOM, layout, Content-Security-Policy and
accessibility), and whether `samverkan serve` and nginx give the same pages.

Usage:
  browser_checks.py pages --base BASE --feeds N --public URL [--out DIR] [--chromium PATH]
  browser_checks.py agree --server BASE --nginx BASE --public URL

`pages` needs no build: scripts/browser-test.sh runs it against nginx over the committed
Exports/ while the code compiles (the Swift tests hold Exports/ to the code). `agree`
(scripts/integration-test.sh) then shows that the server gives those pages byte for byte
with the same headers, so what Chromium saw holds for both hosts.

pages:
- DOM: the start page names the eleven municipalities and has one webcal:// subscribe
  link per feed (N).
- Crawl: from `/`, every page, link, feed and file the pages lead to answers 200 without a
  redirect, and every `#fragment` names an id on its page. The public address (URL, in
  subscribe links) is mapped to the host under test; nothing outside loopback is fetched
  (other hosts are counted, not followed).
- Search: on /sok, each query's first result is its page.
- Screenshots at phone size (390×844) of the start page, a municipality's page and a
  decision's page go to DIR/phone-*.png.
- Content-Security-Policy: the pages /, /kommuner/bjuv, /organ/energinatverket, a
  decision's and a person's page carry Content-Security-Policy, Referrer-Policy and
  X-Content-Type-Options; loaded, they raise no `securitypolicyviolation` event and no
  console or log message about the policy; the inline style applied (body margin 0, not
  the browser's 8px) and the inline script ran (the copy buttons listen; a decision's page
  has none). A control first serves the start page under a policy with wrong hashes:
  Chromium must report violations and log them there, or those checks prove nothing.
- Accessibility: axe-core (bundled by axe-playwright-python) on one page of each
  template at 1280 and 320 px, light and dark, and on every other page the crawl found
  at 1280 px light (without color-contrast where every class of the page appears on a
  template page), after a control page with known violations shows that violations are
  caught. axe-core comes in as an init script, sent to Chromium once.
- Reflow: at 320 CSS px no page the crawl found scrolls sideways. Measured on the page
  loads of the axe-core pass (each template page at 320 px light, each other page resized
  to 320 px after its run) instead of loading every page again; a crawled page the pass
  did not reach fails.

agree: both hosts crawled as above give the same pages byte for byte, the same headers
that decide how a browser shows them (type, policies, caching), and the same search index.

Drives Debian's chromium-headless-shell through Playwright: the engine of the chromium
package without the browser's user interface, which cost about a quarter more CPU. The
DevTools-only parts (log entries, event listeners) go through a CDP session of the same
browser. Prints one `ok`/`FAIL` line per check and `N passed, M failed`; exits 1 on any
failure.
"""

import argparse
import hashlib
import http.server
import json
import pathlib
import re
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

from tally import Tally

TALLY = Tally()
check = TALLY.check

MUNICIPALITIES = ["Helsingborg", "Höganäs", "Ängelholm", "Båstad", "Örkelljunga", "Klippan", "Åstorp",
                  "Bjuv", "Svalöv", "Landskrona", "Perstorp"]
CSP_PAGES = ["/", "/kommuner/bjuv", "/organ/energinatverket", "/beslut/kdm-2026-04-10-scenario-3",
             "/personer/agneta-fristedt"]
LINKS = re.compile(r'(?:href|src|value)="([^"]*)"')
IDS = re.compile(r'\bid="([^"]*)"')
CLASSES = re.compile(r'\bclass="([^"]*)"')
# One page of each template, for the checks in every width and colour scheme.
TEMPLATE_PAGES = ["/", "/kommuner/", "/kommuner/bjuv", "/organ/energinatverket", "/moten/kdm-2026-04-10",
                  "/beslut/kdm-2026-04-10-scenario-3", "/uppfoljning/", "/personer/", "/personer/agneta-fristedt", "/om", "/tillganglighet", "/sok",
                  "/finns-inte"]
SEARCHES = [("Landskrona", "/kommuner/landskrona"), ("10 april", "/moten/kdm-2026-04-10"),
            ("fullmakt", "/beslut/kdm-2026-04-10-scenario-3"), ("energi", "/organ/energinatverket"),
            ("Bjuv kalender", "/kommuner/bjuv#kalendrar"), ("Agneta Fristedt", "/personer/agneta-fristedt")]
AXE_CONTROL = "<html><body><img src='x.png'><a href='/x'></a></body></html>"
PHONE = {"width": 390, "height": 844}

# Installed before any of the page's own scripts, so every violation is recorded.
WATCH = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));
"""
LISTENING_BUTTONS = ("Array.from(document.querySelectorAll('button[data-copy]'))"
                     ".filter(b => (getEventListeners(b).click || []).length > 0).length")


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.headers, response.read()


# --- DOM and layout ----------------------------------------------------------------------

def dom(browser, name, base, feeds):
    page = browser.new_page()
    page.goto(base + "/")
    html = page.content()
    page.close()
    missing = [m for m in MUNICIPALITIES if f">{m}</a>" not in html]
    check(not missing, f"Chromium DOM ({name}): the eleven municipalities"
          + (f" — lacks {' '.join(missing)}" if missing else ""))
    links = len(set(re.findall(r'href="webcal://[^"]*"', html)))
    check(links == feeds, f"Chromium DOM ({name}): {links} webcal:// subscribe links for {feeds} feeds")


def screenshots(browser, base, out):
    page = browser.new_page(viewport=PHONE)
    for name, path in (("start", "/"), ("bjuv", "/kommuner/bjuv"),
                       ("decision", "/beslut/kdm-2026-04-10-scenario-3")):
        page.goto(base + path)
        shot = out / f"phone-{name}.png"
        page.screenshot(path=str(shot))
        check(shot.is_file() and shot.stat().st_size > 0, f"phone-size screenshot saved: {shot}")
    page.close()


# --- crawl ---------------------------------------------------------------------------------

class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def status(url):
    try:
        with OPENER.open(url, timeout=30) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), b""


def crawl(name, base, public):
    """Every address the pages lead to, from `/`; returns each page's SHA-256 and its classes, by path."""
    host = urllib.parse.urlsplit(base).netloc
    webcal = "webcal" + public[public.index("://"):]
    seen, queue, pages, broken, fragments, digests, classes = {"/"}, ["/"], {}, [], [], {}, {}
    counts = {"pages": 0, "feeds": 0, "files": 0, "links": 0, "elsewhere": 0}
    while queue:
        path = queue.pop(0)
        code, kind, body = status(base + path)
        if code != 200:
            broken.append(f"{path}→{code}")
            continue
        if path.endswith(".ics"):
            counts["feeds"] += 1
        elif kind.startswith("text/html"):
            counts["pages"] += 1
            html = body.decode("utf-8")
            pages[path] = set(IDS.findall(html))
            digests[path] = hashlib.sha256(body).hexdigest()
            classes[path] = {name for value in CLASSES.findall(html) for name in value.split()}
            for link in LINKS.findall(html):
                counts["links"] += 1
                link = link.replace("&amp;", "&")
                if link.startswith(webcal):
                    link = link[len(webcal):] or "/"
                if link.startswith(public):
                    link = link[len(public):] or "/"
                parts = urllib.parse.urlsplit(link)
                if not link or (not parts.scheme and not link.startswith(("/", "#"))):
                    continue  # a value that is no address
                if parts.scheme == "mailto" or (parts.netloc and parts.netloc != host):
                    counts["elsewhere"] += 1
                    continue
                target = urllib.parse.urljoin(path, parts.path) if parts.path else path
                if parts.fragment:
                    fragments.append((path, target, parts.fragment))
                if target not in seen:
                    seen.add(target)
                    queue.append(target)
        else:
            counts["files"] += 1
    for source, target, fragment in fragments:
        if target in pages and fragment not in pages[target]:
            broken.append(f"{source} → {target}#{fragment} (no such id)")
    check(not broken, f"crawl ({name}): {counts['pages']} pages, {counts['feeds']} feeds, {counts['files']} "
          f"other files, {counts['links']} links ({counts['elsewhere']} elsewhere, not followed): "
          f"{len(broken)} broken" + (f" — {' '.join(broken[:10])}" if broken else ""))
    return digests, classes


PAGE_HEADERS = ["Content-Type", "Content-Security-Policy", "Referrer-Policy", "X-Content-Type-Options",
                "X-Frame-Options", "Permissions-Policy", "Cache-Control"]


def same_page_headers(hosts, paths):
    """The headers that decide how a browser shows a page are the same from both hosts."""
    (_, server), (_, nginx) = hosts
    differ = []
    for path in paths:
        first, second = fetch(server + path)[0], fetch(nginx + path)[0]
        differ += [f"{path} {name}: {first.get(name)!r} ≠ {second.get(name)!r}"
                   for name in PAGE_HEADERS if first.get(name) != second.get(name)]
    check(not differ, f"the {len(paths)} pages carry the same {', '.join(PAGE_HEADERS)} from both hosts"
          + (f" — {'; '.join(differ[:5])}" if differ else ""))


REFLOW = {"width": 320, "height": 900}


def reflow_width(page):
    """The page's scroll width at 320 px, or None when it does not scroll sideways; leaves the
    window at 320 px. Measured on a page the axe-core pass has loaded anyway, so the reflow
    check costs a resize instead of a page load of its own."""
    page.set_viewport_size(REFLOW)
    width, window = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    return width if width > window else None


def reflow(name, paths, widths):
    """Reports the widths measured during the axe-core pass for every page the crawl found;
    a page the pass did not reach fails, so the check cannot shrink unnoticed."""
    wide = [f"{path} ({widths[path]} px)" if path in widths else f"{path} (not measured)"
            for path in paths if widths.get(path, 0) is not None]
    check(not wide, f"reflow ({name}): {len(paths)} pages at 320 px, none scrolls sideways"
          + (f" — wider: {' '.join(wide)}" if wide else ""))


def search(browser, name, base):
    page = browser.new_page()
    for query, expected in SEARCHES:
        page.goto(base + "/sok?q=" + urllib.parse.quote(query))
        page.wait_for_selector("#sok-svar li a", timeout=10_000)
        first = page.eval_on_selector("#sok-svar li a", "a => a.getAttribute('href')")
        check(first == expected, f"search ({name}): “{query}” → {first} (expected {expected})")
    page.close()


# --- Content-Security-Policy --------------------------------------------------------------

def load_under_policy(browser, url):
    """Opens url; returns (violations, CSP messages, body margin, listening buttons, buttons)."""
    page = browser.new_page()
    cdp = page.context.new_cdp_session(page)
    messages = []

    def note(text):
        if "Content Security Policy" in text or "Content-Security-Policy" in text:
            messages.append(text)

    cdp.on("Log.entryAdded", lambda p: note(p.get("entry", {}).get("text", "")))
    cdp.on("Runtime.consoleAPICalled",
           lambda p: note(" ".join(str(a.get("value", "")) for a in p.get("args", []))))
    cdp.on("Runtime.exceptionThrown", lambda p: note(json.dumps(p.get("exceptionDetails", {}))))
    cdp.send("Log.enable")
    cdp.send("Runtime.enable")
    page.add_init_script(WATCH)
    page.goto(url, wait_until="load")
    page.wait_for_timeout(300)  # violations are reported asynchronously
    violations = json.loads(page.evaluate("JSON.stringify(window.__csp || [])"))
    margin = page.evaluate("getComputedStyle(document.body).marginTop")
    listening = cdp.send("Runtime.evaluate", {
        "expression": LISTENING_BUTTONS, "returnByValue": True, "includeCommandLineAPI": True})
    buttons = page.evaluate("document.querySelectorAll('button[data-copy]').length")
    page.close()
    return violations, messages, margin, listening.get("result", {}).get("value"), buttons


def control_server(body, policy):
    """Serves `body` at / on a free loopback port with `policy` as its CSP."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Security-Policy", policy)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def content_security_policy(browser, base):
    fetched = {page: fetch(base + page) for page in CSP_PAGES}
    policy = fetched["/"][0].get("Content-Security-Policy", "")
    for page, (h, _) in fetched.items():
        check(h.get("Content-Security-Policy") == policy and "'sha256-" in policy
              and h.get("Referrer-Policy") == "no-referrer" and h.get("X-Content-Type-Options") == "nosniff",
              f"{page}: Content-Security-Policy, Referrer-Policy: no-referrer, X-Content-Type-Options: nosniff")
    print(f"     policy: {policy}")

    # The control: the same page under a policy with a wrong script hash and no style
    # source must be reported.
    wrong = policy.replace("script-src 'sha256-", "script-src 'sha256-AAAA").replace("style-src", "x-style-src")
    control = control_server(fetched["/"][1], wrong)
    try:
        violations, messages, margin, listening, _ = load_under_policy(
            browser, f"http://127.0.0.1:{control.server_address[1]}/")
    finally:
        control.shutdown()
    check(len(violations) >= 2 and messages and margin != "0px" and listening == 0,
          f"control (wrong hashes): Chromium reports {len(violations)} violations "
          f"({', '.join(sorted(set(violations)))}) and {len(messages)} log messages, "
          "style not applied, script blocked")

    for page in CSP_PAGES:
        violations, messages, margin, listening, buttons = load_under_policy(browser, base + page)
        check(not violations and not messages,
              f"{page} in Chromium: no CSP violation"
              + (f" — got {violations} {messages}" if violations or messages else ""))
        # A decision's page has no subscribe buttons; the others must have some.
        has_buttons = not page.startswith("/beslut/")
        check(margin == "0px" and listening == buttons and (buttons > 0 or not has_buttons),
              f"{page}: the inline style applied (body margin {margin}) and the inline script ran "
              f"({listening}/{buttons} copy buttons listen)")


# --- Accessibility -------------------------------------------------------------------------

MODES = [(1280, "light"), (1280, "dark"), (320, "light"), (320, "dark")]


def axe_clean(page, label, contrast=True):
    """Runs axe-core on the page as it is now; reports each violation; True when none."""
    rules = "" if contrast else ", rules: {'color-contrast': {enabled: false}}"
    violations = page.evaluate(f"axe.run(document, {{resultTypes: ['violations']{rules}}}).then(r => r.violations)")
    for violation in violations:
        target = violation["nodes"][0]["target"] if violation["nodes"] else "?"
        check(False, f"{label}: {violation['id']} ({violation['impact']}): {violation['help']} — {target}")
    return not violations


def axe_control(browser, axe):
    """A page with known violations: axe-core must report them, or its `clean` proves nothing."""
    page = browser.new_page()
    page.set_content(AXE_CONTROL)
    control = {v["id"] for v in axe.run(page).response["violations"]}
    page.close()
    check({"image-alt", "html-has-lang", "document-title"} <= control,
          f"control page: axe reports {len(control)} rules violated ({', '.join(sorted(control))})")


def axe_page(browser, axe):
    """One page for the whole axe-core pass. axe-core (0.5 MB) comes in as an init script:
    Playwright sends it to Chromium once, and it runs in each document before the page's
    own scripts, instead of being sent and evaluated again after every navigation."""
    page = browser.new_page()
    page.add_init_script(axe.axe_script)
    return page


def axe_templates(page, name, base, widths):
    """One page of each template in every width and scheme: loaded once, then the window
    resized and the scheme switched in place. The reflow width is taken at 320 px light."""
    clean = {mode: 0 for mode in MODES}
    applied = []
    for path in TEMPLATE_PAGES:
        page.set_viewport_size({"width": 1280, "height": 900})
        page.emulate_media(color_scheme="light")
        page.goto(base + path)
        for width, scheme in MODES:
            page.set_viewport_size({"width": width, "height": 900})
            page.emulate_media(color_scheme=scheme)
            if (width, scheme) == (320, "light"):
                widths[path] = reflow_width(page)
            applied.append(page.evaluate("[innerWidth, matchMedia('(prefers-color-scheme: dark)').matches]")
                           == [width, scheme == "dark"])
            clean[(width, scheme)] += axe_clean(page, f"{path} ({name}, {width} px, {scheme})")
    check(all(applied), f"each width and scheme took effect in place ({applied.count(True)} of {len(applied)})")
    for (width, scheme), count in clean.items():
        check(count == len(TEMPLATE_PAGES), f"axe-core ({name}, {width} px, {scheme}): "
              f"{count} of {len(TEMPLATE_PAGES)} pages, one of each template, clean")


def axe_others(page, name, base, classes, widths):
    """Every other page the crawl found, loaded at 1280 px light, then resized to 320 px for
    its reflow width. Colours come from classes: a page whose classes all appear on a
    template page, where contrast was just checked in every width and scheme, runs without
    the costly color-contrast rule; any other page runs every rule."""
    page.emulate_media(color_scheme="light")
    on_templates = set().union(*(classes.get(path, set()) for path in TEMPLATE_PAGES))
    rest = [path for path in sorted(classes) if path not in TEMPLATE_PAGES]
    new_classes = [path for path in rest if not classes[path] <= on_templates]
    count = 0
    for path in rest:
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(base + path)
        count += axe_clean(page, f"{path} ({name}, 1280 px, light)", contrast=path in new_classes)
        widths[path] = reflow_width(page)
    check(count == len(rest), f"axe-core ({name}, 1280 px, light): {count} of the {len(rest)} other pages "
          f"clean ({len(new_classes)} with a class no template page has ran color-contrast too)")


def accessibility(browser, name, base, classes, took):
    """axe-core on every page the crawl found, after its control; returns each page's
    reflow width at 320 px (None when it does not scroll sideways), measured on the way."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    axe_control(browser, axe)
    widths = {}
    page = axe_page(browser, axe)
    try:
        axe_templates(page, name, base, widths)
        took("axe-core and reflow, templates")
        axe_others(page, name, base, classes, widths)
        took("axe-core and reflow, other pages")
    finally:
        page.close()
    return widths


def pages(args):
    """The pages of one host in one Chromium session."""
    from playwright.sync_api import sync_playwright

    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    name, base = args.name, args.base
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=args.chromium, args=["--no-sandbox", "--disable-dev-shm-usage"])
        try:
            began = lap = time.monotonic()

            def took(what):
                nonlocal lap
                now = time.monotonic()
                print(f"     ({what}: {now - lap:.1f} s)")
                lap = now

            dom(browser, name, base, args.feeds)
            crawled, classes = crawl(name, base, args.public)
            took("crawl")
            search(browser, name, base)
            took("search")
            screenshots(browser, base, out)
            content_security_policy(browser, base)
            took("screenshots and CSP")
            widths = accessibility(browser, name, base, classes, took)
            reflow(name, sorted(crawled), widths)
            print(f"     browser checks took {time.monotonic() - began:.1f} s")
        finally:
            browser.close()


def agree(args):
    """The server gives the pages, their headers and the search index as nginx does."""
    hosts = (("server", args.server), ("nginx", args.nginx))
    crawled = {name: crawl(name, base, args.public)[0] for name, base in hosts}
    check(crawled["server"] == crawled["nginx"],
          f"the crawl finds the same {len(crawled['server'])} pages, byte for byte, on both hosts"
          + "".join(f" — {p} differs" for p in crawled["server"]
                    if crawled["server"][p] != crawled["nginx"].get(p)))
    same_page_headers(hosts, sorted(crawled["server"]))
    indexes = [fetch(base + "/sok.json")[1] for _, base in hosts]
    check(indexes[0] == indexes[1] and indexes[0], f"the search index /sok.json is the same "
          f"{len(indexes[0])} bytes on both hosts")


def main():
    parser = argparse.ArgumentParser()
    modes = parser.add_subparsers(dest="mode", required=True)
    one = modes.add_parser("pages", help="the pages of one host in headless Chromium")
    one.add_argument("--base", required=True, help="base URL of the host, e.g. nginx over Exports/")
    one.add_argument("--name", default="nginx", help="the host's name in the results")
    one.add_argument("--feeds", type=int, required=True,
                     help="the number of feeds the start page lists (all but people/)")
    one.add_argument("--public", required=True, help="the public address the pages' subscribe links carry")
    one.add_argument("--out", default=".test-output/browser")
    one.add_argument("--chromium", default="/usr/lib/chromium/chromium-headless-shell")
    both = modes.add_parser("agree", help="the server and nginx give the same pages")
    both.add_argument("--server", required=True, help="base URL of `samverkan serve`")
    both.add_argument("--nginx", required=True, help="base URL of nginx over a static export")
    both.add_argument("--public", required=True, help="the public address the pages' subscribe links carry")
    args = parser.parse_args()
    if args.mode == "pages":
        pages(args)
    else:
        agree(args)
    return TALLY.summary()


if __name__ == "__main__":
    sys.exit(main())
