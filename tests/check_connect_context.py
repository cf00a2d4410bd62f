#!/usr/bin/env python3
"""Fails when Qt code connects a signal to a lambda without a context object.

QObject::connect(sender, &Sender::signal, [..] {..}) runs the lambda in the
sender's thread and keeps it after everything it captured is gone; the
four-argument form, connect(sender, &Sender::signal, context, [..] {..}), runs it
in the context's thread and drops it with the context. Qt 6.7's
QT_NO_CONTEXTLESS_CONNECT (defined for all our Qt code) turns the three-argument
form into a compile error; Qt 6.4 does not know it, so this check does the same
for the sources: every connect( call whose third argument is a lambda, or a
QTimer::singleShot(ms, lambda) without a receiver, is reported as FILE:LINE.

Usage: check_connect_context.py [ROOT]  (default: the repository root); exit status 1
on a finding. A lambda kept in a variable first is not seen: pass it with a context.
"""
import pathlib
import re
import sys

FOLDERS = ("app", "widgets", "tests", "bench")


def strip_comments_and_strings(text):
    """The text with comments and string/char literals blanked out (newlines kept)."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i)); i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j])); i = j
        elif text.startswith('R"', i) and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            m = re.match(r'R"([^(\s]*)\(', text[i:])
            if not m:
                out.append(c); i += 1; continue
            end = ")" + m.group(1) + '"'
            j = text.find(end, i + m.end())
            j = n if j < 0 else j + len(end)
            out.append('""' + re.sub(r"[^\n]", " ", text[i + 2:j])); i = j
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            out.append(c + " " * (j - i - 1) + c); i = j + 1
        else:
            out.append(c); i += 1
    return "".join(out)


def arguments(text, open_paren):
    """The top-level arguments of the call whose '(' is at open_paren."""
    depth, start, args = 0, open_paren + 1, []
    pairs = {"(": ")", "[": "]", "{": "}"}
    stack = []
    for i in range(open_paren, len(text)):
        c = text[i]
        if c in pairs:
            stack.append(pairs[c])
        elif c in ")]}":
            if not stack:
                return None
            stack.pop()
            if not stack:
                args.append(text[start:i])
                return args
        elif c == "," and len(stack) == 1:
            args.append(text[start:i]); start = i + 1
    return None


def is_lambda(argument):
    return argument.strip().startswith("[")


def findings(path):
    text = strip_comments_and_strings(path.read_text(encoding="utf-8", errors="replace"))
    for match in re.finditer(r"\b(connect|singleShot)\s*\(", text):
        args = arguments(text, match.end() - 1)
        if args is None:
            continue
        line = text.count("\n", 0, match.start()) + 1
        if match.group(1) == "connect" and len(args) == 3 and is_lambda(args[2]):
            yield line, "connect() to a lambda without a context object"
        if match.group(1) == "singleShot" and len(args) == 2 and is_lambda(args[1]):
            yield line, "QTimer::singleShot() to a lambda without a context object"


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parents[1])
    found = 0
    for folder in FOLDERS:
        for path in sorted((root / folder).rglob("*")):
            if path.suffix not in (".cpp", ".h") or not path.is_file():
                continue
            for line, what in findings(path):
                print(f"{path.relative_to(root)}:{line}: {what}: add the object whose lifetime it depends on")
                found += 1
    if found:
        print(f"{found} context-less connection(s)", file=sys.stderr)
        return 1
    print("no context-less connection")
    return 0


if __name__ == "__main__":
    sys.exit(main())
