#!/usr/bin/env bash
# Quick start, command 1: installs what is needed, builds the command line and
# the small demo model, then generates a completion with it. Any extra
# arguments go to `rrtf generate` (e.g. --n 4 --temperature 0.8 --json).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${RRTF_BUILD_DIR:-$root/build}"

"$root/scripts/build.sh" rrtf demo_model
prompt=$'def fibonacci(n):\n    """Return the n-th Fibonacci number."""\n'
exec "$build/bin/rrtf" generate --model "$build/demo-model" --prompt "$prompt" \
  --max-new-tokens 48 --humaneval-stops --echo "$@"
