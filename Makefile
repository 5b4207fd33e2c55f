# Two commands for a fresh machine:  make lab   (open the course)
#                                    make test  (run every test)
# Both create .venv and install the pinned packages the first time, and skip
# that when requirements.txt and pyproject.toml have not changed.

# The course supports Python 3.11 to 3.14 (tests/test_environment.py checks that README,
# environment.yml and pyproject.toml agree). PYTHON is the first of python3.11, python3.12,
# python3.13, python3.14, python3 on PATH that runs and is one of those; `make PYTHON=...`
# overrides. Oldest first: 3.11 is the Python environment.yml pins (Binder) and the one the
# committed notebooks are built with, so a learner with several gets the tested setup.
# (Each candidate is run, not just found: a pyenv shim is on PATH even when it cannot run.)
SUPPORTED_PYTHONS := 3.11 3.12 3.13 3.14
PYTHON ?= $(shell for p in $(addprefix python,$(SUPPORTED_PYTHONS)) python3; do \
	$$p -c "import sys; sys.exit('%d.%d' % sys.version_info[:2] not in '$(SUPPORTED_PYTHONS)'.split())" 2>/dev/null \
	&& command -v $$p && break; done)
VENV   := .venv
BIN    := $(VENV)/bin
READY  := $(VENV)/.installed
HUB_READY := $(VENV)/.hub-installed
# JupyterLab refuses to start as root (as in many containers) unless told it may.
LAB_ARGS ?= $(if $(filter 0,$(shell id -u)),--allow-root)

.PHONY: setup lab test notebooks benchmark benchmark-room timings experiments hub-link clean

$(READY): requirements.txt pyproject.toml
	@test -x $(BIN)/python || test -n "$(PYTHON)" || { echo "No Python 3.11 to 3.14 found on PATH." \
	  "Install one, or name it: make $(MAKECMDGOALS) PYTHON=/path/to/python3.13" >&2; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt -e .
	@touch $@

# The hub test (tests/hub) also needs JupyterHub, nbgitpuller and, from npm, the proxy.
$(HUB_READY): $(READY) hub/requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r hub/requirements.txt
	@touch $@

setup: $(READY)

# jupyter_config/ keeps JupyterLab quiet and offline (no news pop-up, no update check, a
# read-only extension manager): it is added to Jupyter's config path, behind your own
# ~/.jupyter. Binder installs the same files in postBuild; README says how a hub does.
lab: $(READY)
	JUPYTER_CONFIG_PATH="$(CURDIR)/jupyter_config$${JUPYTER_CONFIG_PATH:+:$$JUPYTER_CONFIG_PATH}" \
	  $(BIN)/jupyter lab $(LAB_ARGS) notebooks/00_start_here.ipynb

test: $(READY) $(HUB_READY)
	@tools/ensure_chromium.sh
	@tools/ensure_axe.sh $(VENV)/axe
	@tools/ensure_hub_proxy.sh $(VENV)/chp
	@tools/ensure_colab_env.sh
	$(BIN)/python -m pytest

# Rebuild every notebook from notebook_sources/ and execute it from a fresh kernel.
notebooks: $(READY)
	$(BIN)/python tools/build_notebooks.py
	$(BIN)/python tools/build_instructors.py

# Every speed figure the course keeps, each beside its target, then a summary of issue 21's:
# slider moves, each notebook's setup cells in a fresh kernel, notebook 07 alone and with a
# room of 4 learners on 2 cores, and the LSTM layer beside torch.nn.LSTM, measured where a
# Python with torch is named (torch is not a course requirement):
#     make benchmark TORCH_PYTHON=/path/to/python-with-torch
benchmark: $(READY)
	$(BIN)/python benchmarks/run.py

# A room of LEARNERS (default 4) running NOTEBOOKS (default 06 07) at once, each in real
# kernels: prints every learner's wall time and kernel CPU seconds.
LEARNERS ?= 4
NOTEBOOKS ?= 06 07
benchmark-room: $(READY)
	$(BIN)/python tools/room.py $(NOTEBOOKS) --learners $(LEARNERS)

# Measure every notebook alone and in a room of 4 on 2 cores (several minutes of CPU),
# and write the table into INSTRUCTORS.md.
timings: $(READY)
	$(BIN)/python tools/measure_timings.py

# The nbgitpuller link for a workshop: make hub-link HUB=https://hub.example.org [REPO=https://github.com/OWNER/REPO]
# (REPO and BRANCH default to the repository and branch publish.toml names)
hub-link:
	@test -n "$(HUB)" || { echo "usage: make hub-link HUB=https://your.hub [REPO=https://github.com/OWNER/REPO] [BRANCH=main]" >&2; exit 2; }
	@$(PYTHON) tools/hub_link.py "$(HUB)" $(if $(REPO),"$(REPO)") $(if $(BRANCH),--branch "$(BRANCH)")

# Recompute notebook 06's success table (lstm_helpers/results/long_lag_table.csv): 250 training
# runs and 180 guessing and two-values runs. The first 220 took 14 minutes on one core of the
# course machine; the rest add roughly 20 more (an estimate from single runs). JOBS=2 runs two at once.
experiments: $(READY)
	$(BIN)/python tools/long_lag_table.py --jobs $(or $(JOBS),1)

clean:
	rm -rf $(VENV) $(VENV)-colab *.egg-info .pytest_cache .hypothesis tests/browser/screenshots
