#!/usr/bin/env python3
"""Samples the labelled lines of tests/data/detect/ from the real-text corpora.

Only sources whose licences allow redistribution in this Apache-2.0 repository are
sampled (see tests/data/detect/README.md). Every file takes every k-th qualifying line of
its source range, so the sample is spread over the whole source and reproducible:

    python3 scripts/detect-eval-data.py [CORPUS_DIR]   # default target/corpus
"""

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "target/corpus"
ZUOZHUAN = ROOT.parent / "shared/bench/zuozhuan.txt"
OUT = ROOT / "tests/data/detect"

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")
# A JSON string value on a line of VS Code's raw i18n files: "key": "value",
VALUE = re.compile(r'^\s*"(?:[^"\\]|\\.)*"\s*:\s*("(?:[^"\\]|\\.)*")\s*,?\s*$')


def lines(path, first, last):
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if first <= number <= last:
                yield line.rstrip("\n")


def vscode_values(path, first, last):
    for line in lines(path, first, last):
        match = VALUE.match(line)
        if match:
            yield json.loads(match.group(1)).replace("\n", " ")


def sample(texts, count, max_chars=160):
    """Every k-th distinct line with at least one Han character, at most `count` lines."""
    seen, kept = set(), []
    for text in texts:
        text = text.strip()
        if HAN.search(text) and len(text) <= max_chars and text not in seen:
            seen.add(text)
            kept.append(text)
    step = max(1, len(kept) // count)
    return kept[::step][:count]


FILES = {
    # name: (lines, count)
    "hans-zuozhuan.txt": (lines(ZUOZHUAN, 1, 10**9), 500),
    "hans-poetry.txt": (lines(CORPUS / "zh-hans-classical.txt", 1, 279602), 700),
    "hans-vscode.txt": (vscode_values(CORPUS / "zh-mixed.txt", 241803, 246439), 700),
    "hant-poetry.txt": (lines(CORPUS / "zh-hant-classical.txt", 1, 842063), 900),
    "hant-tw-vscode.txt": (lines(CORPUS / "zh-hant-modern.txt", 72661, 87024), 900),
    "hant-hk-ctcpc.txt": (lines(CORPUS / "zh-hant-hk.txt", 1, 121057), 900),
}

OUT.mkdir(parents=True, exist_ok=True)
for name, (texts, count) in FILES.items():
    kept = sample(texts, count)
    (OUT / name).write_text("".join(line + "\n" for line in kept), encoding="utf-8")
    print(f"{name}: {len(kept)} lines, {sum(len(l.encode()) + 1 for l in kept)} bytes")
