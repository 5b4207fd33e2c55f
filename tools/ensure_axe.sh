#!/usr/bin/env bash
# The browser test's accessibility check injects axe-core (Deque's WCAG rules engine, from
# npm) into each notebook's page. Install it into .venv/axe once, when it is missing and npm
# is here; the test reads it from disk and never downloads it while it runs. Without it
# the accessibility check is skipped with a note (a failure when REQUIRE_BROWSER=1, as in CI).
set -u
AXE_VERSION=4.14.1  # the version issue 22's measurements were taken with
PREFIX="${1:-.venv/axe}"
if [ -f "$PREFIX/node_modules/axe-core/axe.min.js" ] \
   && grep -q "\"version\": \"$AXE_VERSION\"" "$PREFIX/node_modules/axe-core/package.json"; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing npm for the browser test's accessibility check (apt-get install npm)..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq npm >/dev/null || echo "Could not install npm with apt-get." >&2
fi
if command -v npm >/dev/null 2>&1; then
  echo "Installing axe-core $AXE_VERSION into $PREFIX for the browser test's accessibility check..."
  if npm install --prefix "$PREFIX" --no-audit --no-fund --loglevel=error "axe-core@$AXE_VERSION" >/dev/null; then
    exit 0
  fi
  echo "Could not install axe-core with npm." >&2
fi
echo "axe-core not found: the browser test's accessibility check will be skipped." \
     "Install Node.js and npm (sudo apt-get install nodejs npm), then run make test again." >&2
exit 0
