#!/usr/bin/env bash
# The real-shell tests (test/unit/shell/realShells.slow.test.ts) run launch lines in bash, dash,
# zsh and fish to prove that nothing from a plan is ever split, globbed or run. zsh and fish are
# Debian packages a fresh machine lacks: installed here when missing, so `npm test` proves the
# quoting on a newcomer's machine as on CI instead of failing for want of a shell.
set -euo pipefail
say() { echo "[test shells] $*"; }
die() { echo "[test shells] ERROR: $*" >&2; exit 1; }
# shellcheck source=lib/apt-install.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/apt-install.sh"

missing=()
for shell in bash dash zsh fish; do command -v "$shell" >/dev/null || missing+=("$shell"); done
apt_install "${missing[@]}"
