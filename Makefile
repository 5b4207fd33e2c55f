# Two commands for a fresh machine:  make lab   (open the course)
#                                    make test  (run every test)
# Both create .venv and install the pinned packages the first time, and skip
# that when requirements.txt and pyproject.toml have not changed.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
READY  := $(VENV)/.installed
# JupyterLab refuses to start as root (as in many containers) unless told it may.
LAB_ARGS ?= $(if $(filter 0,$(shell id -u)),--allow-root)

.PHONY: setup lab test notebooks benchmark clean

$(READY): requirements.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt -e .
	@touch $@

setup: $(READY)

lab: $(READY)
	$(BIN)/jupyter lab $(LAB_ARGS) notebooks/00_start_here.ipynb

test: $(READY)
	@tools/ensure_chromium.sh
	$(BIN)/python -m pytest

# Rebuild every notebook from notebook_sources/ and execute it from a fresh kernel.
notebooks: $(READY)
	$(BIN)/python tools/build_notebooks.py
	$(BIN)/python tools/build_instructors.py

benchmark: $(READY)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .hypothesis tests/browser/screenshots
