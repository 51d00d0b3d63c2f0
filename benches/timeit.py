#!/usr/bin/env python3
"""Times one command: prints "WALL CPU PEAK_KIB" (seconds to 0.1 ms, KiB).

    timeit.py OUT_FILE CMD [ARG...]

WALL is measured with a monotonic clock around the child; CPU is the child's
user + system time from wait4 (summed over its threads), PEAK_KIB its maximum
resident set size (never below this interpreter's own, about 13 MiB, which
the kernel carries over at exec). /usr/bin/time rounds to 10 ms, which is the whole of
hyde's build of the example site, hence this. The result goes to OUT_FILE;
the command's own output is left alone. Exits with the command's status.
"""
import os
import sys
import time


def main() -> int:
    out, cmd = sys.argv[1], sys.argv[2:]
    start = time.perf_counter()
    # posix_spawn (vfork-like in glibc), so the peak RSS is the command's
    # own and not that of a forked copy of this interpreter.
    pid = os.posix_spawnp(cmd[0], cmd, os.environ)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    cpu = usage.ru_utime + usage.ru_stime
    with open(out, "w") as f:
        f.write(f"{wall:.4f} {cpu:.4f} {usage.ru_maxrss}\n")
    return os.waitstatus_to_exitcode(status)


if __name__ == "__main__":
    sys.exit(main())
