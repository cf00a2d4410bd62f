#!/usr/bin/env bash
# The Debian packages as a user gets them: installed into this machine with apt-get,
# used from outside the checkout, then purged, leaving nothing behind.
#
#   check_package.sh PROBLEMS.jsonl.gz rrtf_*.deb [rrtf-workbench_*.deb]
#
# Needs root (or sudo). Refuses to run where rrtf is installed already, so that it
# never replaces or removes a user's own install.
set -euo pipefail
problems="$(realpath "$1")"
shift
debs=()
for deb in "$@"; do debs+=("$(realpath "$deb")"); done
here="$(cd "$(dirname "$0")" && pwd)"
fail() { echo "check_package: $*" >&2; exit 1; }

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
packages=()
for deb in "${debs[@]}"; do packages+=("$(dpkg-deb -f "$deb" Package)"); done
for package in "${packages[@]}"; do
  if dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed"; then
    fail "$package is installed already: remove it first (or run this in a clean root)"
  fi
done

work="$(mktemp -d)"
cleanup() {
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq "${packages[@]}" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# apt-get resolves the dependencies dpkg-shlibdeps wrote; ./ marks files, not names.
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${debs[@]}" >"$work/apt.log" 2>&1 \
  || fail "apt-get install failed: $(tail -5 "$work/apt.log")"
dpkg -L "${packages[@]}" | sort -u >"$work/files"

gui=""
[[ " ${packages[*]} " == *" rrtf-workbench "* ]] && gui=--gui
command -v rrtf >/dev/null || fail "rrtf is not on PATH after the install"
"$here/smoke_test.sh" /usr "$problems" "$work" $gui
man -w rrtf >/dev/null || fail "man -w rrtf finds no page"
[ -z "$gui" ] || man -w rrtf-workbench >/dev/null || fail "man -w rrtf-workbench finds no page"
# The completion loads in a bash as bash-completion would, and completes a command.
completion="$(bash -c 'source /usr/share/bash-completion/completions/rrtf
  COMP_WORDS=(rrtf ev); COMP_CWORD=1; _rrtf 2>/dev/null || true; echo "${COMPREPLY[*]}"')"
[[ "$completion" == *eval* ]] || fail "the installed bash completion does not complete 'rrtf ev' ($completion)"
[ -z "$gui" ] || desktop-file-validate /usr/share/applications/io.github.rrtf.Workbench.desktop \
  || fail "the installed desktop entry does not validate"

$SUDO env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq "${packages[@]}" >"$work/purge.log" 2>&1 \
  || fail "apt-get purge failed: $(tail -5 "$work/purge.log")"
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "installed" && fail "$package is still installed"
done
# Every file the packages installed is gone, and so is every folder that was theirs alone.
left=()
while read -r path; do
  if [ -f "$path" ] || [ -L "$path" ]; then left+=("$path"); fi
done <"$work/files"
for folder in /usr/libexec/rrtf /usr/lib/rrtf /usr/share/rrtf /usr/share/doc/rrtf /usr/share/doc/rrtf-workbench; do
  [ -e "$folder" ] && left+=("$folder")
done
[ "${#left[@]}" -eq 0 ] || fail "left behind after the purge: ${left[*]}"
echo "check_package: ${packages[*]} installed, used from $work and purged without a trace"
