#!/usr/bin/env bash
# Installs the locked dependencies. `npm ci` first. The npm registry this project is developed
# against has at times served only the Linux builds of some optional native packages (e.g.
# unrs-resolver's bindings); a lock file written then lacks the other platforms' entries and `npm ci`
# refuses it as out of sync. Then `npm install` installs the same locked versions, and the lock file
# must stay as it is.
set -euo pipefail
err=$(mktemp)
if npm ci --no-audit --no-fund 2>"$err"; then
  rm -f "$err"
  exit 0
fi
if grep -q 'from lock file' "$err"; then
  echo "npm ci refused the lock file (optional packages of other platforms are not in it); installing with npm install"
  npm install --no-audit --no-fund
  git diff --exit-code -- package-lock.json
else
  cat "$err" >&2
  rm -f "$err"
  exit 1
fi
rm -f "$err"
