#!/usr/bin/env bash
# The OAI-PMH test (apps/knowledge-assets/test/oai-pmh.e2e-spec.ts) checks every answer with libxml2's
# xmllint, an XML parser independent of the one that writes them. Installs Debian's libxml2-utils when
# missing and this runs as root; otherwise says what to do, and the test fails with the same advice.
set -euo pipefail
command -v xmllint >/dev/null && exit 0
if [[ "$(id -u)" -ne 0 ]] || ! command -v apt-get >/dev/null; then
  echo "[xmllint] missing: install Debian's libxml2-utils package as root (apt-get install libxml2-utils)" >&2
  exit 0
fi
echo "[xmllint] installing Debian's libxml2-utils for the OAI-PMH test" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq libxml2-utils >&2 || echo "[xmllint] apt-get install libxml2-utils failed" >&2
