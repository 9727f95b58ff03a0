#!/usr/bin/env bash
# Every check and every test: typecheck, lint, build, unit + component tests (Vitest),
# end-to-end tests (Playwright in /usr/bin/chromium against the production build), the quick bench.
# scripts/count.mjs adds them up strictly and prints the last line `N passed, N failed, N skipped`;
# this script exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
# The runners' reports, read at the end: not in test-results/, which each Playwright run empties.
mkdir -p reports
rm -f reports/unit.json reports/e2e.json

args=()
step() { # name, command...
  local name=$1; shift
  echo "=== $name"
  "$@"
  local rc=$?
  [ "$rc" -ne 0 ] && echo "!!! $name failed"
  args+=(--step "$name=$rc")
}

step typecheck npx tsc --noEmit -p tsconfig.json
step "typecheck (room server)" npx tsc --noEmit -p server/tsconfig.json
step lint npx eslint . --max-warnings 0
step build npx vite build

echo "=== unit and component tests"
npx vitest run --reporter=default --reporter=json --outputFile=reports/unit.json
args+=(--vitest "reports/unit.json=$?")

echo "=== end-to-end tests"
CI=true npx playwright test
args+=(--playwright "reports/e2e.json=$?")

# The benchmark, quick (20 and 200 steps, one run): it must run to the end; its timings are
# reported, never judged here (npm run bench judges the budgets).
step "benchmark (quick)" bash -c 'npx vite build --config bench/vite.config.ts && BENCH_QUICK=1 BENCH_REPORT_ONLY=1 npx playwright test -c bench/playwright.config.ts'

echo "=== count"
node scripts/count.mjs "${args[@]}"
