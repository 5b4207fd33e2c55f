#!/usr/bin/env bash
# The hub test (tests/hub) runs JupyterHub's proxy, configurable-http-proxy, from npm.
# Install it into .venv/chp when it is missing; install Node.js and npm first with
# apt-get when they are missing and this user can (root). Otherwise say how, and let
# the hub tests skip (or fail, when REQUIRE_HUB=1).
set -u
CHP_VERSION=4.6.3  # runs on Node.js 10 and later, so Debian's own nodejs will do
PREFIX="${1:-.venv/chp}"
if [ -x "$PREFIX/node_modules/.bin/configurable-http-proxy" ]; then exit 0; fi
if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # One at a time: some Node.js packages bring their own npm, which Debian's npm conflicts with.
    for tool in node npm; do
      if ! command -v "$tool" >/dev/null 2>&1; then
        package=$([ "$tool" = node ] && echo nodejs || echo npm)
        echo "Installing $package for the hub test (apt-get install $package)..."
        apt-get install -y -qq "$package" >/dev/null || echo "Could not install $package with apt-get." >&2
      fi
    done
  fi
fi
if command -v npm >/dev/null 2>&1; then
  echo "Installing configurable-http-proxy $CHP_VERSION into $PREFIX for the hub test..."
  if npm install --prefix "$PREFIX" --no-audit --no-fund --loglevel=error \
       "configurable-http-proxy@$CHP_VERSION" >/dev/null; then
    exit 0
  fi
  echo "Could not install configurable-http-proxy with npm." >&2
fi
echo "configurable-http-proxy not found: the hub tests will be skipped." \
     "Install Node.js and npm (sudo apt-get install nodejs npm), then run make test again." >&2
exit 0
