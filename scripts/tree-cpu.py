#!/usr/bin/env python3
"""Wall time and CPU time of a command's whole process tree.

  scripts/tree-cpu.py COMMAND [ARG...]

GNU time counts only the descendants their own parents wait for: Chromium's renderer and
GPU processes outlive their parents' waits and are reaped by init, so `/usr/bin/time
scripts/browser-test.sh` reports a third of the CPU the run costs, or less. This makes itself the
child subreaper (Linux prctl PR_SET_CHILD_SUBREAPER): every orphan of the tree comes back
to it and is reaped, so its children's rusage holds the whole tree. Prints one line to
stderr after the command's own output; exits with the command's status.
"""

import ctypes
import os
import resource
import subprocess
import sys
import time

PR_SET_CHILD_SUBREAPER = 36


def main():
    if len(sys.argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    if ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        print(f"tree-cpu: prctl(PR_SET_CHILD_SUBREAPER) failed: {os.strerror(ctypes.get_errno())}",
              file=sys.stderr)
        return 1
    began = time.monotonic()
    status = subprocess.call(sys.argv[1:])
    while True:  # the orphans the command left behind, still running or not yet reaped
        try:
            os.wait()
        except ChildProcessError:
            break
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"tree-cpu: {time.monotonic() - began:.1f} s wall, {usage.ru_utime + usage.ru_stime:.1f} s CPU "
          f"({usage.ru_utime:.1f} user + {usage.ru_stime:.1f} system), exit {status}", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())
