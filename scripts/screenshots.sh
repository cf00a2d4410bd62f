#!/usr/bin/env bash
# Remakes the README's screenshots (docs/screenshots/*.png): the workbench starts
# under Xvfb on a fresh profile, so it opens on the demo as a new user's does;
# once its first-start tour has answered, judged and benchmarked, the demo
# training jobs (RRTF and SFT) run to their end and every tab is grabbed.
#
#   scripts/screenshots.sh [OUT_DIR]     (default docs/screenshots; a few minutes)
#
# Set RRTF_SCREENSHOT_TRAINING=0 to skip the training jobs (the Training tab is
# then empty), LANG=zh_CN.UTF-8 or ja_JP.UTF-8 for the translated window.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${RRTF_BUILD_DIR:-$root/build}"
out="${1:-$root/docs/screenshots}"

"$root/scripts/build.sh" rrtf-workbench rrtf rrtf-sandbox
if ! command -v xvfb-run >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get install -y -qq --no-install-recommends xvfb xauth >&2
fi

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
mkdir -p "$out"
training=()
[ "${RRTF_SCREENSHOT_TRAINING:-1}" = 1 ] && training=(--screenshots-with-training)
HOME="$profile" XDG_CONFIG_HOME="$profile/config" XDG_DATA_HOME="$profile/data" XDG_RUNTIME_DIR="$profile" \
  xvfb-run -a -s "-screen 0 1600x1000x24" \
  "$build/bin/rrtf-workbench" --screenshots "$out" "${training[@]}"
echo "screenshots: $(ls "$out"/*.png | wc -l) images in $out" >&2
