#!/usr/bin/env python3
"""A local SMTP server for the digest's mail test (aiosmtpd, on loopback only).

Usage: mail_sink.py DIR

Listens on a free port of 127.0.0.1, writes the port to DIR/port, and stores each message
it accepts as DIR/received/N.eml with its envelope recipients in DIR/received/N.rcpt. It
refuses (550) any recipient listed, one per line, in DIR/refuse, read at each RCPT, so a
test can make one delivery fail and then let it through.
"""
import asyncio
import pathlib
import socket
import sys

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, folder):
        self.folder = folder
        self.received = folder / "received"
        self.received.mkdir(parents=True, exist_ok=True)

    def refused(self):
        path = self.folder / "refuse"
        return set(path.read_text().split()) if path.exists() else set()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refused():
            return f"550 5.1.1 <{address}>: refused by the test"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        number = len(list(self.received.glob("*.eml"))) + 1
        (self.received / f"{number}.eml").write_bytes(envelope.original_content)
        (self.received / f"{number}.rcpt").write_text("\n".join(envelope.rcpt_tos) + "\n")
        return "250 Message accepted"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    folder = pathlib.Path(sys.argv[1])
    port = free_port()
    controller = Controller(Sink(folder), hostname="127.0.0.1", port=port)
    controller.start()
    (folder / "port").write_text(f"{port}\n")
    try:
        asyncio.run(asyncio.Event().wait())
    except KeyboardInterrupt:
        pass
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
