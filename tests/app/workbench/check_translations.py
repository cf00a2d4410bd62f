"""Fails when a .ts file has a message without a finished translation.

Usage: check_translations.py [--lupdate LUPDATE --root ROOT] FILE.ts...
Prints each unfinished message with its context and source line, so a translator
knows what to fill in. With --lupdate, copies of the files are first brought up to
date with the sources under ROOT (as app/workbench/CMakeLists.txt says to), so a
string added to the window without running lupdate fails here too.
"""
import os
import shutil
import subprocess
import sys
import tempfile
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


def updated_copies(lupdate, root, paths, folder):
    """Copies of `paths` in `folder`, updated by lupdate from the window's sources."""
    copies = []
    for path in paths:
        copy = os.path.join(folder, os.path.basename(path))
        shutil.copyfile(path, copy)
        copies.append(copy)
    subprocess.run([lupdate, "-silent", "-I", ".", "-no-obsolete", "app/workbench", "widgets", "-ts", *copies],
                   cwd=root, check=True)
    return copies


if __name__ == "__main__":
    arguments = sys.argv[1:]
    if arguments[:1] == ["--lupdate"]:
        lupdate, root, files = arguments[1], arguments[3], arguments[4:]
        with tempfile.TemporaryDirectory() as folder:
            sys.exit(main(updated_copies(lupdate, root, files, folder)))
    sys.exit(main(arguments))
