"""Fails when a .ts file has a message without a finished translation.

Usage: check_translations.py [--lupdate LUPDATE --root ROOT] FILE.ts...
Prints each unfinished message with its context and source line, so a translator
knows what to fill in. With --lupdate, copies of the files are first brought up to
date with the sources under ROOT (as app/workbench/CMakeLists.txt says to), so a
string added to the window without running lupdate fails here too.
"""
import argparse
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


def main(paths, read_from=None):
    """Checks each of `paths`, reading it from read_from[path] where given (an updated copy)."""
    failed = False
    for path in paths:
        missing = list(unfinished_messages((read_from or {}).get(path, path)))
        for context, source in missing:
            print(f"{path}: {context}: untranslated: {source!r}")
        if missing:
            failed = True
        else:
            print(f"{path}: complete")
    return 1 if failed else 0


def updated_copies(lupdate, root, paths, folder):
    """Each of `paths` -> its copy in `folder`, updated by lupdate from the window's sources."""
    copies = {path: os.path.join(folder, os.path.basename(path)) for path in paths}
    for path, copy in copies.items():
        shutil.copyfile(path, copy)
    subprocess.run([lupdate, "-silent", "-I", ".", "-no-obsolete", "app/workbench", "widgets",
                    "-ts", *copies.values()], cwd=root, check=True)
    return copies


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Fails when a .ts file has an unfinished translation.")
    parser.add_argument("--lupdate", help="lupdate to bring copies of the files up to date first")
    parser.add_argument("--root", default=".", help="the repository, whose sources lupdate reads")
    parser.add_argument("files", nargs="+")
    arguments = parser.parse_args()
    if not arguments.lupdate:
        sys.exit(main(arguments.files))
    with tempfile.TemporaryDirectory() as folder:
        sys.exit(main(arguments.files, updated_copies(arguments.lupdate, arguments.root, arguments.files, folder)))
