#!/usr/bin/env bash
# Puts the test data files that may not be redistributed into tests/data (git ignores them there)
# and checks all of tests/data against tests/data/SHA256SUMS (tests/data/check.sh):
#   humaneval/leetcode_contest/20240121-Jul.jsonl  DeepSeek-Coder's LeetCode contest set (LeetCode's texts)
#   humaneval/codereval/CEPythonRaw.jsonl          CoderEval's Python prompts (no licence), and
#   humaneval/codereval/CEPythonHumanLabel.jsonl   the same prompts with hand-written descriptions
# Each is copied from a local copy of the shared data where it has one ($RRTF_SHARED_DATA, else
# ../shared/data beside the checkout), else downloaded with curl from its upstream repository at a
# pinned commit. Without a network it says so and exits 0: the tests that read these files skip.
# A file whose sha256 differs from SHA256SUMS is an error (exit 1) that names it. Files already
# there and right are left alone, so a second run does nothing. tests/data/SOURCES.md says more.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
data="$root/tests/data"
local_copy="${RRTF_SHARED_DATA:-$root/../shared/data}"
if [ -d "$local_copy" ]; then local_copy="$(cd "$local_copy" && pwd)"; fi

leetcode=humaneval/leetcode_contest/20240121-Jul.jsonl
coder_raw=humaneval/codereval/CEPythonRaw.jsonl
coder_label=humaneval/codereval/CEPythonHumanLabel.jsonl
# Upstream, at the commits the sums were taken from.
leetcode_url=https://raw.githubusercontent.com/deepseek-ai/DeepSeek-Coder/2f9fd85927c669dae3c0fbb2d607274023af243e/Evaluation/LeetCode/data/20240121-Jul.jsonl
coder_zip_url=https://raw.githubusercontent.com/CoderEval/CoderEval/edd43a9444f4186ab60487a2b8149ce283313b63/CoderEval-Input4Models.zip
coder_zip_dir=CoderEval-Input4Models  # the folder of the .jsonl files inside that zip

say() { echo "fetch-test-data: $*" >&2; }
fail() {
  say "error: $*"
  exit 1
}
expected_sum() { awk -v p="$1" '$2 == p { print $1 }' "$data/SHA256SUMS"; }
sum_of() { sha256sum "$1" | cut -d' ' -f1; }

# verify FILE RELATIVE [ORIGIN]: FILE has the sum SHA256SUMS lists for RELATIVE, else an error
# naming FILE (or where it came from).
verify() {
  local want got
  want="$(expected_sum "$2")"
  [ -n "$want" ] || fail "$2 has no line in tests/data/SHA256SUMS"
  got="$(sum_of "$1")"
  [ "$got" = "$want" ] || fail "${3:-$1}: sha256 $got, tests/data/SHA256SUMS says $want for $2"
}

# install FILE RELATIVE ORIGIN: checks FILE, then moves it to tests/data/RELATIVE.
install_file() {
  verify "$1" "$2" "$3"
  mkdir -p "$(dirname "$data/$2")"
  mv -f "$1" "$data/$2"
}

work="$(mktemp -d "${TMPDIR:-/tmp}/rrtf-test-data.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# Present and right: left alone. Present and wrong: an error (delete it to fetch it again).
wanted=()
for file in "$leetcode" "$coder_raw" "$coder_label"; do
  if [ -f "$data/$file" ]; then
    verify "$data/$file" "$file" "tests/data/$file (delete it and run this again)"
  elif [ -f "$local_copy/$file" ]; then
    verify "$local_copy/$file" "$file"
    cp -p "$local_copy/$file" "$work/copy"
    install_file "$work/copy" "$file" "$local_copy/$file"
    say "copied $file from $local_copy"
  else
    wanted+=("$file")
  fi
done

# download URL OUT: 0; else a note saying why and 2 where there is no network, 1 otherwise
# (no curl, an HTTP error).
download() {
  local rc=0
  if ! command -v curl >/dev/null; then
    say "curl is not installed: cannot download $1"
    return 1
  fi
  curl -fsSL --connect-timeout 15 --max-time 300 --retry 2 -o "$2" "$1" 2>"$work/curl.err" || rc=$?
  [ "$rc" = 0 ] && return 0
  local why
  why="$(tail -n 1 "$work/curl.err")"
  case "$rc" in
    5 | 6 | 7 | 28 | 35 | 52 | 56)
      say "no network ($why): cannot download $1"
      return 2
      ;;
    *) say "cannot download $1 ($why)" ;;
  esac
  return 1
}

# extract ZIP MEMBER OUT (python3: the sandbox needs it anyway; unzip may be missing).
extract() {
  python3 -c 'import shutil, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as archive, archive.open(sys.argv[2]) as src, open(sys.argv[3], "wb") as out:
    shutil.copyfileobj(src, out)' "$@" || fail "cannot extract $2 from $coder_zip_url"
}

offline=0  # after one download found no network, the others are not tried
zip_tried=0
for file in "${wanted[@]}"; do
  [ "$offline" = 1 ] && break
  rc=0
  case "$file" in
    "$leetcode")
      download "$leetcode_url" "$work/leetcode.jsonl" || rc=$?
      if [ "$rc" = 0 ]; then
        install_file "$work/leetcode.jsonl" "$file" "$leetcode_url"
        say "downloaded $file"
      fi
      ;;
    "$coder_raw" | "$coder_label")
      [ "$zip_tried" = 1 ] && continue  # both files come from the one zip
      zip_tried=1
      download "$coder_zip_url" "$work/codereval.zip" || rc=$?
      if [ "$rc" = 0 ]; then
        for member in "$coder_raw" "$coder_label"; do
          [ -f "$data/$member" ] && continue
          extract "$work/codereval.zip" "$coder_zip_dir/$(basename "$member")" "$work/member"
          install_file "$work/member" "$member" "$member in $coder_zip_url"
          say "downloaded $member"
        done
      fi
      ;;
  esac
  [ "$rc" = 2 ] && offline=1
done

left=()
for file in "${wanted[@]}"; do [ -f "$data/$file" ] || left+=("$file"); done
if [ "${#left[@]}" -gt 0 ]; then
  say "not fetched: ${left[*]}"
  say "the tests that read them skip. With a copy of the shared data elsewhere, run"
  say "RRTF_SHARED_DATA=/path/to/shared/data scripts/fetch-test-data.sh"
fi

# Everything else: the committed files are there and unchanged.
bash "$data/check.sh" "$data" >&2 || fail "tests/data does not match tests/data/SHA256SUMS (see above)"
