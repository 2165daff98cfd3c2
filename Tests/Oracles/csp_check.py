#!/usr/bin/env python3
"""Loads the server's pages in headless Chromium and checks their Content-Security-Policy.

Usage: csp_check.py --base http://127.0.0.1:PORT [--chromium chromium] [--out DIR]

Drives Chromium through its DevTools protocol over a pipe (--remote-debugging-pipe: no
network port, no extra Python package). For each page (/, /kommuner/bjuv,
/organ/energinatverket, /beslut/kdm-2026-04-10-scenario-3):
  - the response carries Content-Security-Policy, Referrer-Policy and
    X-Content-Type-Options;
  - no `securitypolicyviolation` event fires and no console or log message mentions the
    Content Security Policy;
  - the inline style sheet applied (body margin 0, not the browser's 8px) and the inline
    script ran (the copy buttons have their click listeners; a decision's page has none).
A control first serves the same page from a local server with a policy that names a
wrong hash: Chromium must report violations there, or the check above proves nothing.

Bounded: every wait has a deadline (about 20 s in all). Exits 1 on any failure.
"""

import argparse
import http.server
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

from tally import Tally

TALLY = Tally()
check = TALLY.check


class Chromium:
    """Chromium with the DevTools protocol on fds 3 (commands in) and 4 (messages out)."""

    def __init__(self, binary, profile):
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()

        def wire():
            os.dup2(to_chrome_r, 3)
            os.dup2(from_chrome_w, 4)

        self.process = subprocess.Popen(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
             "--remote-debugging-pipe", f"--user-data-dir={profile}", "--no-first-run",
             "--disable-extensions", "about:blank"],
            pass_fds=(3, 4), preexec_fn=wire, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def close(self):
        try:
            self.send("Browser.close")
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self.to_chrome)
        os.close(self.from_chrome)

    def _read_message(self, deadline):
        while b"\0" not in self.buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("no message from Chromium")
            ready, _, _ = select.select([self.from_chrome], [], [], remaining)
            if ready:
                chunk = os.read(self.from_chrome, 1 << 20)
                if not chunk:
                    raise EOFError("Chromium closed the pipe")
                self.buffer += chunk
        message, _, self.buffer = self.buffer.partition(b"\0")
        return json.loads(message)

    def send(self, method, params=None, session=None, timeout=15):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_chrome, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_event(self, method, session, timeout=15):
        deadline = time.monotonic() + timeout
        for i, event in enumerate(self.events):
            if event.get("method") == method and event.get("sessionId") == session:
                return self.events.pop(i)
        while True:
            event = self._read_message(deadline)
            if event.get("method") == method and event.get("sessionId") == session:
                return event
            self.events.append(event)

    def evaluate(self, session, expression, command_line_api=False):
        result = self.send("Runtime.evaluate", {
            "expression": expression, "returnByValue": True, "awaitPromise": True,
            "includeCommandLineAPI": command_line_api}, session)
        return result.get("result", {}).get("value")


WATCH = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));
"""


def load(chrome, url):
    """Opens url in a new tab; returns (violations, CSP messages, body margin, listeners)."""
    target = chrome.send("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = chrome.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    for method in ("Page.enable", "Runtime.enable", "Log.enable"):
        chrome.send(method, session=session)
    chrome.send("Page.addScriptToEvaluateOnNewDocument", {"source": WATCH}, session)
    chrome.events.clear()
    chrome.send("Page.navigate", {"url": url}, session)
    chrome.wait_event("Page.loadEventFired", session)
    time.sleep(0.3)  # violations are reported asynchronously
    violations = chrome.evaluate(session, "JSON.stringify(window.__csp || [])")
    margin = chrome.evaluate(session, "getComputedStyle(document.body).marginTop")
    listeners = chrome.evaluate(
        session,
        "Array.from(document.querySelectorAll('button[data-copy]'))"
        ".filter(b => (getEventListeners(b).click || []).length > 0).length",
        command_line_api=True)
    buttons = chrome.evaluate(session, "document.querySelectorAll('button[data-copy]').length")
    messages = []
    for event in chrome.events:
        if event.get("sessionId") != session:
            continue
        params = event.get("params", {})
        text = ""
        if event.get("method") == "Log.entryAdded":
            text = params.get("entry", {}).get("text", "")
        elif event.get("method") == "Runtime.consoleAPICalled":
            text = " ".join(str(a.get("value", "")) for a in params.get("args", []))
        elif event.get("method") == "Runtime.exceptionThrown":
            text = json.dumps(params.get("exceptionDetails", {}))
        if "Content Security Policy" in text or "Content-Security-Policy" in text:
            messages.append(text)
    chrome.send("Target.closeTarget", {"targetId": target})
    return json.loads(violations or "[]"), messages, margin, listeners, buttons


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


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    args = parser.parse_args()

    pages = ["/", "/kommuner/bjuv", "/organ/energinatverket", "/beslut/kdm-2026-04-10-scenario-3"]
    headers = {}
    bodies = {}
    for page in pages:
        with urllib.request.urlopen(args.base + page, timeout=10) as response:
            headers[page] = response.headers
            bodies[page] = response.read()
    policy = headers["/"].get("Content-Security-Policy", "")
    for page in pages:
        h = headers[page]
        check(h.get("Content-Security-Policy") == policy and "'sha256-" in policy
              and h.get("Referrer-Policy") == "no-referrer" and h.get("X-Content-Type-Options") == "nosniff",
              f"{page}: Content-Security-Policy, Referrer-Policy: no-referrer, X-Content-Type-Options: nosniff")
    print(f"     policy: {policy}")

    profile = tempfile.mkdtemp(prefix="csp-chromium-")
    chrome = Chromium(args.chromium, profile)
    try:
        # The control: the same page under a policy with a wrong script hash and no style
        # source must be reported.
        wrong = policy.replace("script-src 'sha256-", "script-src 'sha256-AAAA").replace("style-src", "x-style-src")
        control = control_server(bodies["/"], wrong)
        try:
            violations, messages, margin, listeners, _ = load(
                chrome, f"http://127.0.0.1:{control.server_address[1]}/")
        finally:
            control.shutdown()
        check(len(violations) >= 2 and margin != "0px" and listeners == 0,
              f"control (wrong hashes): Chromium reports {len(violations)} violations "
              f"({', '.join(sorted(set(violations)))}), style not applied, script blocked")

        for page in pages:
            violations, messages, margin, listeners, buttons = load(chrome, args.base + page)
            check(not violations and not messages,
                  f"{page} in Chromium: no CSP violation"
                  + (f" — got {violations} {messages}" if violations or messages else ""))
            # A decision's page has no subscribe buttons; the others must have some.
            has_buttons = not page.startswith("/beslut/")
            check(margin == "0px" and listeners == buttons and (buttons > 0 or not has_buttons),
                  f"{page}: the inline style applied (body margin {margin}) and the inline script ran "
                  f"({listeners}/{buttons} copy buttons listen)")
    finally:
        chrome.close()
        shutil.rmtree(profile, ignore_errors=True)

    return TALLY.summary()


if __name__ == "__main__":
    sys.exit(main())
