#!/usr/bin/env bash
# One numbered setup stage on screen; its tools' output (pip, Rasa, TensorFlow, apt) in var/log/setup.log.
#   tools/step.sh run  N/M "Label: what it does, typisk X minutter" 'shell command'
#   tools/step.sh skip N/M "Label" ["ok (allerede bygget)"]
# N/M may be empty (a script run on its own): then the line has no number.
set -uo pipefail
cd "$(dirname "$0")/.."
log=var/log/setup.log
mode=${1:?usage: step.sh run|skip N/M LABEL ...}
num=${2:-}
label=${3:?missing label}
prefix=${num:+[$num] }

case $mode in
  skip)
    echo "${prefix}${label}: ${4:-ok (allerede bygget)}"
    ;;
  run)
    cmd=${4:?missing command}
    mkdir -p "$(dirname "$log")"
    echo "${prefix}${label} ..."
    printf '\n===== %s %s%s\n$ %s\n' "$(date '+%F %T')" "$prefix" "$label" "$cmd" >>"$log"
    start=$(date +%s)
    # stdin from /dev/null: nothing in a stage may stop and wait for an answer nobody sees.
    bash -euo pipefail -c "$cmd" >>"$log" 2>&1 </dev/null
    rc=$?
    secs=$(( $(date +%s) - start ))
    if [ "$rc" -ne 0 ]; then
      echo "      FEJL efter $secs s (exit $rc). De sidste 30 linjer af $log:" >&2
      tail -n 30 "$log" | sed 's/^/      | /' >&2
      echo "      Hele loggen: $PWD/$log" >&2
      exit "$rc"
    fi
    echo "      færdig på $secs s (detaljer i $log)"
    ;;
  *)
    echo "step.sh: unknown mode '$mode' (run or skip)" >&2
    exit 2
    ;;
esac
