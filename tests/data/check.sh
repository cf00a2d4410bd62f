#!/usr/bin/env bash
# Checks a test data folder (tests/data, or another with its layout) against tests/data/SHA256SUMS:
# every committed file must be there, and every file that is there must have its sum. The files
# that scripts/fetch-test-data.sh puts in (not committed: see SOURCES.md) may be missing; the
# tests that read them skip. In tests/data itself, a data file without a line in SHA256SUMS is
# an error too. The CTest test test_data_checksums runs this; so does the fetch script.
#
# Usage: tests/data/check.sh [DIR]     (DIR defaults to the folder of this script)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
dir="$(cd "${1:-$here}" && pwd)"
sums="$here/SHA256SUMS"
# The files that are fetched, not committed (the same three in scripts/fetch-test-data.sh,
# .gitignore and tests/support/test_data.h).
fetched=(
  humaneval/leetcode_contest/20240121-Jul.jsonl
  humaneval/codereval/CEPythonRaw.jsonl
  humaneval/codereval/CEPythonHumanLabel.jsonl
)

is_fetched() {
  local file
  for file in "${fetched[@]}"; do [ "$file" = "$1" ] && return 0; done
  return 1
}

errors=0
checked=0
missing=()
while read -r sum path; do
  case "$sum" in '' | '#'*) continue ;; esac
  if [ ! -f "$dir/$path" ]; then
    if is_fetched "$path"; then
      missing+=("$path")
    else
      echo "check.sh: $dir/$path is missing (it is committed)" >&2
      errors=$((errors + 1))
    fi
    continue
  fi
  actual="$(sha256sum "$dir/$path" | cut -d' ' -f1)"
  if [ "$actual" != "$sum" ]; then
    echo "check.sh: $dir/$path: sha256 $actual, SHA256SUMS says $sum" >&2
    errors=$((errors + 1))
  fi
  checked=$((checked + 1))
done <"$sums"

if [ "$dir" = "$here" ]; then
  # Every data file has its sum; the notes, this script and the licence texts are not data.
  while IFS= read -r -d '' file; do
    path="${file#"$dir"/}"
    case "$path" in SHA256SUMS | SOURCES.md | LICENSES.md | check.sh | licenses/*) continue ;; esac
    if ! awk -v p="$path" '$2 == p { found = 1 } END { exit !found }' "$sums"; then
      echo "check.sh: $dir/$path has no line in SHA256SUMS" >&2
      errors=$((errors + 1))
    fi
  done < <(find "$dir" -type f -print0)
fi

echo "check.sh: $dir: $checked files match SHA256SUMS${missing:+, ${#missing[@]} not fetched (scripts/fetch-test-data.sh): ${missing[*]}}"
if [ "$errors" -gt 0 ]; then
  echo "check.sh: $errors error(s)" >&2
  exit 1
fi
