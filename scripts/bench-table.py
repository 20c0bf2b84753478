#!/usr/bin/env python3
"""Turn Criterion's saved results into a Markdown table of throughputs and ratios.

    cargo bench --features opencc-ffi --bench convert     # writes target/criterion/
    python3 scripts/bench-table.py [target/criterion] [--group convert]

For every benchmark group (`convert/<config>/<corpus>`, `convert_short/<config>`,
`construct/<config>`), prints one row: each peer's mean throughput in MB/s (10^6 bytes per
second; or its mean time when the group measures no bytes), and fanjian's ratio to each
other peer, measured in the same run.
"""

import argparse
import json
import os
import sys


def load(root):
    results = {}
    for dirpath, _, files in os.walk(root):
        if os.path.basename(dirpath) != "new" or "benchmark.json" not in files:
            continue
        with open(os.path.join(dirpath, "benchmark.json")) as f:
            bench = json.load(f)
        with open(os.path.join(dirpath, "estimates.json")) as f:
            estimates = json.load(f)
        group, peer = bench["group_id"], bench["function_id"]
        seconds = estimates["mean"]["point_estimate"] / 1e9
        throughput = bench.get("throughput") or {}
        size = throughput.get("Bytes") or throughput.get("BytesDecimal")
        results.setdefault(group, {})[peer] = (seconds, size)
    return results


def cell(seconds, size):
    if size:
        return f"{size / seconds / 1e6:,.1f} MB/s"
    if seconds < 1e-6:
        return f"{seconds * 1e9:,.0f} ns"
    if seconds < 1e-3:
        return f"{seconds * 1e6:,.1f} µs"
    return f"{seconds * 1e3:,.2f} ms"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", default="target/criterion")
    parser.add_argument("--group", default="", help="only groups starting with this")
    args = parser.parse_args()
    results = {group: row for group, row in load(args.root).items() if group.startswith(args.group)}
    if not results:
        sys.exit(f"no Criterion results under {args.root}: run `cargo bench` first")
    peers = sorted({peer for group in results.values() for peer in group},
                   key=lambda p: (p != "fanjian", p == "copy", p))
    others = [p for p in peers if p not in ("fanjian", "copy")]
    print("| group | " + " | ".join(peers) + " | " + " | ".join(f"fanjian ÷ {p}" for p in others) + " |")
    print("|---" * (1 + len(peers) + len(others)) + "|")
    for group in sorted(results):
        row = results[group]
        cells = [cell(*row[p]) if p in row else "" for p in peers]
        ratios = []
        for p in others:
            if "fanjian" in row and p in row:
                ratios.append(f"{row[p][0] / row['fanjian'][0]:,.1f}x")
            else:
                ratios.append("")
        print(f"| {group} | " + " | ".join(cells) + " | " + " | ".join(ratios) + " |")


if __name__ == "__main__":
    main()
