#!/usr/bin/env python3
"""The pages in one headless Chromium session: DOM, layout, Content-Security-Policy and
accessibility, against a running `samverkan serve` and nginx over a static export of the
same data (scripts/integration-test.sh starts both and runs this).

Usage: browser_checks.py --server BASE --nginx BASE --feeds N [--out DIR] [--chromium PATH]

- DOM (server and nginx): the start page names the eleven municipalities and has one
  webcal:// subscribe link per feed (N).
- Layout: at phone size (412×900) the start page does not scroll sideways; screenshots
  of it and of a municipality's page are saved to DIR/page.png and DIR/page-bjuv.png. (A
  municipality's page is not held to the width yet: its table of actions is wider than a
  phone.)
- Content-Security-Policy (server): the pages /, /kommuner/bjuv, /organ/energinatverket
  and a decision's page carry Content-Security-Policy, Referrer-Policy and
  X-Content-Type-Options; loaded, they raise no `securitypolicyviolation` event and no
  console or log message about the policy; the inline style applied (body margin 0, not
  the browser's 8px) and the inline script ran (the copy buttons listen; a decision's page
  has none). A control first serves the start page under a policy with wrong hashes:
  Chromium must report violations and log them there, or those checks prove nothing.
- Accessibility (server): axe-core (bundled by axe-playwright-python) on the start page
  and every page it leads to (municipalities, bodies, meetings, decisions), after a
  control page with known violations shows that violations are caught.

Drives Debian's Chromium through Playwright; the DevTools-only parts (log entries, event
listeners) go through a CDP session of the same browser. Prints one `ok`/`FAIL` line per
check and `N passed, M failed`; exits 1 on any failure.
"""

import argparse
import http.server
import json
import pathlib
import re
import sys
import threading
import urllib.request

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

from tally import Tally

TALLY = Tally()
check = TALLY.check

MUNICIPALITIES = ["Helsingborg", "Höganäs", "Ängelholm", "Båstad", "Örkelljunga", "Klippan", "Åstorp",
                  "Bjuv", "Svalöv", "Landskrona", "Perstorp"]
CSP_PAGES = ["/", "/kommuner/bjuv", "/organ/energinatverket", "/beslut/kdm-2026-04-10-scenario-3"]
PAGE_PATHS = re.compile(r'href="(/(?:kommuner|organ|moten|beslut)/[a-z0-9-]+)"')
AXE_CONTROL = "<html><body><img src='x.png'><a href='/x'></a></body></html>"
PHONE = {"width": 412, "height": 900}

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


def layout(browser, url, shot, fits=True):
    page = browser.new_page(viewport=PHONE)
    page.goto(url)
    widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    page.screenshot(path=str(shot))
    page.close()
    if fits:
        check(widths[0] <= widths[1],
              f"phone size: {url} is {widths[0]} px wide in a {widths[1]} px window (no sideways scroll)")
    check(shot.is_file() and shot.stat().st_size > 0, f"phone-size screenshot saved: {shot}")


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

def linked_pages(base):
    """The start page and every page it links to, and those pages' links, once each."""
    seen, queue = ["/"], ["/"]
    while queue:
        html = fetch(base + queue.pop(0))[1].decode("utf-8")
        for link in PAGE_PATHS.findall(html):
            if link not in seen:
                seen.append(link)
                queue.append(link)
    return seen


def accessibility(browser, base):
    axe = Axe()
    page = browser.new_page()
    page.set_content(AXE_CONTROL)
    control = {v["id"] for v in axe.run(page).response["violations"]}
    check({"image-alt", "html-has-lang", "document-title"} <= control,
          f"control page: axe reports {len(control)} rules violated ({', '.join(sorted(control))})")
    for path in linked_pages(base):
        page.goto(base + path)
        violations = axe.run(page).response["violations"]
        if not violations:
            check(True, f"{path}: no axe-core violations")
        for violation in violations:
            target = violation["nodes"][0]["target"] if violation["nodes"] else "?"
            check(False, f"{path}: {violation['id']} ({violation['impact']}): {violation['help']} — {target}")
    page.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", required=True, help="base URL of `samverkan serve`")
    parser.add_argument("--nginx", required=True, help="base URL of nginx over the static export")
    parser.add_argument("--feeds", type=int, required=True, help="the number of feeds in Exports/")
    parser.add_argument("--out", default=".test-output/integration")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=args.chromium, args=["--no-sandbox", "--disable-dev-shm-usage"])
        try:
            for name, base in (("server", args.server), ("nginx", args.nginx)):
                dom(browser, name, base, args.feeds)
            layout(browser, args.server + "/", out / "page.png")
            layout(browser, args.nginx + "/kommuner/bjuv", out / "page-bjuv.png", fits=False)
            content_security_policy(browser, args.server)
            accessibility(browser, args.server)
        finally:
            browser.close()
    return TALLY.summary()


if __name__ == "__main__":
    sys.exit(main())
