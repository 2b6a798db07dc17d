#!/usr/bin/env bash
# Print the path of a Python 3.10 interpreter (Rasa 3.6 refuses newer); exit 1 with one clear line if none.
set -u
is310() { "$1" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 10) else 1)' >/dev/null 2>&1; }
for cand in "${PYTHON310:-}" "$(command -v python3.10 2>/dev/null)"; do
  [ -n "$cand" ] && is310 "$cand" && { echo "$cand"; exit 0; }
done
# pyenv installs versions without activating them: look in its versions directory directly.
roots=()
command -v pyenv >/dev/null 2>&1 && roots+=("$(pyenv root 2>/dev/null)")
roots+=("${PYENV_ROOT:-}" "$HOME/.pyenv")
for root in "${roots[@]}"; do
  [ -n "$root" ] || continue
  for cand in "$root"/versions/3.10*/bin/python3.10; do
    [ -x "$cand" ] && is310 "$cand" && { echo "$cand"; exit 0; }
  done
done
for cand in /usr/bin/python3.10 /usr/local/bin/python3.10; do
  [ -x "$cand" ] && is310 "$cand" && { echo "$cand"; exit 0; }
done
echo "No Python 3.10 found: install it (e.g. 'pyenv install 3.10' or 'apt-get install python3.10') or set PYTHON310=/path/to/python3.10" >&2
exit 1
