#!/usr/bin/env bash
# `npm test`: every check, each named in its output, stopping at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1
# The test build has a folder of its own, so `npm test` never replaces the `.next` a running `npm start` serves.
# (TEST_DIST_DIR moves it elsewhere: e2e/side-by-side.spec.ts runs this script's build beside a served test app.)
export NEXT_DIST_DIR=${TEST_DIST_DIR:-.next-test}
if [ "$NEXT_DIST_DIR" = ".next" ]; then
  echo "npm test never builds into .next, the folder npm start serves from" >&2
  exit 1
fi
# A fresh one each run: route types left by an older build would fail the typecheck.
rm -rf "$NEXT_DIST_DIR"

# Browser for the end-to-end tests: an override, Debian's chromium, or install it when we can.
if [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium >/dev/null; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "== installing Debian's chromium"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
fi

# TEST_STEPS="build" (names separated by commas) runs only those steps; by default every one runs.
step() {
  local name=$1
  shift
  if [ -n "${TEST_STEPS:-}" ] && [[ ",$TEST_STEPS," != *",$name,"* ]]; then return; fi
  echo
  echo "=================== $name ==================="
  local start=$SECONDS
  "$@"
  echo "=== $name passed in $((SECONDS - start)) s"
}

step "format" npx prettier --check --log-level warn .
step "lint" npx eslint --max-warnings 0 .
step "typecheck" npx tsc --noEmit -p .
step "unit tests" npx vitest run --project unit
step "integration tests" npx vitest run --project integration
step "build" npm run -s build
step "end-to-end tests" npx playwright test
echo
if [ -n "${TEST_STEPS:-}" ]; then echo "Steps passed: $TEST_STEPS."; else echo "All checks passed."; fi
