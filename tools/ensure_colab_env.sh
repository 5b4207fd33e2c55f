#!/usr/bin/env bash
# tests/colab runs the notebooks in a Colab-like environment: Python 3.13 with the package
# versions Colab ships (tests/colab/colab-versions.txt), in .venv-colab, made here from the
# registry the first time and again when that list changes. No Python 3.13: say so and let
# the tests skip (they fail instead when CI=true). COLAB_PYTHON=/path/to/python3.13 chooses one.
set -u
cd "$(dirname "$0")/.."
VENV=.venv-colab
VERSIONS=tests/colab/colab-versions.txt
if [ -f "$VENV/.installed" ] && cmp -s "$VERSIONS" "$VENV/.installed"; then exit 0; fi
PYTHON=${COLAB_PYTHON:-}
if [ -z "$PYTHON" ]; then
  for candidate in python3.13 "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.13*/bin/python3.13; do  # pyenv's, if not on PATH
    if "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 13))' 2>/dev/null; then
      PYTHON=$candidate; break
    fi
  done
fi
if [ -z "$PYTHON" ]; then
  echo "No Python 3.13 found: the Colab-like tests (tests/colab) will be skipped." \
       "Name one with COLAB_PYTHON=/path/to/python3.13." >&2
  exit 0
fi
echo "Making the Colab-like environment $VENV (Python 3.13, Colab's versions; once)..."
rm -rf "$VENV"
"$PYTHON" -m venv "$VENV" &&
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$VERSIONS" &&
  cp "$VERSIONS" "$VENV/.installed" && exit 0
echo "Could not make $VENV: the Colab-like tests will fail or be skipped." >&2
rm -rf "$VENV"
exit 0
