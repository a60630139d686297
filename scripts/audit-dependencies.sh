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

# A version lookup of a package we lock: the request that pip-audit itself makes.
answers() {
    "$bin/python" - "$1" <<'EOF'
import sys
import urllib.request

try:
    with urllib.request.urlopen(sys.argv[1], timeout=5) as answer:
        sys.exit(0 if answer.status == 200 else 1)
except Exception:
    sys.exit(1)
EOF
}

pypi_probe=https://pypi.org/pypi/pip-audit/2.10.1/json
osv_probe=https://api.osv.dev/v1/vulns/PYSEC-2021-1
if answers "$pypi_probe"; then
    service=pypi
elif answers "$osv_probe"; then
    service=osv
else
    echo "WARNING: the dependency audit (pip-audit) was SKIPPED: neither PyPI's per-version"
    echo "         JSON API ($pypi_probe) nor OSV ($osv_probe) answers here,"
    echo "         so no locked version can be looked up. Run 'make security' where they answer."
    exit 0
fi

requirements=$(mktemp)
trap 'rm -f "$requirements"' EXIT
"$uv" export --frozen --no-emit-project --all-groups --quiet -o "$requirements" || exit 1
echo "pip-audit of $(grep -c '^[a-z0-9]' "$requirements") locked packages against $service ..."
exec "$bin/pip-audit" -r "$requirements" --require-hashes --disable-pip --strict \
    --vulnerability-service "$service" --progress-spinner off "${ignores[@]}"
