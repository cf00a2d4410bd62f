#!/usr/bin/env bash
# The install as a user gets it, under a prefix it was not built for: `cmake
# --install` with DESTDIR, the tree moved to another folder, then the programs run
# from there with a bare environment (no RRTF_* variables, a fresh HOME), so each
# must find its helper, module and data relative to itself.
#
#   check_install.sh BUILD_DIR PROBLEMS.jsonl.gz [--gui]
#
# Checks: the layout (cmake/RrtfLayout.cmake); no build or source path in the
# programs' constant data; what a new user tries first (smoke_test.sh); a missing
# sandbox helper is a clear error naming where it should be.
set -euo pipefail
build="$(cd "$1" && pwd)"
problems="$2"
gui="${3:-}"
source_dir="$(cd "$(dirname "$0")/.." && pwd)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "check_install: $*" >&2; exit 1; }

DESTDIR="$work/stage" cmake --install "$build" --prefix /usr >"$work/install.log"
mv "$work/stage/usr" "$work/moved"
prefix="$work/moved"

expected=(bin/rrtf libexec/rrtf/rrtf-sandbox lib/rrtf/modules/librrtf_sentencepiece.so
          share/rrtf/demo/demo.json share/rrtf/tokenizers/starcoder-tokenizer.json
          share/man/man1/rrtf.1.gz share/bash-completion/completions/rrtf share/doc/rrtf/copyright)
[ "$gui" = --gui ] && expected+=(bin/rrtf-workbench share/man/man1/rrtf-workbench.1.gz
                                 share/applications/io.github.rrtf.Workbench.desktop
                                 share/metainfo/io.github.rrtf.Workbench.metainfo.xml
                                 share/icons/hicolor/scalable/apps/io.github.rrtf.Workbench.svg)
for file in "${expected[@]}"; do
  [ -e "$prefix/$file" ] || fail "the install lacks $file"
done

# A path baked in at build time would show in the programs' read-only data.
for program in "$prefix"/bin/* "$prefix"/libexec/rrtf/* "$prefix"/lib/rrtf/modules/*; do
  for baked in "$build" "$source_dir"; do
    if readelf -p .rodata "$program" 2>/dev/null | grep -qF "$baked"; then
      fail "$(basename "$program") holds the path $baked"
    fi
  done
done

"$(dirname "$0")/smoke_test.sh" "$prefix" "$problems" "$work" $gui

# The window's manual page lists every option its --help prints (the page is written by hand).
if [ "$gui" = --gui ]; then
  page="$(zcat "$prefix/share/man/man1/rrtf-workbench.1.gz" | sed 's/\\-/-/g')"
  for option in $(env -i QT_QPA_PLATFORM=offscreen "$prefix/bin/rrtf-workbench" --help 2>/dev/null | grep -oE -- '--[a-z-]+'); do
    grep -qF -- "$option" <<<"$page" || fail "rrtf-workbench.1 does not describe $option"
  done
fi

# Without its helper the command line says what is missing and where it looked.
rm "$prefix/libexec/rrtf/rrtf-sandbox"
if (cd "$work/home" && env -i PATH=/usr/bin:/bin HOME="$work/home" "$prefix/bin/rrtf" eval \
     --problems three.jsonl --samples answers.jsonl --quiet --no-workspace >/dev/null 2>"$work/missing.txt"); then
  fail "rrtf eval ran without its sandbox helper"
fi
grep -qF "$prefix/libexec/rrtf/rrtf-sandbox" "$work/missing.txt" \
  || fail "the missing helper's error does not name its place: $(cat "$work/missing.txt")"
echo "check_install: the install moved to another folder works"
