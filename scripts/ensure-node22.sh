#!/usr/bin/env bash
# Prints a directory holding a Node >= 22 `node` binary, installing node-linux-<arch>@22
# from the npm registry into .node22/ when the machine's own Node is older.
# Usage: export PATH="$(bash scripts/ensure-node22.sh):$PATH"
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
want_major=22
# An exact version, so a warm npm cache answers without the registry (a range needs the package's
# version list from the registry first: 1–2 minutes when it is slow) and every run gets the same Node.
want_version=22.23.5
have_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$have_major" -ge "$want_major" ]; then
  dirname "$(command -v node)"
  exit 0
fi
case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) echo "ensure-node22: unsupported architecture $(uname -m)" >&2; exit 1 ;;
esac
bin="$root/.node22/node_modules/node-linux-$arch/bin"
if [ ! -x "$bin/node" ]; then
  # The binary ships inside the package, so no install script has to run.
  npm install --no-save --no-package-lock --ignore-scripts --prefer-offline --loglevel=error \
    --prefix "$root/.node22" "node-linux-$arch@$want_version" >&2
fi
"$bin/node" --version >/dev/null
echo "$bin"
