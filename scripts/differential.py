#!/usr/bin/env python3
"""Differential check: fanjian against OpenCC 1.4.2's library, line for line.

For each of the 16 configurations and each corpus file, converts the whole text in one
call with the python `opencc` 1.4.2 library (`opencc.OpenCC(config + '.json')`, the
library API, so the tofu-risk dictionaries are included) and with fanjian's example
binary (`BIN -c CONFIG -i FILE -o OUT`), then compares the two outputs line by line.
Prints, per configuration and file, the identical lines out of the total, the bytes and
both times, and the first differing lines. Exits with status 1 unless every line of every
output is identical.

    pip install opencc==1.4.2
    cargo build --release --example convert
    python3 scripts/differential.py --fanjian target/release/examples/convert \\
        [--max-bytes 4000000] [--configs s2t,s2twp] target/corpus ../shared/bench/zuozhuan.txt

Arguments are files or folders (every `*.txt` directly inside). `--max-bytes N` takes
only the first N bytes of each file, cut after the last line break that fits.

`--config-dir DIR` checks configuration files instead: every `DIR/*.json`, run by fanjian
as `BIN --config-file DIR/NAME.json` and by OpenCC as `opencc.OpenCC(path)` on a copy of
DIR in a temporary folder that also holds links to `data/opencc/*.txt`, so that OpenCC
finds OpenCC's dictionaries beside the configuration while fanjian uses its built-in
copies of them.
"""

import argparse
import glob
import os
import shutil
import subprocess
import sys
import tempfile
import time

CONFIGS = [
    "s2t", "t2s", "s2tw", "tw2s", "s2twp", "tw2sp", "s2hk", "hk2s",
    "s2hkp", "hk2sp", "t2tw", "tw2t", "t2hk", "hk2t", "t2jp", "jp2t",
]
OPENCC_VERSION = "1.4.2"


def corpus_files(paths):
    files = []
    for path in paths:
        if os.path.isdir(path):
            files += sorted(
                os.path.join(path, name) for name in os.listdir(path) if name.endswith(".txt")
            )
        elif os.path.isfile(path):
            files.append(path)
        else:
            sys.exit(f"differential: no such file or folder: {path}")
    if not files:
        sys.exit("differential: no corpus files given")
    return files


def head(data, max_bytes):
    """The first max_bytes of data, cut after its last line break (or, in a file without
    one, at the last character boundary)."""
    if max_bytes is None or len(data) <= max_bytes:
        return data
    cut = data.rfind(b"\n", 0, max_bytes) + 1
    if cut == 0:
        cut = max_bytes
        while cut > 0 and data[cut] & 0xC0 == 0x80:
            cut -= 1
    return data[:cut]


def load_opencc(opencc, config):
    """opencc.OpenCC(config), with the schema warnings OpenCC prints on standard error for
    configurations that load fine (a missing "name", a group without "match_policy")
    kept out of the report."""
    sys.stderr.flush()
    saved = os.dup(2)
    with open(os.devnull, "w") as devnull:
        os.dup2(devnull.fileno(), 2)
        try:
            return opencc.OpenCC(config)
        finally:
            os.dup2(saved, 2)
            os.close(saved)


def window(line, column, width=40):
    """The part of line around column, so that a long line's difference is visible."""
    start = max(0, column - width)
    end = column + width
    return ("…" if start > 0 else "") + line[start:end] + ("…" if end < len(line) else "")


def first_difference(a, b):
    return next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", help="corpus files, or folders of *.txt")
    parser.add_argument("--fanjian", required=True, metavar="BIN",
                        help="fanjian's convert example, run as BIN -c CONFIG -i FILE -o OUT")
    parser.add_argument("--max-bytes", type=int, metavar="N",
                        help="take only the first N bytes of each file, cut at a line break")
    parser.add_argument("--configs", default=",".join(CONFIGS),
                        help="comma-separated configurations (default: all 16)")
    parser.add_argument("--config-dir", metavar="DIR",
                        help="check every DIR/*.json configuration file instead of the 16 names")
    parser.add_argument("--show", type=int, default=5, metavar="N",
                        help="differing lines to print per configuration and file (default 5)")
    args = parser.parse_args()

    import opencc  # Imported here so that --help works without it.

    if opencc.__version__ != OPENCC_VERSION:
        sys.exit(f"differential: need opencc {OPENCC_VERSION}, found {opencc.__version__}")
    files = corpus_files(args.paths)
    total_lines = identical_lines = 0
    total_bytes = 0
    opencc_seconds = fanjian_seconds = 0.0
    failures = 0
    with tempfile.TemporaryDirectory(prefix="differential-") as tmp:
        out_path = os.path.join(tmp, "out.txt")
        # (name, what opencc.OpenCC loads, fanjian's arguments choosing the configuration)
        if args.config_dir:
            opencc_dir = os.path.join(tmp, "configs")
            shutil.copytree(args.config_dir, opencc_dir)
            data = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "opencc")
            for dictionary in glob.glob(os.path.join(data, "*.txt")):
                os.symlink(os.path.abspath(dictionary),
                           os.path.join(opencc_dir, os.path.basename(dictionary)))
            names = sorted(n[:-5] for n in os.listdir(args.config_dir) if n.endswith(".json"))
            configs = [(name, os.path.join(opencc_dir, name + ".json"),
                        ["--config-file", os.path.join(args.config_dir, name + ".json")])
                       for name in names]
        else:
            names = [c for c in args.configs.split(",") if c]
            unknown = sorted(set(names) - set(CONFIGS))
            if unknown:
                sys.exit(f"differential: unknown configs {unknown}; valid: {', '.join(CONFIGS)}")
            configs = [(name, name + ".json", ["-c", name]) for name in names]
        for path in files:
            name = os.path.basename(path)
            with open(path, "rb") as f:
                data = head(f.read(), args.max_bytes)
            input_path = path
            if args.max_bytes is not None:
                input_path = os.path.join(tmp, "in-" + name)
                with open(input_path, "wb") as f:
                    f.write(data)
            text = data.decode("utf-8")
            input_lines = text.split("\n")
            print(f"== {name}: {len(data):,} bytes, {len(input_lines):,} lines")
            for config, opencc_config, fanjian_config in configs:
                converter = load_opencc(opencc, opencc_config)
                start = time.perf_counter()
                expected = converter.convert(text)
                opencc_time = time.perf_counter() - start

                start = time.perf_counter()
                run = subprocess.run(
                    [args.fanjian, *fanjian_config, "-i", input_path, "-o", out_path],
                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                )
                fanjian_time = time.perf_counter() - start
                opencc_seconds += opencc_time
                fanjian_seconds += fanjian_time

                total_bytes += len(data)
                expected_lines = expected.split("\n")
                if run.returncode != 0:
                    # Every line counts as differing.
                    total_lines += len(expected_lines)
                    failures += 1
                    message = run.stderr.decode("utf-8", "replace").strip()
                    print(f"{config:6} {name}: fanjian failed (status {run.returncode}): {message}")
                    continue
                with open(out_path, "rb") as f:
                    got = f.read().decode("utf-8", "replace")
                got_lines = got.split("\n")
                lines = max(len(expected_lines), len(got_lines))
                total_lines += lines
                differing = [
                    i for i in range(lines)
                    if i >= len(got_lines) or i >= len(expected_lines)
                    or got_lines[i] != expected_lines[i]
                ]
                same = lines - len(differing)
                identical_lines += same
                print(f"{config:6} {name}: {same:,}/{lines:,} lines identical "
                      f"({100.0 * same / lines:.3f}%), opencc {opencc_time:.2f} s, "
                      f"fanjian {fanjian_time:.2f} s")
                if differing:
                    failures += 1
                    if len(got_lines) != len(expected_lines):
                        print(f"    line count: fanjian {len(got_lines):,}, "
                              f"OpenCC {len(expected_lines):,}")
                for i in differing[:args.show]:
                    ours = got_lines[i] if i < len(got_lines) else "<missing>"
                    theirs = expected_lines[i] if i < len(expected_lines) else "<missing>"
                    source = input_lines[i] if i < len(input_lines) else "<missing>"
                    column = first_difference(ours, theirs)
                    print(f"    line {i + 1}, column {column + 1}:")
                    print(f"      input:   {window(source, column)!r}")
                    print(f"      fanjian: {window(ours, column)!r}")
                    print(f"      OpenCC:  {window(theirs, column)!r}")

    share = 100.0 * identical_lines / total_lines if total_lines else 100.0
    print(f"time: OpenCC {opencc_seconds:.1f} s, fanjian {fanjian_seconds:.1f} s "
          f"(whole process, {total_bytes / 1e6:,.1f} MB converted)")
    print(f"differential: {len(configs)} configs x {len(files)} files, {total_lines:,} lines, "
          f"{identical_lines:,} identical ({share:.3f}%)")
    # One check per configuration and file, in the plain form CI summaries read.
    checks = len(configs) * len(files)
    print(f"differential: {checks - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
