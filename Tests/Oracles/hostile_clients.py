#!/usr/bin/env python3
"""`samverkan serve` against clients that hold connections, on loopback only.

Usage: hostile_clients.py --bin PATH/TO/samverkan [--exports Exports] [--out DIR]

Starts the server three times on a free 127.0.0.1 port with short limits and checks:

1. Timeouts (--header-timeout 1 --idle-timeout 2): 300 connections that sent half a
   request header and 40 that trickle a byte every 0.25 s are all closed between 1 s and
   1 s + slack after they connected; 40 keep-alive connections that were answered and then
   sent nothing are closed between 2 s and 2 s + slack after their answer; meanwhile a
   new client gets /feeds/all.ics, byte for byte.
2. Ceiling (--max-connections 100): 250 half-header connections, more than the
   ceiling; the oldest are closed to make room, the server holds at most 100 client
   sockets (counted in /proc/PID/fd), and a new client still gets its feed.
3. SIGTERM (--shutdown-timeout 3): with 16 clients requesting feeds in a loop on
   keep-alive connections, 20 idle keep-alive connections, 20 half-header connections and
   one client that pipelined 4,000 requests and reads nothing: after SIGTERM no response
   that had begun is cut short, new connections are refused, and the process exits 0
   within 3 s + slack (the stuck client is dropped at the shutdown timeout).

Bounded: every wait has a deadline; the whole run takes about 30 s. Standard library only.
Prints one line per check and `N passed, M failed`; exits 1 on any failure.
"""

import argparse
import http.client
import os
import selectors
import signal
import socket
import subprocess
import sys
import threading
import time

from tally import Tally

HOST = "127.0.0.1"
SLACK = 1.5  # seconds a close may come after its timeout on a loaded 2-core machine

TALLY = Tally()
check = TALLY.check


def free_port():
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, binary, exports, log_path, *options):
        self.port = free_port()
        self.log = open(log_path, "w")
        self.process = subprocess.Popen(
            [binary, "serve", "--host", HOST, "--port", str(self.port), "--exports", exports, *options],
            stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"FAIL server exited with {self.process.returncode}; see {log_path}")
            try:
                status, _ = get(self.port, "/feeds/all.ics", timeout=2)
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise SystemExit("FAIL server did not start within 60 s")

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()

    def client_sockets(self):
        """Established TCP sockets the server holds to clients (not the listener)."""
        inodes = set()
        for fd in os.listdir(f"/proc/{self.process.pid}/fd"):
            try:
                target = os.readlink(f"/proc/{self.process.pid}/fd/{fd}")
            except OSError:
                continue
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
        count = 0
        for table in ("/proc/net/tcp", "/proc/net/tcp6"):
            try:
                lines = open(table).read().splitlines()[1:]
            except OSError:
                continue
            for line in lines:
                fields = line.split()
                # state 01 = ESTABLISHED; fields[9] is the inode.
                if fields[3] == "01" and fields[9] in inodes:
                    count += 1
        return count


def get(port, path, headers=None, timeout=5):
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def connect(port):
    s = socket.create_connection((HOST, port), timeout=5)
    s.setblocking(False)
    return s


HALF_HEADER = b"GET /feeds/all.ics HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow"


def wait_for_close(sockets, until):
    """Watches sockets until each is closed by the peer or `until` (monotonic) passes.
    Returns {socket: monotonic time of close}; sockets still open are absent."""
    closed = {}
    selector = selectors.DefaultSelector()
    for s in sockets:
        selector.register(s, selectors.EVENT_READ)
    while len(closed) < len(sockets) and time.monotonic() < until:
        for key, _ in selector.select(timeout=max(0, min(0.1, until - time.monotonic()))):
            s = key.fileobj
            try:
                data = s.recv(65536)
            except BlockingIOError:
                continue
            except OSError:
                data = b""
            if not data:
                closed[s] = time.monotonic()
                selector.unregister(s)
    selector.close()
    return closed


def read_response(s, deadline):
    """Reads one HTTP response with Content-Length from a blocking socket."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = s.recv(65536)
        if not chunk:
            return None, data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    while len(body) < length and time.monotonic() < deadline:
        chunk = s.recv(65536)
        if not chunk:
            break
        body += chunk
    return head, body


def timeouts(args, expected):
    server = Server(args.bin, args.exports, f"{args.out}/serve-timeouts.log",
                    "--header-timeout", "1", "--idle-timeout", "2", "--max-connections", "2000")
    try:
        # Keep-alive connections: answered once, then silent.
        idle = []
        answered = {}
        for _ in range(40):
            s = socket.create_connection((HOST, server.port), timeout=5)
            s.sendall(b"GET /feeds/meetings.ics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            head, body = read_response(s, time.monotonic() + 5)
            check_ok = head is not None and head.startswith(b"HTTP/1.1 200")
            if not check_ok:
                check(False, "keep-alive connection answered before it idles")
            answered[s] = time.monotonic()
            s.setblocking(False)
            idle.append(s)

        # Opened in batches, so that a slow accept loop does not overflow the listen
        # backlog (the kernel would then reset some connections, which is not the server).
        trickle = [connect(server.port) for _ in range(40)]
        trickle_start = time.monotonic()
        start = time.monotonic()
        partial = []
        for i in range(300):
            s = connect(server.port)
            s.send(HALF_HEADER)
            partial.append(s)
            if i % 50 == 49:
                time.sleep(0.02)
        opened = time.monotonic()

        # A trickler sends one byte every 0.25 s for 3 s (more than the header timeout).
        stop = threading.Event()

        def trickler():
            request = b"GET /feeds/all.ics HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 100
            for i in range(12):
                if stop.wait(0.25):
                    return
                for s in trickle:
                    try:
                        s.send(request[i:i + 1])
                    except OSError:
                        pass

        thread = threading.Thread(target=trickler)
        thread.start()

        # A new client is served while all of those are held.
        status, body = get(server.port, "/feeds/all.ics", timeout=5)
        check(status == 200 and body == expected,
              f"a new client gets /feeds/all.ics ({len(body)} bytes) while 380 slow connections are held")

        closed = wait_for_close(partial + trickle + idle, time.monotonic() + 2 + SLACK + 1.5)
        stop.set()
        thread.join()

        def report(label, sockets, began, timeout, finished=None):
            """`began`: when the timeouts started, one time for all or one per socket."""
            times = [closed.get(s) for s in sockets]
            still_open = sum(t is None for t in times)
            start = began if isinstance(began, dict) else {s: began for s in sockets}
            ages = [closed[s] - start[s] for s in sockets if s in closed]
            early = [a for a in ages if a < timeout - 0.1]
            late = [a for a in ages if a > timeout + SLACK + (finished - min(start.values()) if finished else 0)]
            shown = f"{min(ages):.2f}–{max(ages):.2f} s" if ages else "none closed"
            check(still_open == 0 and not early and not late,
                  f"{label}: {len(sockets) - still_open}/{len(sockets)} closed by the server after {shown} "
                  f"(timeout {timeout} s)")

        report("300 half-header connections", partial, start, 1, finished=opened)
        report("40 connections trickling a byte every 0.25 s", trickle, trickle_start, 1)
        report("40 idle keep-alive connections", idle, answered, 2)
        for s in partial + trickle + idle:
            s.close()
        status, body = get(server.port, "/feeds/all.ics")
        check(status == 200 and body == expected, "the server still answers after the timeouts")
    finally:
        server.stop()


def ceiling(args, expected):
    limit = 100
    server = Server(args.bin, args.exports, f"{args.out}/serve-ceiling.log",
                    "--header-timeout", "30", "--max-connections", str(limit))
    held = []
    try:
        for _ in range(250):
            s = connect(server.port)
            s.send(HALF_HEADER)
            held.append(s)
            time.sleep(0.002)  # keep the accept order the connect order
        time.sleep(0.5)
        closed = wait_for_close(held, time.monotonic() + 1.0)
        open_at_server = server.client_sockets()
        check(open_at_server <= limit,
              f"250 half-header connections against a ceiling of {limit}: the server holds {open_at_server}")
        oldest_closed = all(s in closed for s in held[:100])
        newest_open = all(s not in closed for s in held[-limit + 10:])
        check(len(closed) >= 250 - limit and oldest_closed and newest_open,
              f"it closed {len(closed)} of them, the oldest first (first 100 closed, newest {limit - 10} open)")
        status, body = get(server.port, "/feeds/all.ics", timeout=5)
        check(status == 200 and body == expected, "a new client still gets /feeds/all.ics byte for byte")
        statuses = []
        for path in ("/", "/api/feeds", "/feeds/municipalities/bjuv.ics"):
            statuses.append(get(server.port, path, timeout=5)[0])
        check(statuses == [200, 200, 200], f"and the page, the API and a municipality feed: {statuses}")
        log = open(f"{args.out}/serve-ceiling.log").read()
        check("ceiling 100" in log, "the log notes the shedding")
    finally:
        for s in held:
            s.close()
        server.stop()


def shutdown(args, expected):
    server = Server(args.bin, args.exports, f"{args.out}/serve-shutdown.log",
                    "--shutdown-timeout", "3", "--idle-timeout", "60", "--header-timeout", "60")
    port = server.port
    # Idle keep-alive connections and half-header connections.
    idle = []
    for _ in range(20):
        s = socket.create_connection((HOST, port), timeout=5)
        s.sendall(b"GET /feeds/deadlines.ics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        read_response(s, time.monotonic() + 5)
        s.setblocking(False)
        idle.append(s)
    partial = []
    for _ in range(20):
        s = connect(port)
        s.send(HALF_HEADER)
        partial.append(s)
    # A client that pipelines requests and reads nothing: the server's writes block.
    stuck = socket.create_connection((HOST, port), timeout=5)
    stuck.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    stuck.sendall(b"GET /feeds/all.ics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" * 4000)

    # Load: 16 clients, each requesting in a loop on one keep-alive connection.
    stop = threading.Event()
    results = {"complete": 0, "truncated": 0, "refused": 0, "closed_before_answer": 0, "other": []}
    lock = threading.Lock()

    def loader():
        connection = None
        while not stop.is_set():
            try:
                if connection is None:
                    connection = http.client.HTTPConnection(HOST, port, timeout=10)
                connection.request("GET", "/feeds/all.ics")
                response = connection.getresponse()
            except ConnectionRefusedError:
                with lock:
                    results["refused"] += 1
                connection = None
                time.sleep(0.05)
                continue
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # Closed before any byte of an answer: a proxy retries these.
                with lock:
                    results["closed_before_answer"] += 1
                connection = None
                continue
            try:
                body = response.read()
                ok = response.status == 200 and body == expected
            except (http.client.IncompleteRead, OSError):
                ok = False
            with lock:
                results["complete" if ok else "truncated"] += 1
            if response.will_close:
                connection.close()
                connection = None

    threads = [threading.Thread(target=loader) for _ in range(16)]
    for t in threads:
        t.start()
    time.sleep(1.0)
    with lock:
        before = results["complete"]
    signalled = time.monotonic()
    server.process.send_signal(signal.SIGTERM)
    closed = wait_for_close(idle + partial, signalled + 3)
    # A connection with half a request closes at once; one kept alive after an answer
    # stays for the server's one-second drain (a proxy may have sent a request on it).
    half = [closed[s] - signalled for s in partial if s in closed]
    kept = [closed[s] - signalled for s in idle if s in closed]
    check(len(half) == 20 and max(half) < 1.0,
          f"SIGTERM: {len(half)}/20 half-header connections closed at once "
          f"({max(half):.2f} s)" if half else "SIGTERM: no half-header connection closed")
    check(len(kept) == 20 and max(kept) < 1.0 + 0.5,
          f"SIGTERM: {len(kept)}/20 idle kept-alive connections closed after the 1 s drain "
          f"({max(kept):.2f} s)" if kept else "SIGTERM: no idle connection closed")
    time.sleep(0.3)
    try:
        socket.create_connection((HOST, port), timeout=2).close()
        refused = False
    except ConnectionRefusedError:
        refused = True
    check(refused, "after SIGTERM new connections are refused (a proxy tries the other instance)")
    try:
        code = server.process.wait(timeout=3 + SLACK + 2)
    except subprocess.TimeoutExpired:
        code = None
    elapsed = time.monotonic() - signalled
    stop.set()
    for t in threads:
        t.join(timeout=15)
    check(code == 0 and elapsed <= 3 + SLACK + 2,
          f"the server exited {code} {elapsed:.2f} s after SIGTERM (shutdown timeout 3 s; one client never reads)")
    check(results["truncated"] == 0 and results["complete"] > before,
          f"under load: {results['complete']} complete answers ({results['complete'] - before} after the "
          f"first second), {results['truncated']} cut short, {results['closed_before_answer']} connections closed "
          f"before an answer began, {results['refused']} refused")
    server.stop()
    for s in idle + partial + [stuck]:
        s.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--exports", default="Exports")
    parser.add_argument("--out", default=".test-output/hostile")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    expected = open(os.path.join(args.exports, "all.ics"), "rb").read()
    timeouts(args, expected)
    ceiling(args, expected)
    shutdown(args, expected)
    return TALLY.summary()


if __name__ == "__main__":
    sys.exit(main())
