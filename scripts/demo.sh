#!/usr/bin/env bash
# Quick start, command 1: installs what is needed, builds the workbench and the
# command line, then opens the workbench window on its demo workspace (three
# tiny models and a small problem set it writes itself). Without a display it
# generates a completion with the command line instead; extra arguments then go
# to `rrtf generate` (e.g. --n 4 --temperature 0.8 --json).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${RRTF_BUILD_DIR:-$root/build}"

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ "${RRTF_DEMO_CLI:-0}" != 1 ]; then
  "$root/scripts/build.sh" rrtf-workbench rrtf-sandbox
  exec "$build/bin/rrtf-workbench"
fi

echo "demo: no display; showing the command line (set DISPLAY to open the workbench window)" >&2
"$root/scripts/build.sh" rrtf demo_model
prompt=$'def fibonacci(n):\n    """Return the n-th Fibonacci number."""\n'
exec "$build/bin/rrtf" generate --model "$build/demo-model" --prompt "$prompt" \
  --max-new-tokens 48 --humaneval-stops --echo "$@"
