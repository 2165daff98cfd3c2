#!/usr/bin/env python3
"""Reads each message a digest run delivered with Python's email package and checks it.

Usage: check_mail.py FILE.eml...

For each message: no defect recorded anywhere (headers, encodings, parts); an RFC 2047
Swedish subject "Familjen Helsingborg vecka N: …"; Date, Message-ID, From, To,
List-Unsubscribe (mailto:) and Auto-Submitted: auto-generated; multipart/alternative of
text/plain and text/html in UTF-8 and nothing else (no calendar attachment); the text
links the person's feed. Prints one line per check and a count; exits 1 on any failure.
"""
import email
import email.policy
import email.utils
import re
import sys


def problems(raw):
    message = email.message_from_bytes(raw, policy=email.policy.default)
    found = []
    for part in message.walk():
        found += [f"defect in {part.get_content_type()}: {type(d).__name__}" for d in part.defects]
    raw_subject = re.search(rb"^Subject: (.*(?:\r\n .*)*)", raw, re.M)
    if not raw_subject or not raw_subject.group(1).startswith(b"=?UTF-8?B?"):
        found.append("Subject is not an RFC 2047 encoded word")
    subject = str(message["Subject"] or "")
    if not re.fullmatch(r"Familjen Helsingborg vecka \d+: .+", subject):
        found.append(f"subject reads {subject!r}")
    for name in ("Date", "Message-ID", "From", "To", "List-Unsubscribe", "Auto-Submitted"):
        if message[name] is None:
            found.append(f"no {name}")
    if message["Date"] is not None and email.utils.parsedate_to_datetime(str(message["Date"])) is None:
        found.append("Date does not parse")
    if not re.fullmatch(r"<[^<>@\s]+@[^<>@\s]+>", str(message["Message-ID"] or "")):
        found.append(f"Message-ID {message['Message-ID']!r}")
    if not str(message["List-Unsubscribe"] or "").startswith("<mailto:"):
        found.append("List-Unsubscribe is not a mailto:")
    if str(message["Auto-Submitted"] or "") != "auto-generated":
        found.append("Auto-Submitted is not auto-generated")
    types = [part.get_content_type() for part in message.walk()]
    if types != ["multipart/alternative", "text/plain", "text/html"]:
        found.append(f"parts {types}")
    for part in message.walk():
        if part.get_content_maintype() == "text" and part.get_content_charset() != "utf-8":
            found.append(f"{part.get_content_type()} in {part.get_content_charset()}")
    plain = message.get_body(("plain",))
    text = plain.get_content() if plain is not None else ""
    if "/feeds/people/" not in text or not text.startswith("Hej "):
        found.append("the text part does not greet the reader and link their feed")
    return subject, found


def main():
    failed = 0
    for path in sys.argv[1:]:
        with open(path, "rb") as file:
            subject, found = problems(file.read())
        status = "ok  " if not found else "FAIL"
        print(f"{status} {path}: {subject}" + "".join(f"\n       {p}" for p in found))
        failed += bool(found)
    print(f"{len(sys.argv) - 1} messages parsed, {failed} with problems")
    return 1 if failed or len(sys.argv) < 2 else 0


if __name__ == "__main__":
    sys.exit(main())
