#!/usr/bin/env bash
# Checks werkpad's OpenAPI document.
#
#  1. drf-spectacular generates and validates it, failing on any warning;
#  2. the document as /api/v1/openapi.json serves it (fetched through Django's
#     test client, no server needed) is linted with the NL GOV API Design Rules
#     ruleset by Spectral, failing on any error.
#
# The ruleset is read from ../shared/api-design-rules/linter.yaml beside the
# repository; set WERKPAD_API_RULESET to use another copy. Needs Node.js (npx).
# The documents are written to var/openapi/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

SPECTRAL="@stoplight/spectral-cli@6.16.3"
RULESET="${WERKPAD_API_RULESET:-$ROOT/../shared/api-design-rules/linter.yaml}"
OUT="$ROOT/var/openapi"
BIN="$ROOT/.venv/bin"

if [[ ! -f "$RULESET" ]]; then
  echo "lint_openapi: ruleset not found at $RULESET (set WERKPAD_API_RULESET)" >&2
  exit 2
fi
if ! command -v npx >/dev/null; then
  echo "lint_openapi: npx not found; install Node.js and npm" >&2
  exit 2
fi

make --no-print-directory install >/dev/null
mkdir -p "$OUT"
export DJANGO_SETTINGS_MODULE=werkpad.settings

failed=()

echo "-- drf-spectacular: generate and validate (warnings fail)"
"$BIN/werkpad" spectacular --validate --fail-on-warn --format openapi-json \
  --file "$OUT/openapi-generated.json" || failed+=("drf-spectacular")

echo "-- fetch /api/v1/openapi.json as served"
document="$OUT/openapi.json"
rm -f "$document"
"$BIN/python" - "$document" <<'PY' || { failed+=("served openapi.json"); document="$OUT/openapi-generated.json"; }
import json
import sys

import django

django.setup()
from django.conf import settings  # noqa: E402
from django.test import Client  # noqa: E402

response = Client().get("/api/v1/openapi.json")
problems = []
if response.status_code != 200:
    problems.append(f"status {response.status_code}, expected 200 without login")
if response.get("API-Version") != settings.API_VERSION:
    problems.append(f"API-Version header {response.get('API-Version')!r}")
if response.get("Access-Control-Allow-Origin") != "*":
    problems.append("no 'Access-Control-Allow-Origin: *'")
if "json" not in response.get("Content-Type", ""):
    problems.append(f"served as {response.get('Content-Type')!r}, not JSON")
if problems:
    sys.exit("openapi.json: " + "; ".join(problems))
document = json.loads(response.content)
if document["info"]["version"] != settings.API_VERSION:
    sys.exit("openapi.json: info.version differs from the API-Version header")
with open(sys.argv[1], "w", encoding="utf-8") as handle:
    json.dump(document, handle, indent=2)
print(f"{len(document['paths'])} paths, info.version {document['info']['version']}")
PY

echo "-- Spectral $SPECTRAL with the NL GOV API Design Rules (errors fail)"
if [[ -s "$document" ]]; then
  echo "linting $document"
  npx --yes "$SPECTRAL" lint --ruleset "$RULESET" --fail-severity error "$document" \
    || failed+=("spectral")
else
  failed+=("no document to lint")
fi

if ((${#failed[@]})); then
  echo "lint_openapi: FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "lint_openapi: the OpenAPI document passes"
