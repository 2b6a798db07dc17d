# Jobassistenten: `make run` and `make test` do everything on a fresh machine.
SHELL := /bin/bash
.DEFAULT_GOAL := help
PY      := .venv/bin/python
RASA_PY := .venv-rasa/bin/python
export PYTHONPATH := $(CURDIR)
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2

.PHONY: help app-env rasa-env spacy envs setup train run chat test browser test-fast validate eval eval-all kb-check bench \
        system-deps clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*##/\t/'

# Setup is a few numbered stages. Each prints one line before it starts and one when done; what the tools print
# (pip, Rasa, TensorFlow, apt) goes to var/log/setup.log, whose last lines are shown if a stage fails.
# The real work is in file rules, so make's own up-to-date check decides; each has a phony twin that says
# "ok (allerede bygget)" when make skipped it. The twin knows because a file rule's recipe sets built_<stage>
# with $(eval) when (and only when) make runs it, which is before the twin's recipe is expanded.
STEP  := tools/step.sh
# How many stages this command shows: the four setup stages, plus the test system packages for `make test`.
ENV_ONLY := envs validate test-fast eval eval-all
STEPS := $(if $(filter test system-deps,$(MAKECMDGOALS)),5,$(if $(filter-out $(ENV_ONLY),$(MAKECMDGOALS)),4,3))

app-env: .venv/.stamp
	@$(if $(built_app),:,$(STEP) skip 1/$(STEPS) "App-miljø (Python 3.11)")

# The application environment (Python 3.11, aiogram 3, SQLAlchemy 2): rebuilt when its lock changes.
.venv/.stamp: requirements/app.lock
	$(eval built_app := 1)
	@$(STEP) run 1/$(STEPS) "App-miljø (Python 3.11): installerer pakker, tager typisk 1-2 minutter" \
	  'python3 -m venv .venv && .venv/bin/pip install -r requirements/app.lock'
	@touch $@

rasa-env: .venv-rasa/.stamp
	@$(if $(built_rasa),:,$(STEP) skip 2/$(STEPS) "Rasa-miljø (Python 3.10)")

# Rasa 3.6 needs Python 3.10 and pins pydantic 1 / SQLAlchemy 1.4, so it lives in its own environment.
# find-python310.sh prints its one-line advice on screen when there is no Python 3.10.
.venv-rasa/.stamp: requirements/rasa.lock
	$(eval built_rasa := 1)
	@py310=$$(tools/find-python310.sh) || exit 1; export py310; \
	$(STEP) run 2/$(STEPS) "Rasa-miljø (Python 3.10): installerer Rasa og TensorFlow, tager typisk 3-5 minutter" \
	  'echo "Python 3.10: $$py310" && "$$py310" -m venv .venv-rasa && .venv-rasa/bin/pip install wheel && \
	   .venv-rasa/bin/pip install -r requirements/rasa.lock'
	@touch $@

spacy: models/spacy_da/meta.json
	@$(if $(built_spacy),:,$(STEP) skip 3/$(STEPS) "Dansk spaCy-pipeline")

# The Danish spaCy pipeline (blank "da" + lookup lemmatizer) that Rasa's SpacyNLP loads.
models/spacy_da/meta.json: nlu/build_spacy.py .venv-rasa/.stamp
	$(eval built_spacy := 1)
	@$(STEP) run 3/$(STEPS) "Dansk spaCy-pipeline: bygger, tager typisk 10-30 sekunder" \
	  '$(RASA_PY) nlu/build_spacy.py models/spacy_da'

envs: app-env rasa-env spacy  ## create both environments

train: envs  ## train the NLU model if config.yml or nlu/ changed
	@SETUP_STEP=4/$(STEPS) bin/train

setup: train  ## everything: environments and the trained model (idempotent)

run: setup  ## start the assistant: web chat on http://127.0.0.1:$${PORT:-8000}
	@bin/serve

chat: setup  ## chat in the terminal
	@$(PY) -m bot chat

validate: envs  ## rasa data validate (its many "not used in any story" warnings go to var/log/validate.log)
	@mkdir -p var/log; cd nlu && if ../.venv-rasa/bin/rasa data validate --data data --domain domain.yml \
	  --config ../config.yml > ../var/log/validate.log 2>&1; then echo "Rasa-data: gyldige (detaljer i var/log/validate.log)"; \
	  else tail -30 ../var/log/validate.log; echo "Rasa-data: FEJL (hele loggen: var/log/validate.log)"; exit 1; fi

# System packages the tests use: Debian's Chromium (browser test) and a PostgreSQL server (concurrency test).
system-deps:  ## install Chromium and PostgreSQL from Debian if missing (needs root)
	@missing=""; command -v chromium >/dev/null || missing="$$missing chromium"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	label="Systempakker til testene"; \
	if [ -z "$$missing" ]; then $(STEP) skip 5/$(STEPS) "$$label (Chromium, PostgreSQL)" "ok (allerede installeret)"; \
	else $(STEP) run 5/$(STEPS) "$$label ($${missing# }): installerer med apt-get, tager typisk 1-3 minutter" \
	  "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends$$missing"; fi

test: setup system-deps validate  ## set up, train if needed, run all tests
	@$(PY) -m pytest -q

browser: setup system-deps  ## only the browser tests (citizen page and inbox in Debian's Chromium)
	@$(PY) -m pytest -q -m browser

test-fast: envs  ## unit and flow tests only (no model, no browser)
	@$(PY) -m pytest -q tests/unit tests/flows

eval: envs  ## 5-fold CV: config.yml vs the baseline, same folds, per language and one vs two models (~6 min)
	@$(RASA_PY) nlu/evaluate.py --folds 5 --out reports --only baseline config

eval-all: envs  ## the same plus every candidate in nlu/pipelines/ (DIET: ~70 min on 2 cores)
	@$(RASA_PY) nlu/evaluate.py --folds 5 --out reports

kb-check: envs  ## knowledge entries not reviewed for DAYS days (default 365)
	@$(PY) tools/kb_check.py --max-age-days $(or $(DAYS),365)

bench: setup  ## speed, memory and load benchmarks; only the load part: make bench BENCH="--only load --duration 20"
	@$(PY) -m tools.bench $(BENCH)

clean:  ## remove environments, models and runtime data
	@rm -rf .venv .venv-rasa models var
