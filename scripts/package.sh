#!/usr/bin/env bash
# Builds the Debian packages rrtf and rrtf-workbench (CPack: packaging/debian/cpack.cmake)
# from the build in build/ (or $RRTF_BUILD_DIR) into build/packages/, and runs lintian
# on them: any error (E:) fails.
#
#   scripts/package.sh                 the .debs and lintian
#   scripts/package.sh --install-test  then installs them here with apt-get, uses them
#                                      from outside the checkout and purges them
#                                      (packaging/check_package.sh; needs root or sudo)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${RRTF_BUILD_DIR:-$root/build}"
out="$build/packages"

"$root/scripts/build.sh"
rm -rf "$out"
cpack --config "$build/CPackConfig.cmake" -B "$out" >"$build/cpack.log" 2>&1 \
  || { tail -20 "$build/cpack.log" >&2; exit 1; }
rm -rf "$out/_CPack_Packages"
debs=("$out"/rrtf_*.deb)
[ -e "${debs[0]}" ] || { echo "package.sh: CPack made no rrtf package" >&2; exit 1; }
[ -e "$out"/rrtf-workbench_*.deb ] && debs+=("$out"/rrtf-workbench_*.deb)

# The changelog's newest entry is the version the packages carry.
changelog="$(dpkg-parsechangelog -l "$root/packaging/debian/changelog.Debian" -S Version)"
for deb in "${debs[@]}"; do
  version="$(dpkg-deb -f "$deb" Version)"
  [ "$version" = "$changelog" ] || {
    echo "package.sh: $(basename "$deb") is $version, packaging/debian/changelog.Debian says $changelog" >&2; exit 1; }
  echo "package.sh: $(basename "$deb"): $(du -h "$deb" | cut -f1), installs $(dpkg-deb -f "$deb" Installed-Size) KiB" >&2
done

# lintian notes that it runs as root; what it finds in the packages is what counts.
lintian --fail-on error --tag-display-limit 0 "${debs[@]}" >&2

if [ "${1:-}" = --install-test ]; then
  data="$(sed -n 's/^RRTF_TEST_DATA:PATH=//p' "$build/CMakeCache.txt")"
  "$root/packaging/check_package.sh" "$data/humaneval/HumanEval.jsonl.gz" "${debs[@]}"
fi
echo "package.sh: ${debs[*]}" >&2
