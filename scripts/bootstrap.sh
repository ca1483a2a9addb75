#!/usr/bin/env bash
# Create the virtual environment and install the locked dependencies.
# Works on a fresh Debian/Ubuntu with python3; falls back when python3-venv is missing.
set -euo pipefail
VENV="${1:-.venv}"
if [ ! -x "$VENV/bin/python" ]; then
  if ! python3 -m venv "$VENV" 2>/dev/null; then
    rm -rf "$VENV"
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
      python3 -m venv "$VENV"
    else
      python3 -m pip install --user --quiet uv==0.13.9 && python3 -m uv venv --python "$(command -v python3)" "$VENV"
      "$VENV/bin/python" -m ensurepip --quiet 2>/dev/null || true
    fi
  fi
fi
"$VENV/bin/python" -m pip install --quiet --upgrade "uv==0.13.9"
"$VENV/bin/uv" sync --frozen --python "$VENV/bin/python" --quiet
