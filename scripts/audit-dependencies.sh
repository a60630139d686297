#!/usr/bin/env bash
# pip-audit of every locked dependency (uv.lock, all groups, with hashes): fails on any known
# vulnerability. pip-audit looks each version up in a vulnerability service (PyPI's JSON API
# per version, or OSV); when neither answers here, say clearly that the audit was SKIPPED
# (like scripts/ensure-postgres.sh does for PostgreSQL) instead of passing without looking.
set -u
cd "$(dirname "$0")/.."
uv=${UV:-.tools/bin/uv}
bin=${BIN:-.venv/bin}

# Reviewed exceptions: one `--ignore-vuln ID` per known vulnerability that does not affect
# koppel, each with its reason on the line above. None so far.
ignores=()

# Whether a URL answers: with 200 (`ok`), or with any HTTP status at all (`any`).
answers() {
    "$bin/python" - "$1" "$2" <<'PYTHON'
import sys
import urllib.error
import urllib.request

url, wanted = sys.argv[1], sys.argv[2]
try:
    with urllib.request.urlopen(url, timeout=5) as answer:
        sys.exit(0 if answer.status == 200 else 1)
except urllib.error.HTTPError:
    sys.exit(0 if wanted == "any" else 1)
except Exception:
    sys.exit(1)
PYTHON
}

# PyPI: the per-version JSON of a package we lock, the lookup pip-audit itself makes (on a
# machine where pypi.org answers but this lookup does not, pip-audit finds no package at
# all). OSV: pip-audit POSTs to /v1/query, so any HTTP answer of the host will do.
pypi_probe=https://pypi.org/pypi/pip-audit/2.10.1/json
osv_probe=https://api.osv.dev/v1/query
if answers "$pypi_probe" ok; then
    service=pypi
elif answers "$osv_probe" any; then
    service=osv
else
    echo "WARNING: the dependency audit (pip-audit) was SKIPPED: neither PyPI's per-version"
    echo "         JSON API ($pypi_probe) nor OSV (api.osv.dev) answers here,"
    echo "         so no locked version can be looked up. Run 'make security' where they answer."
    exit 0
fi

requirements=$(mktemp)
trap 'rm -f "$requirements"' EXIT
"$uv" export --frozen --no-emit-project --all-groups --quiet -o "$requirements" || exit 1
echo "pip-audit of $(grep -c '^[a-z0-9]' "$requirements") locked packages against $service ..."
"$bin/pip-audit" -r "$requirements" --require-hashes --disable-pip --strict \
    --vulnerability-service "$service" --progress-spinner off "${ignores[@]}"
