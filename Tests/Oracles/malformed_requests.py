#!/usr/bin/env python3
"""Sends a bounded, seeded stream of malformed requests to a running `samverkan serve`.

Usage: malformed_requests.py --port PORT --pid PID [--count N] [--seed S] [--time-limit SECONDS]

Every request is generated to be invalid (unknown paths, `..` and encoded traversal, %00,
overlong and invalid UTF-8 percent-encodings, bad dates, unknown parameters and values,
16 KB and 64 KB headers, 10 KB paths, methods other than GET/HEAD, broken request lines),
so every answer must be a 4xx. A 5xx, a dropped connection, a timeout or a 2xx/3xx is a
failure. The same batch is sent twice after a warm-up; the server's VmRSS (from
/proc/PID/status) after the second batch may exceed that after the first by at most
--rss-growth-mb. Afterwards the server must still answer /feeds/all.ics with 200.

Standard library only. Exits 1 on any failure.
"""

import argparse
import collections
import http.client
import os
import random
import socket
import string
import sys
import time

HOST = "127.0.0.1"

# Names that exist; generated names never start with "qx", so never match any of them
# exactly, by slug or as a prefix.
MUNICIPALITIES = ["bjuv", "helsingborg", "hoganas", "angelholm", "bastad", "orkelljunga", "klippan",
                  "astorp", "svalov", "landskrona", "perstorp"]
FEEDS = ["all.ics", "meetings.ics", "deadlines.ics", "start-dates.ics", "municipalities/bjuv.ics"]
VALID_PATHS = ["/", "/feeds/all.ics", "/kommuner/bjuv", "/api/feeds", "/api/people", "/api"]
PAGES = ["/", "/kommuner/bjuv", "/kommuner/helsingborg"]
# /api routes that take `on=`, and whether they need a name.
ON_ROUTES = ["/api/municipalities", "/api/municipalities/bjuv", "/api/people/fristedt", "/api/bodies",
             "/api/bodies/energinatverket"]
# /api routes that take no parameter at all, or only some.
API_ROUTES = ON_ROUTES + ["/api", "/api/", "/api/feeds", "/api/people", "/api/upcoming"]

# Percent sequences no strict decoder may accept: overlong forms of "." "/" "\" and NUL,
# UTF-16 surrogates, code points above U+10FFFF, lone continuation and truncated lead bytes,
# bytes that never occur in UTF-8, and escapes that are not escapes at all.
OVERLONG = ["%C0%AE", "%C0%AF", "%C1%9C", "%C0%80", "%E0%80%AE", "%E0%80%AF", "%F0%80%80%AE",
            "%F8%80%80%80%AE", "%FC%80%80%80%80%AF"]
INVALID_UTF8 = ["%FF", "%FE", "%80", "%BF", "%C3%28", "%C3", "%E2%82", "%E2%28%A1", "%ED%A0%80",
                "%ED%BF%BF", "%F4%90%80%80", "%F5%80%80%80", "%C3%A5%FF"]
NOT_ESCAPES = ["%", "%4", "%G1", "%%", "%zz", "%-1", "%+1"]
TRAVERSAL = ["..", "%2e%2e", "%2E%2E", ".%2e", "%2e.", ".", "%2e", "..%2f..", "%2e%2e%2f%2e%2e", "..%5c..",
             "%5c", "%2f", "%2F", "..\\..", "%2e%2e%5c"]
BAD_DATES = ["2026-02-30", "2026-13-01", "2026-00-10", "2026-04-00", "2026-04-31", "2025-02-29",
             "1900-02-29", "0000-01-01", "20260410", "2026-4-10", "2026-04-1", "26-04-10", "2026/04/10",
             "2026-04-10T00:00", "2026-04-10Z", " 2026-04-10", "2026-04-10 ", "%202026-04-10",
             "yesterday", "today", "", "-2026-04-10", "+2026-04-10", "2026-04-10%00", "%00",
             "%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%96-04-10", "2026-0%E0%A5%AA-10", "99999-01-01", "2026--04-10", "2026-04-10-", "%FF",
             "2026-04-10%C0%AE", "1e3", "NaN", "2026-W15"]
BAD_KINDS = ["birthdays", "MEETINGS", "Meetings", "meeting", "deadline", "start_dates", "startdates", "",
             "meetings,", ",meetings", "meetings,,deadlines", "meetings;deadlines", "*", "all", "%00",
             "meetings%00", "m%C3%A9etings"]
METHODS = ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND", "MKCOL", "LOCK", "COPY",
           "MOVE", "PURGE", "LINK", "UNLINK", "SEARCH", "REPORT"]
EXISTING = VALID_PATHS + ["/feeds/custom.ics?kind=meetings", "/api/upcoming?days=7",
                          "/organ/energinatverket", "/feeds/municipalities/bjuv.ics"]


class Request:
    """One request: either parts for a well-formed HTTP/1.1 message, or raw bytes."""

    def __init__(self, category, method="GET", target="/", headers=None, body=b"", raw=None):
        self.category = category
        self.method = method
        self.target = target
        self.headers = headers or []
        self.body = body
        self.raw = raw

    def bytes(self):
        if self.raw is not None:
            return self.raw
        lines = [f"{self.method} {self.target} HTTP/1.1", f"Host: {HOST}"]
        lines += [f"{name}: {value}" for name, value in self.headers]
        if self.body or self.method in ("POST", "PUT", "PATCH"):
            lines.append(f"Content-Length: {len(self.body)}")
        lines.append("Connection: close")
        return ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8") + self.body

    def describe(self):
        text = self.raw if self.raw is not None else f"{self.method} {self.target}".encode("utf-8")
        text = text[:160]
        return f"[{self.category}] {text!r}{'…' if len(self.bytes()) > 160 else ''}"


def word(rng, low=3, high=12):
    return "qx" + "".join(rng.choice(string.ascii_lowercase + string.digits + "-")
                          for _ in range(rng.randint(low, high)))


def generate(rng):
    """One invalid request from a random category."""
    kind = rng.choice([
        "unknown-path", "unknown-path", "traversal", "traversal", "nul", "overlong", "invalid-utf8",
        "not-escape", "bad-date", "bad-date", "bad-upcoming", "bad-custom", "bad-custom",
        "unknown-parameter", "unknown-parameter", "huge-header", "long-target", "method", "method",
        "broken-line", "head-unknown", "api-unknown-name",
    ])
    if kind == "unknown-path":
        prefix = rng.choice(["", "/feeds", "/feeds/municipalities", "/feeds/bodies", "/kommuner", "/organ",
                             "/Exports", "/api/nope", "/static", "/.git", "/FEEDS"])
        suffix = rng.choice(["", ".ics", ".html", ".json", ".tsv", "/x", ".ICS"])
        target = f"{prefix}/{word(rng)}{suffix}"
        if rng.random() < 0.3:
            target += "?" + rng.choice(["kind=meetings", "on=2026-04-10", "x=1", "a", "&&", "="])
        return Request(kind, target=target)
    if kind == "traversal":
        base = rng.choice(["/feeds", "/feeds/municipalities", "/kommuner", "/organ", "/api",
                           "/api/municipalities", ""])
        hops = "/".join(rng.choice(TRAVERSAL) for _ in range(rng.randint(1, 4)))
        tail = rng.choice(["etc/passwd", "Package.swift", "Exports/all.ics", "all.ics", "bjuv", "",
                           "feeds/all.ics", "Sources/samverkan/main.swift", "sequences.tsv"])
        target = f"{base}/{hops}/{tail}" if tail else f"{base}/{hops}"
        # "//" makes an empty segment; "/x/." or "/x/.." always has a dot segment.
        return Request(kind, target=target)
    if kind == "nul":
        target = rng.choice([
            "/feeds/all.ics%00", "/%00", "/feeds/%00all.ics", "/kommuner/bjuv%00", "/api/people/%00",
            "/api/municipalities/bjuv%00.json", "/organ/%00", "/feeds/all.ics%00.html",
            "/api/municipalities?on=%00", "/feeds/custom.ics?kind=%00", "/feeds/custom.ics?%00=meetings",
            "/feeds/custom.ics?municipality=bjuv%00", "/api/upcoming?from=%00",
        ])
        if rng.random() < 0.5:
            # Any control character in a parameter, where the slug of the value would
            # otherwise name something that exists.
            control = rng.choice(["%00", "%01", "%09", "%0A", "%0D", "%1B", "%7F", "%C2%80", "%C2%85",
                                  "%C2%9F"])
            target = rng.choice([
                "/feeds/custom.ics?municipality=bjuv", "/feeds/custom.ics?municipality=Bjuv",
                "/feeds/custom.ics?body=energinatverket", "/feeds/custom.ics?kind=meetings",
                "/api/upcoming?municipality=bjuv", "/api/upcoming?kind=meetings",
                "/api/upcoming?days=7", "/api/municipalities?on=2026-04-10",
            ]) + control
            if rng.random() < 0.3:
                key, _, value = target.partition("?")[2].partition("=")
                target = target.partition("?")[0] + "?" + control + key + "=" + value.replace(control, "")
        return Request(kind, target=target)
    if kind in ("overlong", "invalid-utf8", "not-escape"):
        sequence = rng.choice({"overlong": OVERLONG, "invalid-utf8": INVALID_UTF8,
                               "not-escape": NOT_ESCAPES}[kind])
        where = rng.choice(["path", "path", "name", "query-key", "query-value"])
        if where == "path":
            target = rng.choice(["/feeds/", "/kommuner/", "/organ/", "/", "/feeds/municipalities/"]) \
                + rng.choice(["", "bjuv", "all"]) + sequence + rng.choice(["", ".ics", "/x"])
        elif where == "name":
            target = rng.choice(["/api/municipalities/", "/api/people/", "/api/bodies/"]) \
                + rng.choice(["", "bj", "fristedt"]) + sequence
        elif where == "query-key":
            target = rng.choice(["/feeds/custom.ics?", "/api/upcoming?", "/api/municipalities?"]) \
                + "on" + sequence + "=2026-04-10"
        else:
            target = rng.choice(["/feeds/custom.ics?kind=meetings", "/feeds/custom.ics?municipality=bjuv",
                                 "/api/upcoming?from=2026-04-10", "/api/municipalities?on=2026-04-10",
                                 "/api/people/fristedt?on=2026-04-10"]) + sequence
        return Request(kind, target=target)
    if kind == "bad-date":
        route = rng.choice(ON_ROUTES)
        date = rng.choice(BAD_DATES).replace(" ", "%20")
        extra = rng.choice(["", "", "&on=2026-04-10"])
        target = f"{route}?on={date}{extra}"
        if rng.random() < 0.15:
            target = f"{route}?on=2026-04-10&on=2026-04-11"
        return Request(kind, target=target)
    if kind == "bad-upcoming":
        choice = rng.randrange(5)
        if choice == 0:
            target = "/api/upcoming?from=" + rng.choice(BAD_DATES).replace(" ", "%20")
        elif choice == 1:
            target = "/api/upcoming?days=" + rng.choice(["-1", "3661", "99999999999999999999", "abc", "",
                                                         "1.5", "%00", "0x10", "5e1", " 5", "%D9%A3"]).replace(" ", "%20")
        elif choice == 2:
            target = "/api/upcoming?municipality=" + word(rng)
        elif choice == 3:
            target = "/api/upcoming?kind=" + rng.choice(BAD_KINDS + ["start-date"])
        else:
            target = "/api/upcoming?from=2026-04-10&from=2026-04-11"
        return Request(kind, target=target)
    if kind == "bad-custom":
        choice = rng.randrange(6)
        if choice == 0:
            query = "kind=" + rng.choice(BAD_KINDS)
        elif choice == 1:
            query = "municipality=" + rng.choice([word(rng), "", "lund", "malmo", "%00", "bjuv,klippan"])
        elif choice == 2:
            query = "body=" + rng.choice([word(rng), "", "riksdagen", "%00"])
        elif choice == 3:
            query = "municipality=bjuv&municipality=klippan"
        elif choice == 4:
            query = "body=energinatverket&body=energinatverket"
        else:
            query = "kind=meetings&municipality=" + word(rng)
        return Request(kind, target="/feeds/custom.ics?" + query)
    if kind == "unknown-parameter":
        # The API and custom feeds refuse parameters they do not know; pages and the
        # standard feeds ignore queries, so they are not used here.
        route = rng.choice(API_ROUTES + ["/feeds/custom.ics"])
        name = rng.choice([word(rng), "color", "callback", "format", "On", "ON", "from ", "days",
                           "kind[]", "=", "", "%6Fn"]).replace(" ", "%20")
        if route.startswith("/api/upcoming") and name in ("days",):
            name = "dayz"
        if name == "" or name == "=":
            query = "=" + word(rng)
        elif name in ("days",) and not route.startswith("/api/upcoming"):
            query = "days=7"
        else:
            query = f"{name}={word(rng)}"
        if name == "%6Fn" and route in ON_ROUTES:
            query = "%6Fn=2026-13-01"  # decodes to on=, with a bad date
        return Request(kind, target=f"{route}?{query}")
    if kind == "huge-header":
        size = rng.choice([16 * 1024, 64 * 1024])
        name = rng.choice(["X-Padding", "Cookie", "User-Agent", "Referer", "If-None-Match", "Accept"])
        value = "".join(rng.choice(string.ascii_letters) for _ in range(64)) * (size // 64)
        target = rng.choice(["/" + word(rng), "/feeds/" + word(rng) + ".ics", "/kommuner/" + word(rng)])
        headers = [(name, value)]
        if rng.random() < 0.3:
            headers = [(f"X-H{i}", "y" * 60) for i in range(size // 64)]
        return Request(kind, target=target, headers=headers)
    if kind == "long-target":
        size = 10 * 1024
        choice = rng.randrange(4)
        if choice == 0:
            target = "/feeds/" + "a" * size + ".ics"
        elif choice == 1:
            target = "/" + "/".join(["x"] * (size // 2))
        elif choice == 2:
            target = "/feeds/custom.ics?kind=" + ",".join(["meetings"] * (size // 9))
        else:
            target = "/api/municipalities/" + "%C3%85" * (size // 6)
        return Request(kind, target=target)
    if kind == "method":
        method = rng.choice(METHODS)
        body = b"" if rng.random() < 0.5 else b"kind=meetings&x=" + word(rng).encode()
        return Request(kind, method=method, target=rng.choice(EXISTING), body=body)
    if kind == "head-unknown":
        return Request(kind, method="HEAD", target=rng.choice(["/", "/feeds/", "/api/"]) + word(rng))
    if kind == "api-unknown-name":
        route = rng.choice(["/api/municipalities/", "/api/people/", "/api/bodies/"])
        return Request(kind, target=route + word(rng) + rng.choice(["", "?on=2026-04-10"]))
    # Broken request lines and framing, over a raw socket. Targets are unknown, so that a
    # parser that tolerates the form still has to answer 404.
    unknown = "/" + word(rng)
    raw = rng.choice([
        b"GET\r\n\r\n",
        b"GET " + unknown.encode() + b"\r\n\r\n",
        b"GET " + unknown.encode() + b" HTTP/9.9\r\nHost: x\r\n\r\n",
        b"GET " + unknown.encode() + b" HTTX/1.1\r\nHost: x\r\n\r\n",
        b"GET  " + unknown.encode() + b"  HTTP/1.1\r\nHost: x\r\n\r\n",
        b"GET /\x01\x02 HTTP/1.1\r\nHost: x\r\n\r\n",
        b"GET /\x7f HTTP/1.1\r\nHost: x\r\n\r\n",
        b"GET " + unknown.encode() + b" HTTP/1.1\r\nHost: x\r\nNo-colon-here\r\n\r\n",
        b"GET " + unknown.encode() + b" HTTP/1.1\r\nHost: x\r\nBad Name: y\r\n\r\n",
        b"GET " + unknown.encode() + b" HTTP/1.1\r\nHost: x\r\nX: a\x00b\r\n\r\n",
        b"GET " + unknown.encode() + b" HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
        b"GET " + unknown.encode() + b" HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
        b"GET " + unknown.encode() + b" HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
        b"GET " + unknown.encode() + b" HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n",
        b"GET " + unknown.encode() + b" HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        b"GET " + unknown.encode() + b" HTTP/1.1\r\nHost: x\r\n \r\n\r\n",
        b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + bytes(range(32)) + b"\r\n\r\n",
        b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
        b"GET http://127.0.0.1" + unknown.encode() + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        b"GET * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        b"GET /feeds/\xff\xfe.ics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        b"GET /kommuner/\xc3\xa5" + unknown.encode() + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        b"GET " + unknown.encode() + b" HTTP/1.0\r\n\r\n",
        b"get " + unknown.encode() + b" HTTP/1.1\r\nHost: x\r\n\r\n",
        b"GET " + unknown.encode() + b" HTTP/1.1\nHost: x\nConnection: close\n\n",
        b"GET /%" + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        b"\r\n\r\n\r\nGARBAGE\r\n\r\n",
        b"GET " + unknown.encode() + b" HTTP/1.1\r\n" + b"X-Long: " + b"z" * (70 * 1024) + b"\r\n\r\n",
    ])
    return Request("broken-line", raw=raw)


def read_response(sock, head_only):
    """Reads one response. Returns its status, None if the connection closed before a
    status line and headers arrived, or -1 if what arrived is not HTTP."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            if not data:
                return None
            break
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    parts = lines[0].split(b" ")
    if len(parts) < 2 or not parts[0].startswith(b"HTTP/1.") or not parts[1].isdigit():
        return -1
    status = int(parts[1])
    if 100 <= status < 200:
        return read_response_after(sock, rest, head_only)
    length = 0
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    if not head_only and status not in (204, 304):
        while len(rest) < length:
            chunk = sock.recv(65536)
            if not chunk:
                return -1
            rest += chunk
    return status


def read_response_after(sock, buffered, head_only):
    # A 1xx interim answer: the final one follows. (Nothing here asks for one.)
    return read_response(sock, head_only)


def send(request, port, timeout):
    """Sends one request on a fresh connection and reads the answer. Returns the status,
    or a word for what went wrong: dropped, reset, timeout, garbled."""
    payload = request.bytes()
    try:
        with socket.create_connection((HOST, port), timeout=timeout) as sock:
            try:
                sock.sendall(payload)
            except (BrokenPipeError, ConnectionResetError):
                # The server may answer and close before reading all of a huge request;
                # its answer is still there to read.
                pass
            status = read_response(sock, request.method == "HEAD")
    except socket.timeout:
        return "timeout"
    except ConnectionResetError:
        return "reset"
    except OSError as error:
        return f"error {error}"
    if status is None:
        return "dropped"
    if status == -1:
        return "garbled"
    return status


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def get(port, path, timeout):
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read()
        return response.status, body
    finally:
        connection.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--count", type=int, default=1500, help="requests per batch (two batches)")
    parser.add_argument("--seed", type=int, default=20261127)
    parser.add_argument("--time-limit", type=float, default=600, help="seconds for the whole run")
    parser.add_argument("--timeout", type=float, default=10, help="seconds per request")
    parser.add_argument("--rss-growth-mb", type=float, default=5)
    args = parser.parse_args()

    started = time.monotonic()
    passed = 0
    failures = []

    def check(ok, what):
        nonlocal passed
        if ok:
            passed += 1
            print(f"ok   {what}")
        else:
            failures.append(what)
            print(f"FAIL {what}")

    rng = random.Random(args.seed)
    batch = [generate(rng) for _ in range(args.count)]

    # Warm-up: every kind of valid answer, and a sample of the batch, so that caches,
    # allocator arenas and the custom-feed cache are in place before RSS is measured.
    for path in VALID_PATHS + ["/feeds/" + feed for feed in FEEDS] + [
            "/feeds/custom.ics?kind=meetings&municipality=bjuv", "/api/municipalities?on=2026-04-10",
            "/api/upcoming?from=2026-04-10&days=60", "/api/people/fristedt?on=2026-04-10"]:
        for _ in range(3):
            status, _ = get(args.port, path, args.timeout)
            if status != 200:
                check(False, f"warm-up GET {path} answered {status}")
    for request in batch[: min(300, len(batch))]:
        send(request, args.port, args.timeout)
    rss_warm = rss_kb(args.pid)

    totals = collections.Counter()
    by_category = collections.defaultdict(collections.Counter)
    bad = []
    rss_after = []
    for round_number in (1, 2):
        for request in batch:
            if time.monotonic() - started > args.time_limit:
                check(False, f"time limit of {args.time_limit:.0f} s reached in batch {round_number}")
                break
            result = send(request, args.port, args.timeout)
            totals[result] += 1
            by_category[request.category][result] += 1
            if not (isinstance(result, int) and 400 <= result <= 499):
                bad.append((result, request))
        rss_after.append(rss_kb(args.pid))
        try:
            os.kill(args.pid, 0)
            alive = True
        except OSError:
            alive = False
        check(alive, f"server still running after batch {round_number}")
        if not alive:
            break

    sent = sum(totals.values())
    print()
    print(f"{sent} malformed requests ({args.count} per batch, 2 batches, seed {args.seed}) by answer:")
    for result, count in sorted(totals.items(), key=lambda item: str(item[0])):
        print(f"  {result}: {count}")
    print("by category:")
    for category in sorted(by_category):
        answers = ", ".join(f"{result}×{count}" for result, count in
                            sorted(by_category[category].items(), key=lambda item: str(item[0])))
        print(f"  {category:18} {answers}")
    print()

    seen = set()
    for result, request in bad:
        key = (str(result), request.describe())
        if key in seen:
            continue
        seen.add(key)
        if len(seen) <= 40:
            print(f"  not a 4xx ({result}): {request.describe()}")
    check(not bad, f"every answer is a 4xx ({sent - len(bad)} of {sent})")

    status, body = get(args.port, "/feeds/all.ics", args.timeout)
    check(status == 200 and body.startswith(b"BEGIN:VCALENDAR"), f"/feeds/all.ics answers {status} afterwards")

    if len(rss_after) == 2:
        growth = (rss_after[1] - rss_after[0]) / 1024
        print(f"VmRSS: {rss_warm / 1024:.1f} MB after warm-up, {rss_after[0] / 1024:.1f} MB after batch 1, "
              f"{rss_after[1] / 1024:.1f} MB after batch 2 (growth {growth:+.2f} MB, bound "
              f"{args.rss_growth_mb:g} MB)")
        check(growth <= args.rss_growth_mb,
              f"RSS grew {growth:+.2f} MB over the second batch (bound {args.rss_growth_mb:g} MB)")

    print(f"\n{passed} passed, {len(failures)} failed ({time.monotonic() - started:.1f} s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
