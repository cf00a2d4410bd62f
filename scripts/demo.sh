#!/usr/bin/env bash
# Quick start, command 1: installs what is needed, builds the workbench and the
# command line, then opens the workbench window on its demo: three small models
# the project's own pipeline trained (StarCoder, WizardCoder and PanGu-Coder2
# stand-ins) and the held-out problems they are shown on. Without a display, the
# three models answer one demo problem on the command line and the sandbox judges
# them; extra arguments then go to `rrtf demo` (e.g. --problem heldout/remove/2 or --json).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${RRTF_BUILD_DIR:-$root/build}"

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ "${RRTF_DEMO_CLI:-0}" != 1 ]; then
  "$root/scripts/build.sh" rrtf-workbench rrtf-sandbox rrtf
  exec "$build/bin/rrtf-workbench"
fi

echo "demo: no display; showing the command line (set DISPLAY to open the workbench window)" >&2
"$root/scripts/build.sh" rrtf rrtf-sandbox
exec "$build/bin/rrtf" demo "$@"
