#!/usr/bin/env bash
# The browser test drives Debian's Chromium. Install it when it is missing and
# this user can (root with apt-get); otherwise say how, and let the browser
# tests skip (or fail, when REQUIRE_BROWSER=1).
set -u
for name in chromium chromium-browser; do
  if command -v "$name" >/dev/null 2>&1; then exit 0; fi
done
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Chromium for the browser test (apt-get install chromium)..."
  export DEBIAN_FRONTEND=noninteractive
  if apt-get update -qq && apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; then
    exit 0
  fi
  echo "Could not install Chromium with apt-get." >&2
fi
echo "Chromium not found: the browser tests will be skipped." \
     "Install it with: sudo apt-get install chromium   (or set CHROMIUM=/path/to/chrome)" >&2
exit 0
