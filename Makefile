# Two commands for a fresh machine:  make lab   (open the course)
#                                    make test  (run every test)
# Both create .venv and install the pinned packages the first time, and skip
# that when requirements.txt and pyproject.toml have not changed.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
READY  := $(VENV)/.installed
HUB_READY := $(VENV)/.hub-installed
# JupyterLab refuses to start as root (as in many containers) unless told it may.
LAB_ARGS ?= $(if $(filter 0,$(shell id -u)),--allow-root)

.PHONY: setup lab test notebooks benchmark hub-link clean

$(READY): requirements.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt -e .
	@touch $@

# The hub test (tests/hub) also needs JupyterHub, nbgitpuller and, from npm, the proxy.
$(HUB_READY): $(READY) hub/requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r hub/requirements.txt
	@touch $@

setup: $(READY)

lab: $(READY)
	$(BIN)/jupyter lab $(LAB_ARGS) notebooks/00_start_here.ipynb

test: $(READY) $(HUB_READY)
	@tools/ensure_chromium.sh
	@tools/ensure_hub_proxy.sh $(VENV)/chp
	$(BIN)/python -m pytest

# Rebuild every notebook from notebooks/src and execute it from a fresh kernel.
notebooks: $(READY)
	$(BIN)/python tools/build_notebooks.py
	$(BIN)/python tools/build_instructors.py

benchmark: $(READY)
	$(BIN)/python benchmarks/run.py

# The nbgitpuller link for a workshop: make hub-link HUB=https://hub.example.org REPO=https://github.com/OWNER/REPO
BRANCH ?= main
hub-link:
	@test -n "$(HUB)" -a -n "$(REPO)" || { echo "usage: make hub-link HUB=https://your.hub REPO=https://github.com/OWNER/REPO [BRANCH=main]" >&2; exit 2; }
	@$(PYTHON) tools/hub_link.py "$(HUB)" "$(REPO)" --branch "$(BRANCH)"

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .hypothesis tests/browser/screenshots
