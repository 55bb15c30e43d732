"""The peak resident memory of this process alone, in MB.

`ru_maxrss` is not reset by exec on Linux: a child started by a big parent reports the parent's peak
if it stays below it. The memory map's own high-water mark (VmHWM) starts afresh with the program.
"""

from __future__ import annotations

import resource


def peak_rss_mb() -> float:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # macOS: bytes; not a till's platform
