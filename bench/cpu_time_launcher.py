#!/usr/bin/env python3
"""Compiler and linker launcher for bench/build_time.sh: runs the command and appends
"<CPU seconds>\t<output file>" to $RRTF_CPU_LOG, so each step's cost is known even on a
machine busy with other work (CPU time hardly moves with load; the wall clock does)."""
import os
import resource
import subprocess
import sys

command = sys.argv[1:]
status = subprocess.call(command)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
output = command[command.index("-o") + 1] if "-o" in command else command[-1]
log = os.environ.get("RRTF_CPU_LOG")
if log:
    with open(log, "a") as f:
        f.write(f"{usage.ru_utime + usage.ru_stime:.2f}\t{output}\n")
sys.exit(status)
