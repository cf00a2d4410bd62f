"""Fails when a .ts file has a message without a finished translation.

Usage: check_translations.py FILE.ts...  Prints each unfinished message with its
context and source line, so a translator knows what to fill in.
"""
import sys
import xml.etree.ElementTree as ElementTree


def unfinished_messages(path):
    root = ElementTree.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            numerus = message.get("numerus") == "yes"
            if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
                yield name, message.findtext("source")
            elif numerus and not any((form.text or "").strip() for form in translation.iter("numerusform")):
                yield name, message.findtext("source")
            elif not numerus and not (translation.text or "").strip():
                yield name, message.findtext("source")


def main(paths):
    failed = False
    for path in paths:
        missing = list(unfinished_messages(path))
        for context, source in missing:
            print(f"{path}: {context}: untranslated: {source!r}")
        if missing:
            failed = True
        else:
            print(f"{path}: complete")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
