# Sourced by the scripts that need Debian packages (scripts/vscode-test/setup.sh,
# scripts/test-shells.sh). Expects `say` and `die` from the caller, for its own log prefix.

# apt_install PACKAGE...: installs the packages with apt-get, as root or through sudo.
apt_install() {
  [ $# -eq 0 ] && return 0
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "need Debian packages ($*) but not root and no sudo: run 'apt-get install -y $*' as root"
    sudo=(sudo)
  fi
  say "apt-get install $* (missing)"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq || die "apt-get update failed"
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "$@" >/dev/null || die "apt-get install $* failed"
}
