#!/usr/bin/env bash
# The Swagger UI test (apps/gateway/test/swagger-ui.e2e-spec.ts) drives Debian's Chromium through
# playwright-core, which never downloads a browser. Called by the end-to-end tests' global setup:
# installs the package when it is missing and this runs as root; otherwise it says what to do, and the
# browser test fails with the same advice.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
[[ -x "$CHROMIUM" ]] && exit 0

if [[ "$(id -u)" -ne 0 ]] || ! command -v apt-get >/dev/null; then
  echo "[chromium] $CHROMIUM is missing: install Debian's chromium package as root (apt-get install chromium)" >&2
  exit 0
fi

echo "[chromium] installing Debian's chromium package for the browser test" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq chromium >&2 || echo "[chromium] apt-get install chromium failed" >&2
