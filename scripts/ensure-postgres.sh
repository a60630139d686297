#!/usr/bin/env bash
# Make sure the PostgreSQL server that the storage tests use answers on 127.0.0.1:5432.
# If none answers and a local cluster exists, start it; otherwise say clearly that the
# PostgreSQL tests will be skipped (they skip themselves with the same reason).
set -u
host=${KOPPEL_TEST_PG_HOST:-127.0.0.1}
port=${KOPPEL_TEST_PG_PORT:-5432}
answers() { (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; }
if answers; then
    echo "PostgreSQL answers on $host:$port: storage tests run on SQLite and PostgreSQL."
    exit 0
fi
if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    version=$(ls /etc/postgresql | sort -V | tail -n 1)
    echo "PostgreSQL did not answer on $host:$port; starting cluster $version/main ..."
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    for _ in $(seq 1 20); do answers && { echo "PostgreSQL started."; exit 0; }; sleep 0.5; done
fi
echo "WARNING: no PostgreSQL server answers on $host:$port and none could be started here:"
echo "         the PostgreSQL variants of the storage tests will be SKIPPED (SQLite still runs)."
exit 0
