#!/usr/bin/env python3
"""Reads `swift build` output on stdin and prints each compiler error once, as
`Data/FILE.swift:LINE: error: MESSAGE`, with a hint in Swedish for the five mistakes
staff most often make in Data/. Everything else the build prints is left out."""
import os
import re
import sys

ERROR = re.compile(r"^(?P<path>\S+?\.swift):(?P<line>\d+):(?:\d+:)? error: (?P<message>.*)$")

# (pattern in the message, hint): argument order, a missing comma or bracket, an unknown
# name, a misspelt label, a quote inside a string.
HINTS = [
    (r"argument '(\w+)' must precede argument '(\w+)'",
     "Argumenten står i fel ordning: skriv {0}: före {1}:, i den ordning exemplet överst i filen visar."),
    (r"expected ',' separator|expected '\)' in expression list|expected '\]'|expected expression in container|"
     r"consecutive statements on a line|expected '\)'|extraneous '\}'|expected '\}'",
     "Ett kommatecken eller en parentes saknas eller är för mycket, på raden eller raden ovanför."),
    (r"reference to member '(\w+)'|cannot find '(\w+)' in scope|type '\w+\.ID' has no member '(\w+)'",
     "Namnet .{0} finns inte: kontrollera stavningen, eller deklarera det först "
     "(public static let … = ….ID(\"…\")) i filen för den sortens post."),
    (r"extra argument '(\w+)'|incorrect argument label|missing argument for parameter|extraneous argument label",
     "En etikett är felstavad eller saknas: jämför med exemplet överst i filen."),
    (r"unterminated string literal|cannot find '\"' in scope",
     "Ett citattecken inne i en text avslutar texten: skriv \\\" i stället för \" inne i texten."),
]


def hint(message):
    for pattern, text in HINTS:
        match = re.search(pattern, message)
        if match:
            words = [group for group in match.groups() if group] if match.groups() else []
            try:
                return text.format(*words)
            except IndexError:
                return text.replace(".{0}", "").replace("{0}", "").replace("{1}", "")
    return None


def main():
    """One error per line of Data/: the first message with a hint, else the first message.
    The compiler often reports one mistake as several errors on the same line."""
    root = os.getcwd() + "/"
    lines = {}
    for raw in sys.stdin:
        match = ERROR.match(raw.rstrip("\n"))
        if not match:
            continue
        path = match["path"]
        path = path[len(root):] if path.startswith(root) else path
        lines.setdefault((path, int(match["line"])), []).append(match["message"])
    for (path, line), messages in lines.items():
        hinted = [(message, hint(message)) for message in messages if hint(message)]
        # A quote inside a string ends it early: the rest of the text reads as a name
        # after a missing comma.
        if any("expected ',' separator" in m for m in messages) and any("in scope" in m for m in messages):
            hinted = [(messages[0], HINTS[4][1])]
        message, text = hinted[0] if hinted else (messages[0], None)
        print(f"{path}:{line}: error: {message}")
        if text:
            print(f"    tips: {text}")
    if not lines:
        print("Bygget misslyckades utan ett fel i källkoden; kör `swift build` för hela utskriften.")


main()
