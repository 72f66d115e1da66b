#!/usr/bin/env bash
# `npm test`: lint (with the import boundaries), the copy-paste limit, format check,
# type-check, unit + integration tests, a fresh production build, then the end-to-end tests
# in Debian's Chromium. Any failing step fails the script.
set -euo pipefail
cd "$(dirname "$0")/.."

step() {
  # The clock time of each step, so a run's log shows what each step costs.
  printf '\n\033[1m==> %s\033[0m (%s)\n' "$1" "$(date +%H:%M:%S)"
}

step "Chromium (/usr/bin/chromium) for the end-to-end tests"
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "Chromium is missing: installing Debian's chromium with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y --no-install-recommends chromium
  else
    echo 'Chromium is missing: run `sudo apt-get install -y chromium`' >&2
    exit 1
  fi
fi
/usr/bin/chromium --version 2>/dev/null || true

step "LibreOffice Calc (/usr/bin/soffice), the second reader of the XLSX exports"
if [ ! -x /usr/bin/soffice ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "LibreOffice is missing: installing Debian's libreoffice-calc-nogui with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y --no-install-recommends libreoffice-calc-nogui
  else
    echo 'LibreOffice is missing: run `sudo apt-get install -y libreoffice-calc-nogui`' >&2
    exit 1
  fi
fi

step "ESLint"
npx eslint . --max-warnings=0

step "Copy-paste detector (jscpd, limit in .jscpd.json)"
npx tsx scripts/duplicates.ts

step "Prettier"
npx prettier --check .

step "TypeScript"
npx tsc --noEmit

step "Unit and integration tests (Vitest)"
npx vitest run

step "Production build (for the end-to-end tests)"
npx remix vite:build

step "End-to-end tests (Playwright, Chromium)"
npx playwright test

step "All checks passed"
