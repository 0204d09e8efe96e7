#!/usr/bin/env bash
# Installs what scripts/vscode-test/run.mjs needs to run the integration tests inside a real VS Code on a
# machine that reaches only the npm registry and Debian's packages (no VS Code or Electron download):
#   - code-server (its bundled VS Code server + web workbench) from npm, built by the Node it requires;
#   - that Node, from the npm package `node` (binary + headers, so node-gyp works offline);
#   - playwright-core from npm, to drive Debian's /usr/bin/chromium (never a browser download).
# Everything goes to a cache outside the repository (about 800 MB):
#   ${PHASELENS_VSCODE_TEST_HOME:-$HOME/.cache/phaselens-vscode-test}
# Idempotent: a complete cache whose stamp matches versions.env is reused in well under a second. Each piece
# carries its own marker, so a changed version or an interrupted install redoes only the pieces concerned.
# Any failure stops with a message and a non-zero exit code.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# Run from an npm script (`npm start`, `npm test`), this inherits the outer npm's script environment,
# and the inner `npm install`s must not see it:
#   - npm_config_* are the outer npm's resolved settings: npm_config_user_agent names the outer
#     Node (v20), and code-server's postinstall reads the Node major from it and refuses to install;
#     npm_config_nodedir=/usr points node-gyp at Node 20's headers for a Node 24 build.
#   - npm_node_execpath, npm_execpath, NODE and npm_lifecycle_* / npm_package_* describe the outer
#     run (its Node binary, its package); node-gyp and install scripts prefer NODE over PATH.
#   - PATH gains the project's node_modules/.bin and npm's node-gyp-bin, which would shadow the tools
#     the inner installs bring.
# Clearing them gives the inner npm what a person typing `npm install` has: the user's and the
# machine's npmrc files (read from disk: registry, cafile, ...) and the NPM_CONFIG_* a person exported
# themselves (npm only ever sets the lower-case form), and nothing else. Settings this script
# wants (nodedir for code-server's native build) are set explicitly where they apply.
while IFS= read -r name; do
  case "$name" in npm_*|NODE|INIT_CWD) unset "$name" ;; esac
done < <(compgen -e)
clean_path=""
IFS=: read -r -a path_entries <<< "$PATH"
for entry in "${path_entries[@]}"; do
  case "$entry" in */node_modules/.bin|*/node-gyp-bin|"") continue ;; esac
  clean_path="${clean_path:+$clean_path:}$entry"
done
export PATH="$clean_path"

# shellcheck source=versions.env
source "$HERE/versions.env"
CACHE="${PHASELENS_VSCODE_TEST_HOME:-$HOME/.cache/phaselens-vscode-test}"
STARTED=$SECONDS

say() { echo "[vscode-test setup] $*"; }
die() { echo "[vscode-test setup] ERROR: $*" >&2; exit 1; }
trap 'echo "[vscode-test setup] ERROR: command failed (exit $?) at line $LINENO: $BASH_COMMAND" >&2' ERR

# What run.mjs checks: the pinned versions this cache was completed for.
expected_stamp() {
  printf 'code-server=%s\nnode=%s\nplaywright-core=%s\nlayout=%s\n' \
    "$CODE_SERVER_VERSION" "$CODE_SERVER_NODE_VERSION" "$PLAYWRIGHT_CORE_VERSION" "$CACHE_LAYOUT"
}

# Each piece: its folder, the marker text naming what it was built from, and a file proving the build finished.
NODE_PIECE="node@$CODE_SERVER_NODE_VERSION"
# code-server's native modules are compiled for its Node's ABI, so a new Node means a new build.
CODE_SERVER_PIECE="code-server@$CODE_SERVER_VERSION built-with node@$CODE_SERVER_NODE_VERSION"
PLAYWRIGHT_PIECE="playwright-core@$PLAYWRIGHT_CORE_VERSION"
node_bin() { find "$CACHE/node/node_modules" -maxdepth 5 -path '*/node-linux-*/bin/node' -type f -print -quit 2>/dev/null || true; }
CODE_SERVER_DIR="$CACHE/code-server/node_modules/code-server"
CODE_SERVER_ENTRY="$CODE_SERVER_DIR/out/node/entry.js"
# The last native module code-server's postinstall builds: present only when the build went through.
CODE_SERVER_NATIVE="$CODE_SERVER_DIR/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node"
PLAYWRIGHT_DIR="$CACHE/playwright/node_modules/playwright-core"

piece_ok() { # folder marker-text proof-file
  [ -f "$1/.installed" ] && [ "$(cat "$1/.installed")" = "$2" ] && [ -n "$3" ] && [ -f "$3" ]
}

# shellcheck source=../lib/apt-install.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/apt-install.sh"

npm_install_into() { # folder package@version   (wipes the folder first: no leftovers of another version)
  local dir="$1" spec="$2"
  rm -rf "$dir"
  mkdir -p "$dir"
  printf '{ "name": "phaselens-vscode-test-%s", "private": true }\n' "$(basename "$dir")" > "$dir/package.json"
  say "npm install $spec  (in $dir)"
  (cd "$dir" && npm install --no-audit --no-fund --save-exact --loglevel=warn "$spec") || die "npm install $spec failed"
}

mkdir -p "$CACHE"
exec 9>"$CACHE/.lock"
flock -w 1800 9 || die "another setup.sh holds $CACHE/.lock for more than 30 minutes"

# Chromium is needed at run time, so it is checked even when the cache is complete.
missing_packages=()
command -v chromium >/dev/null || missing_packages+=(chromium)
# Plans are full of emoji (✅ 🚧 ⏳): without a colour emoji font the workbench draws empty boxes.
dpkg -s fonts-noto-color-emoji >/dev/null 2>&1 || missing_packages+=(fonts-noto-color-emoji)

if [ -f "$CACHE/stamp" ] && [ "$(cat "$CACHE/stamp")" = "$(expected_stamp)" ] && [ -f "$CACHE/paths.json" ] &&
   piece_ok "$CACHE/node" "$NODE_PIECE" "$(node_bin)" &&
   piece_ok "$CACHE/code-server" "$CODE_SERVER_PIECE" "$CODE_SERVER_NATIVE" &&
   piece_ok "$CACHE/playwright" "$PLAYWRIGHT_PIECE" "$PLAYWRIGHT_DIR/package.json"; then
  apt_install "${missing_packages[@]}"
  say "cache is complete for code-server $CODE_SERVER_VERSION in $CACHE (nothing to do)"
  exit 0
fi

say "installing what is missing or outdated in $CACHE (about 820 MB; about 4 minutes from scratch)"
rm -f "$CACHE/stamp" "$CACHE/paths.json"

# 1. Debian packages: the browser, plus what code-server's native build needs when it has to be built:
#    the krb5 headers for its `kerberos` module, and node-gyp's toolchain if this machine lacks it.
if ! piece_ok "$CACHE/code-server" "$CODE_SERVER_PIECE" "$CODE_SERVER_NATIVE"; then
  dpkg -s libkrb5-dev >/dev/null 2>&1 || missing_packages+=(libkrb5-dev)
  { command -v g++ >/dev/null && command -v make >/dev/null; } || missing_packages+=(build-essential)
  command -v python3 >/dev/null || missing_packages+=(python3)
fi
apt_install "${missing_packages[@]}"

# 2. The Node code-server requires (it refuses other majors), with headers for node-gyp.
if ! piece_ok "$CACHE/node" "$NODE_PIECE" "$(node_bin)"; then
  npm_install_into "$CACHE/node" "node@$CODE_SERVER_NODE_VERSION"
  echo "$NODE_PIECE" > "$CACHE/node/.installed"
fi
NODE_BIN="$(node_bin)"
[ -n "$NODE_BIN" ] || die "npm package node@$CODE_SERVER_NODE_VERSION installed no node-linux-*/bin/node under $CACHE/node"
NODE_HOME="$(cd "$(dirname "$NODE_BIN")/.." && pwd)"
[ "$("$NODE_BIN" --version)" = "v$CODE_SERVER_NODE_VERSION" ] || die "$NODE_BIN is $("$NODE_BIN" --version), expected v$CODE_SERVER_NODE_VERSION"
[ -f "$NODE_HOME/include/node/node.h" ] || die "no Node headers in $NODE_HOME/include/node: node-gyp cannot build code-server"

# 3. code-server, installed BY that Node (its postinstall checks the running major) and with node-gyp
#    pointed at its headers: the machine's npm config says nodedir=/usr (Node 20's ABI) and node-gyp
#    cannot download headers here.
if ! piece_ok "$CACHE/code-server" "$CODE_SERVER_PIECE" "$CODE_SERVER_NATIVE"; then
  PATH="$NODE_HOME/bin:$PATH" npm_config_nodedir="$NODE_HOME" \
    npm_install_into "$CACHE/code-server" "code-server@$CODE_SERVER_VERSION"
  [ -f "$CODE_SERVER_NATIVE" ] || die "code-server's postinstall did not build its native modules ($CODE_SERVER_NATIVE missing)"
  echo "$CODE_SERVER_PIECE" > "$CACHE/code-server/.installed"
fi
# code-server writes a default config (with a password) and logs under XDG folders on every start, even for
# --version: point them at a scratch folder so nothing lands in the user's ~/.config or ~/.local.
scratch="$(mktemp -d)"
cs_version="$(XDG_CONFIG_HOME="$scratch" XDG_DATA_HOME="$scratch" "$NODE_BIN" "$CODE_SERVER_ENTRY" --version 2>&1 | grep -m1 "^$CODE_SERVER_VERSION " || true)"
rm -rf "$scratch"
[ -n "$cs_version" ] || die "code-server --version did not report $CODE_SERVER_VERSION (run: $NODE_BIN $CODE_SERVER_ENTRY --version)"
say "code-server: $cs_version"

# 4. The browser driver (playwright-core never downloads a browser; run.mjs points it at /usr/bin/chromium).
if ! piece_ok "$CACHE/playwright" "$PLAYWRIGHT_PIECE" "$PLAYWRIGHT_DIR/package.json"; then
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm_install_into "$CACHE/playwright" "playwright-core@$PLAYWRIGHT_CORE_VERSION"
  [ -f "$PLAYWRIGHT_DIR/package.json" ] || die "playwright-core missing after install"
  echo "$PLAYWRIGHT_PIECE" > "$CACHE/playwright/.installed"
fi

CHROMIUM_BIN="$(command -v chromium)" || die "chromium is not on PATH after apt-get install"
say "chromium: $("$CHROMIUM_BIN" --version 2>/dev/null || echo '(version unknown)')"

# run.mjs reads the locations from here, and the stamp last: its presence means everything above finished.
cat > "$CACHE/paths.json" <<JSON
{
  "node": "$NODE_BIN",
  "codeServerEntry": "$CODE_SERVER_ENTRY",
  "playwrightCore": "$PLAYWRIGHT_DIR",
  "chromium": "$CHROMIUM_BIN"
}
JSON
expected_stamp > "$CACHE/stamp"
say "done in $((SECONDS - STARTED)) s; cache size $(du -sh "$CACHE" | cut -f1)"
