#!/usr/bin/env bash
# What posreturns needs from the system beyond Python. `system-deps.sh gui` (run by `make run`): the
# libraries of Qt's X11 platform plugin. `system-deps.sh` (run by `make test` and so `.ci/run`): Qt's
# offscreen libraries, PostgreSQL and Node.js >= 20.19 (the real Medusa of the connector tests).
# `system-deps.sh package` (run by `make package-check`): the tools that build and check the packages
# for tills (dpkg-deb is Debian's own; NSIS for the Windows installer script; desktop-file-utils).
# As root on Debian it installs what is missing (apt, and Node from the npm registry when Debian's
# is too old); otherwise it says what to install. It changes nothing that is already there.
set -euo pipefail

NODE_VERSION=20.20.2
NODE_DIR=${POSRETURNS_NODE_DIR:-$HOME/.cache/posreturns/node}
root=0; [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && root=1
apt_updated=0

apt_install() {
  if [ $root = 0 ]; then
    echo "posreturns: missing system packages: $*; install them (sudo apt-get install $*) or some tests will fail." >&2
    return 0
  fi
  if [ $apt_updated = 0 ]; then apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

need_packages() {
  local missing=()
  for package in "$@"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
}

command -v dpkg >/dev/null 2>&1 || exit 0  # not Debian: nothing we know how to check
need_packages libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0
if [ "${1:-}" = package ]; then
  need_packages nsis desktop-file-utils
  exit 0
fi
if [ "${1:-}" = gui ]; then
  need_packages libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 \
    libxcb-randr0 libxcb-shape0 libxcb-xfixes0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0
  exit 0
fi

ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || apt_install postgresql

node_ok() {
  "$1" -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' 2>/dev/null
}
if command -v node >/dev/null 2>&1 && node_ok node; then
  exit 0
fi
local_node="$NODE_DIR/node_modules/node-linux-$( [ "$(uname -m)" = aarch64 ] && echo arm64 || echo x64)/bin/node"
if [ -x "$local_node" ] && node_ok "$local_node"; then
  exit 0
fi
command -v npm >/dev/null 2>&1 || apt_install nodejs npm
if command -v npm >/dev/null 2>&1; then
  # Debian's Node is too old for Medusa 2.21: take the official build published on the npm registry.
  arch=$( [ "$(uname -m)" = aarch64 ] && echo arm64 || echo x64)
  npm install --silent --no-audit --no-fund --prefix "$NODE_DIR" "node-linux-$arch@$NODE_VERSION" >/dev/null
  echo "posreturns: Node.js $NODE_VERSION installed in $NODE_DIR for the OMS tests." >&2
else
  echo "posreturns: Node.js >= 20.19 with npm is needed for the OMS tests; install it." >&2
fi
