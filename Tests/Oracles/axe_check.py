#!/usr/bin/env python3
"""Accessibility of every page under axe-core, in headless Chromium.

Starts from the start page of a running server, follows its same-site links to the
pages (municipalities, bodies, meetings, decisions) and runs axe-core (bundled by
axe-playwright-python) on each, with Debian's Chromium. Any violation fails the run and
is listed with its rule, impact and the first offending element. A control page with
known violations runs first, so a check that silently passes everything is caught.

    python3 Tests/Oracles/axe_check.py --base http://127.0.0.1:PORT
"""
import argparse
import re
import sys
import urllib.request

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

PAGE_PATHS = re.compile(r'href="(/(?:kommuner|organ|moten|beslut)/[a-z0-9-]+)"')
CONTROL = "<html><body><img src='x.png'><a href='/x'></a></body></html>"


def pages(base):
    """The start page and every page it links to, and those pages' links, once each."""
    seen, queue = ["/"], ["/"]
    while queue:
        path = queue.pop(0)
        with urllib.request.urlopen(base + path, timeout=30) as response:
            html = response.read().decode("utf-8")
        for link in PAGE_PATHS.findall(html):
            if link not in seen:
                seen.append(link)
                queue.append(link)
    return seen


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    axe = Axe()
    failures = 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=args.chromium, args=["--no-sandbox", "--disable-dev-shm-usage"])
        page = browser.new_page()
        page.set_content(CONTROL)
        control = {v["id"] for v in axe.run(page).response["violations"]}
        if {"image-alt", "html-has-lang", "document-title"} <= control:
            print(f"ok   control page: axe reports {len(control)} rules violated ({', '.join(sorted(control))})")
        else:
            print(f"FAIL control page: axe reported only {sorted(control)}")
            failures += 1
        paths = pages(args.base)
        for path in paths:
            page.goto(args.base + path)
            violations = axe.run(page).response["violations"]
            if violations:
                failures += 1
                for violation in violations:
                    target = violation["nodes"][0]["target"] if violation["nodes"] else "?"
                    print(f"FAIL {path}: {violation['id']} ({violation['impact']}): {violation['help']} — {target}")
            else:
                print(f"ok   {path}: no axe-core violations")
        browser.close()
    print(f"\n{len(paths)} pages checked, {failures} with violations (control included)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
