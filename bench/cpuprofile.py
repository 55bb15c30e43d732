"""Where a Node process spent its CPU, from a V8 `.cpuprofile` (`node --cpu-prof`): `make bench-sync`
with `--profile` writes Medusa's and summarises its drain with this.

    python -m bench.cpuprofile FILE.cpuprofile [--from US --to US] [--top 25]

Self time (the function on top of the stack) and inclusive time (anywhere on the stack) per package
and per function. The window (`--from`/`--to`, CLOCK_MONOTONIC microseconds, the clock V8 stamps its
samples with) keeps the start-up and the idle time around a run out.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

PACKAGE = re.compile(r".*node_modules/((?:@[^/]+/)?[^/]+)(/.*)?$")  # the innermost node_modules


def package(url: str) -> str:
    if not url:
        return "(V8, native, garbage collector)"
    if url.startswith("node:"):
        return "node:" + url[5:].split("/")[0]
    found = PACKAGE.search(url)
    if not found:
        return "(application) " + url.rsplit("/", 1)[-1]
    name, rest = found.group(1), found.group(2) or ""
    if name in ("@medusajs/framework", "@medusajs/utils"):  # one package, many parts: name the part
        part = re.search(r"dist/([^/]+)", rest)
        return f"{name} ({part.group(1)})" if part else name
    return name


class Summary:
    def __init__(self) -> None:
        self.total_ms = 0.0
        self.self_package: Counter[str] = Counter()
        self.self_function: Counter[str] = Counter()
        self.package: Counter[str] = Counter()
        self.function: Counter[str] = Counter()

    def add(self, profile: dict[str, Any], start_us: int | None = None, end_us: int | None = None) -> None:
        nodes = {n["id"]: n for n in profile["nodes"]}
        parent = {child: n["id"] for n in profile["nodes"] for child in n.get("children", [])}
        names: dict[int, tuple[str, str]] = {}
        stacks: dict[int, tuple[set[str], set[str]]] = {}

        def name(node: int) -> tuple[str, str]:
            if node not in names:
                frame = nodes[node]["callFrame"]
                url = frame.get("url", "")
                names[node] = (f"{frame.get('functionName') or '(anonymous)'}  {package(url)} "
                               f"{url.rsplit('/', 1)[-1]}:{frame.get('lineNumber', 0) + 1}", package(url))
            return names[node]

        def stack(node: int) -> tuple[set[str], set[str]]:
            if node not in stacks:
                functions, packages = set(), set()
                at: int | None = node
                while at is not None:
                    function, pkg = name(at)
                    functions.add(function)
                    packages.add(pkg)
                    at = parent.get(at)
                stacks[node] = (functions, packages)
            return stacks[node]

        samples, deltas = profile["samples"], profile["timeDeltas"]
        stamp = profile["startTime"]
        for index, node in enumerate(samples):
            stamp += deltas[index]
            if (start_us is not None and stamp < start_us) or (end_us is not None and stamp > end_us):
                continue
            ms = (deltas[index + 1] if index + 1 < len(deltas) else 0) / 1000
            function, pkg = name(node)
            if function.startswith("(idle)"):
                continue
            self.total_ms += ms
            self.self_function[function] += ms
            self.self_package[pkg] += ms
            functions, packages = stack(node)
            self.function.update(dict.fromkeys(functions, ms))
            self.package.update(dict.fromkeys(packages, ms))

    def lines(self, top: int = 25) -> list[str]:
        out = [f"sampled CPU: {self.total_ms / 1000:.1f} s (idle left out)"]
        for title, counter, n in (("self time per package", self.self_package, top),
                                  ("inclusive time per package", self.package, top),
                                  ("self time per function", self.self_function, top),
                                  ("inclusive time per function", self.function, top * 2)):
            out.append(f"\n{title}:")
            out += [f"  {ms / 1000:7.1f} s {100 * ms / max(self.total_ms, 1):5.1f} %  {key}"
                    for key, ms in counter.most_common(n)]
        return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.cpuprofile")
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--from", dest="start", type=int, help="CLOCK_MONOTONIC microseconds")
    parser.add_argument("--to", dest="end", type=int, help="CLOCK_MONOTONIC microseconds")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args(argv)
    summary = Summary()
    for path in args.files:
        summary.add(json.loads(path.read_text()), args.start, args.end)
    print("\n".join(summary.lines(args.top)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
