#!/usr/bin/env bash
# Peak resident memory of converting a 1 GiB file through the streaming path (the convert
# example streams its input): it must stay under 64 MiB whatever the file's size.
#
#   bash scripts/stream-memory.sh [SIZE_MIB] [CONFIG]    # defaults: 1024, s2twp
#
# The file is OpenCC's benchmark text (../shared/bench/zuozhuan.txt, 1.9 MB), repeated; it
# goes to target/stream-memory.txt and is removed afterwards. (Text with an ideographic
# description sequence every few hundred bytes, such as examples/data/sample-hans.txt
# repeated, has no safe cut and is held whole: see README, "Where we differ".) Prints the peak RSS that
# /usr/bin/time -v reports, and exits 1 when it is 64 MiB or more.
set -euo pipefail
cd "$(dirname "$0")/.."
size_mib=${1:-1024}
config=${2:-s2twp}
limit_kib=$((64 * 1024))
file=target/stream-memory.txt

cargo build --release --quiet --example convert
mkdir -p target
trap 'rm -f "$file"' EXIT
python3 - "$file" "$size_mib" <<'PY'
import sys
path, mib = sys.argv[1], int(sys.argv[2])
unit = open("../shared/bench/zuozhuan.txt", "rb").read()
block = unit * max(1, (1 << 20) // len(unit))
with open(path, "wb") as out:
    written = 0
    while written < mib << 20:
        out.write(block)
        written += len(block)
PY
bytes=$(stat -c %s "$file")
report=$( { /usr/bin/time -v target/release/examples/convert -c "$config" -i "$file" >/dev/null; } 2>&1 )
rss_kib=$(sed -n 's/.*Maximum resident set size (kbytes): //p' <<<"$report")
elapsed=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' <<<"$report")
echo "stream-memory: $config, $bytes bytes in $elapsed, peak RSS ${rss_kib} KiB (limit ${limit_kib} KiB)"
if [ "$rss_kib" -ge "$limit_kib" ]; then
  echo "stream-memory: over the limit" >&2
  exit 1
fi
