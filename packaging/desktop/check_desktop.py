#!/usr/bin/env python3
"""The desktop files agree with the program and with each other.

The validators (desktop-file-validate, appstreamcli) check each file's form;
this checks what they cannot know: the desktop entry starts the program the
build makes and names the icon the build draws, the AppStream file launches
that entry and its newest release is the project's version, its screenshots
are the README's, every icon size is a PNG of that size, and the entry is
translated into the languages the window is.
"""
import argparse
import configparser
import re
import struct
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path


def read_desktop_entry(path):
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def png_size(path):
    data = path.read_bytes()[:24]
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", data[16:24])


def main():
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--share", type=Path, required=True, help="the build's share/ folder")
    options.add_argument("--root", type=Path, required=True, help="the source tree")
    options.add_argument("--version", required=True, help="the project's version")
    options.add_argument("--app-id", required=True)
    options.add_argument("--program", required=True, help="the workbench's file name")
    options.add_argument("--sizes", type=int, nargs="+", required=True, help="the icon's PNG sizes")
    args = options.parse_args()
    problems = []

    entry_path = args.share / "applications" / f"{args.app_id}.desktop"
    entry = read_desktop_entry(entry_path)
    if entry.get("Exec", "").split()[:1] != [args.program]:
        problems.append(f"{entry_path}: Exec is {entry.get('Exec')!r}, not the program {args.program}")
    if entry.get("Icon") != args.app_id:
        problems.append(f"{entry_path}: Icon is {entry.get('Icon')!r}, not {args.app_id}")
    entry_languages = {key[key.index("[") + 1:-1] for key in entry if key.startswith("Name[")}
    window_languages = {p.stem.removeprefix("rrtf_workbench_") for p in (args.root / "translations").glob("*.ts")}
    if entry_languages != window_languages:
        problems.append(f"{entry_path}: Name is translated into {sorted(entry_languages)}, "
                        f"the window into {sorted(window_languages)}")
    for language in window_languages:
        if f"Comment[{language}]" not in entry:
            problems.append(f"{entry_path}: no Comment[{language}]")

    metainfo_path = args.share / "metainfo" / f"{args.app_id}.metainfo.xml"
    component = ElementTree.parse(metainfo_path).getroot()
    if component.findtext("id") != args.app_id:
        problems.append(f"{metainfo_path}: id is {component.findtext('id')!r}, not {args.app_id}")
    if component.findtext("launchable") != f"{args.app_id}.desktop":
        problems.append(f"{metainfo_path}: launchable is {component.findtext('launchable')!r}")
    if args.program not in [b.text for b in component.iter("binary")]:
        problems.append(f"{metainfo_path}: provides no binary {args.program}")
    releases = component.findall("releases/release")
    if not releases or releases[0].get("version") != args.version:
        newest = releases[0].get("version") if releases else None
        problems.append(f"{metainfo_path}: the newest release is {newest!r}, the project is {args.version} "
                        "(add a release with its notes)")
    readme = (args.root / "README.md").read_text(encoding="utf-8")
    images = [image.text.strip() for image in component.iter("image")]
    if not images:
        problems.append(f"{metainfo_path}: no screenshots")
    for image in images:
        found = re.search(r"(docs/screenshots/[^/]+\.png)$", image)
        if not found:
            problems.append(f"{metainfo_path}: screenshot {image} is not one of docs/screenshots/")
        elif not (args.root / found.group(1)).is_file():
            problems.append(f"{metainfo_path}: screenshot {found.group(1)} is not in the source tree")
        elif found.group(1) not in readme:
            problems.append(f"{metainfo_path}: screenshot {found.group(1)} is not one the README shows")

    icons = args.share / "icons" / "hicolor"
    if not (icons / "scalable" / "apps" / f"{args.app_id}.svg").is_file():
        problems.append(f"{icons}: no scalable icon")
    for size in args.sizes:
        png = icons / f"{size}x{size}" / "apps" / f"{args.app_id}.png"
        if not png.is_file():
            problems.append(f"{png}: missing")
        elif png_size(png) != (size, size):
            problems.append(f"{png}: is {png_size(png)}, not {size}x{size}")

    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    print(f"desktop entry, AppStream file and {len(args.sizes)} icon sizes agree")
    return 0


if __name__ == "__main__":
    sys.exit(main())
