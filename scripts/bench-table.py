#!/usr/bin/env python3
"""Turn Criterion's saved results into Markdown tables of throughputs and ratios.

    cargo bench --features opencc-ffi,peers --bench convert   # writes target/criterion/
    python3 scripts/bench-table.py [target/criterion] [--group convert/]
    python3 scripts/bench-table.py --write README.md --write BENCHMARKS.md

Printing: a line naming the machine and the date of the results, then one table per kind of
group (`convert`, `convert_short`, `construct`, `convert_parallel`: the group name up to its
first `/`), limited to the groups starting with `--group`.

A table has one row per benchmark group (`convert/<config>/<corpus>`, ...) and one column
per peer in it: its mean throughput in MB/s (10^6 bytes per second; or its mean time when
the group measures no bytes). Then one ratio column per peer, measured in the same run:
`fanjian ÷ <peer>` (how many times faster fanjian is) and, for fanjian's own variants
(`fanjian-2-threads`), `<variant> ÷ fanjian`. `copy`, the floor, gets no ratio.

Writing: `--write FILE` rewrites, in place, each section of FILE marked

    <!-- bench:start WHAT -->
    ...
    <!-- bench:end -->

where WHAT is `machine` (the machine and date line) or a group prefix such as `convert/` or
`convert_short/` (that prefix's table). The markers stay, so the command can run again
after every benchmark run. A file is replaced only once all its sections are made; an
unmarked file, an unclosed section or a prefix without results is an error and leaves it
as it was.
"""

import argparse
import datetime
import json
import os
import re
import subprocess
import sys


def load(root):
    """{group: {peer: (mean seconds, bytes or None, mtime)}} of Criterion's last run."""
    results = {}
    for dirpath, _, files in os.walk(root):
        if os.path.basename(dirpath) != "new" or "benchmark.json" not in files:
            continue
        with open(os.path.join(dirpath, "benchmark.json")) as f:
            bench = json.load(f)
        estimates_path = os.path.join(dirpath, "estimates.json")
        with open(estimates_path) as f:
            estimates = json.load(f)
        group, peer = bench["group_id"], bench["function_id"]
        seconds = estimates["mean"]["point_estimate"] / 1e9
        throughput = bench.get("throughput") or {}
        size = throughput.get("Bytes") or throughput.get("BytesDecimal")
        results.setdefault(group, {})[peer] = (seconds, size, os.path.getmtime(estimates_path))
    return results


def cell(seconds, size):
    if size:
        return f"{size / seconds / 1e6:,.1f} MB/s"
    if seconds < 1e-6:
        return f"{seconds * 1e9:,.0f} ns"
    if seconds < 1e-3:
        return f"{seconds * 1e6:,.1f} µs"
    return f"{seconds * 1e3:,.2f} ms"


def ratio(times):
    return f"{times:,.0f}x" if times >= 1000 else f"{times:,.1f}x"


def is_variant(peer):
    """fanjian's own variants (fanjian-2-threads) compare with fanjian the other way round."""
    return peer.startswith("fanjian-")


def table(results):
    """The Markdown table of these groups, as a list of lines."""
    peers = sorted({peer for row in results.values() for peer in row},
                   key=lambda p: (p != "fanjian", not is_variant(p), p == "copy", p))
    compared = [p for p in peers if p not in ("fanjian", "copy")]
    heads = [f"{p} ÷ fanjian" if is_variant(p) else f"fanjian ÷ {p}" for p in compared]
    lines = ["| group | " + " | ".join(peers + heads) + " |",
             "|---" * (1 + len(peers) + len(heads)) + "|"]
    for group in sorted(results):
        row = results[group]
        cells = [cell(*row[p][:2]) if p in row else "" for p in peers]
        for p in compared:
            if "fanjian" not in row or p not in row:
                cells.append("")
            elif is_variant(p):
                cells.append(ratio(row["fanjian"][0] / row[p][0]))
            else:
                cells.append(ratio(row[p][0] / row["fanjian"][0]))
        lines.append(f"| {group} | " + " | ".join(cells) + " |")
    return lines


def first_match(path, pattern):
    try:
        with open(path) as f:
            for line in f:
                found = re.match(pattern, line)
                if found:
                    return found.group(1).strip()
    except OSError:
        pass
    return None


def machine(results):
    """One line: CPU model, logical CPUs, memory, rustc, and the date of the results."""
    model = first_match("/proc/cpuinfo", r"model name\s*:(.*)")
    if model is None:
        try:
            lscpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
            model = first_match_text(lscpu, r"Model name:(.*)")
        except OSError:
            pass
    memory = first_match("/proc/meminfo", r"MemTotal:\s*(\d+) kB")
    try:
        rustc = subprocess.run(["rustc", "--version"], capture_output=True, text=True).stdout.strip()
    except OSError:
        rustc = ""
    newest = max(mtime for row in results.values() for (_, _, mtime) in row.values())
    date = datetime.datetime.fromtimestamp(newest, datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    parts = [model or "unknown CPU", f"{os.cpu_count()} logical CPUs"]
    if memory:
        parts.append(f"{int(memory) / 2**20:.0f} GiB RAM")
    if rustc:
        parts.append(rustc.split(" (")[0])
    return f"Machine: {', '.join(parts)}. Results of {date}."


def first_match_text(text, pattern):
    for line in text.splitlines():
        found = re.match(pattern, line)
        if found:
            return found.group(1).strip()
    return None


def section(what, results):
    """The lines a marked section `what` holds."""
    if what == "machine":
        return [machine(results)]
    chosen = {group: row for group, row in results.items() if group.startswith(what)}
    if not chosen:
        raise ValueError(f"no Criterion results for groups starting with {what!r}")
    return table(chosen)


START = re.compile(r"<!-- bench:start (\S+) -->\s*$")
END = "<!-- bench:end -->"


def rewrite(path, results):
    """Rewrites the marked sections of `path`; the file changes only if all of them could be made."""
    with open(path) as f:
        lines = f.read().split("\n")
    out, sections, i = [], 0, 0
    while i < len(lines):
        out.append(lines[i])
        start = START.search(lines[i])
        if start is None:
            i += 1
            continue
        end = next((j for j in range(i + 1, len(lines)) if lines[j].strip() == END), None)
        if end is None:
            raise ValueError(f"{path}:{i + 1}: {lines[i].strip()} has no {END} after it")
        try:
            out.extend(section(start.group(1), results))
        except ValueError as error:
            raise ValueError(f"{path}:{i + 1}: {error}") from None
        out.append(lines[end])
        sections += 1
        i = end + 1
    if sections == 0:
        raise ValueError(f"{path}: no <!-- bench:start WHAT --> section to rewrite")
    temp = f"{path}.bench-table.tmp"
    with open(temp, "w") as f:
        f.write("\n".join(out))
    os.replace(temp, path)
    print(f"{path}: rewrote {sections} section(s)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", default="target/criterion")
    parser.add_argument("--group", default="", help="only groups starting with this")
    parser.add_argument("--write", action="append", default=[], metavar="FILE",
                        help="rewrite the marked sections of FILE (repeatable)")
    args = parser.parse_args()
    results = load(args.root)
    if not results:
        sys.exit(f"no Criterion results under {args.root}: run `cargo bench` first")
    try:
        if args.write:
            for path in args.write:
                rewrite(path, results)
            return
        chosen = {group: row for group, row in results.items() if group.startswith(args.group)}
        if not chosen:
            raise ValueError(f"no Criterion results for groups starting with {args.group!r}")
        print(machine(chosen))
        for kind in sorted({group.split("/")[0] for group in chosen}):
            print(f"\n{kind}:\n")
            print("\n".join(table({g: r for g, r in chosen.items() if g.split("/")[0] == kind})))
    except (ValueError, OSError) as error:
        sys.exit(f"bench-table: {error}")


if __name__ == "__main__":
    main()
