# Jobassistenten: `make run` and `make test` do everything on a fresh machine.
SHELL := /bin/bash
.DEFAULT_GOAL := help
PY      := .venv/bin/python
RASA_PY := .venv-rasa/bin/python
export PYTHONPATH := $(CURDIR)
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2

.PHONY: help envs setup train run chat test test-fast validate eval eval-all bench system-deps clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*##/\t/'

# The application environment (Python 3.11, aiogram 3, SQLAlchemy 2): rebuilt when its lock changes.
.venv/.stamp: requirements/app.lock
	python3 -m venv .venv
	.venv/bin/pip install -q -r requirements/app.lock
	touch $@

# Rasa 3.6 needs Python 3.10 and pins pydantic 1 / SQLAlchemy 1.4, so it lives in its own environment.
.venv-rasa/.stamp: requirements/rasa.lock
	@py310=$$(tools/find-python310.sh) || exit 1; echo "Rasa environment on $$py310"; \
	"$$py310" -m venv .venv-rasa
	.venv-rasa/bin/pip install -q wheel
	.venv-rasa/bin/pip install -q -r requirements/rasa.lock
	touch $@

# The Danish spaCy pipeline (blank "da" + lookup lemmatizer) that Rasa's SpacyNLP loads.
models/spacy_da/meta.json: nlu/build_spacy.py .venv-rasa/.stamp
	$(RASA_PY) nlu/build_spacy.py models/spacy_da

envs: .venv/.stamp .venv-rasa/.stamp models/spacy_da/meta.json  ## create both environments

train: envs  ## train the NLU model if config.yml or nlu/ changed
	@bin/train

setup: train  ## everything: environments and the trained model (idempotent)

run: setup  ## start the assistant: web chat on http://127.0.0.1:$${PORT:-8000}
	bin/serve

chat: setup  ## chat in the terminal
	$(PY) -m bot chat

validate: envs  ## rasa data validate
	cd nlu && ../.venv-rasa/bin/rasa data validate --data data --domain domain.yml --config ../config.yml

# System packages the tests use: Debian's Chromium (browser test) and a PostgreSQL server (concurrency test).
system-deps:  ## install Chromium and PostgreSQL from Debian if missing (needs root)
	@missing=""; command -v chromium >/dev/null || missing="$$missing chromium"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	if [ -n "$$missing" ]; then echo "Installing:$$missing"; apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; fi

test: setup system-deps validate  ## set up, train if needed, run all tests
	$(PY) -m pytest -q

test-fast: envs  ## unit and flow tests only (no model, no browser)
	$(PY) -m pytest -q tests/unit tests/flows

eval: envs  ## 5-fold CV: config.yml vs the TF-IDF + logistic regression baseline, same folds (~2 min)
	$(RASA_PY) nlu/evaluate.py --folds 5 --out reports --only baseline config

eval-all: envs  ## the same plus every candidate in nlu/pipelines/ (DIET: ~70 min on 2 cores)
	$(RASA_PY) nlu/evaluate.py --folds 5 --out reports

bench: setup  ## speed and memory benchmarks
	$(PY) -m tools.bench

clean:  ## remove environments, models and runtime data
	rm -rf .venv .venv-rasa models var
