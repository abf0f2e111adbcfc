# CI's private PostgreSQL server (docs/data.md#storage: the same code runs on PostgreSQL).
# Sourced by .ci/run, which calls:
#   postgres_install   Debian's postgresql where it is missing (as root), or fail saying why;
#                      run in the background while the virtual environment is built
#   postgres_start     a server of our own in a temporary folder: a Unix socket only (no TCP
#                      listener, so nothing is reachable over the network), stopped on exit;
#                      exports TRACKER_TEST_POSTGRES_URL for the test suite
# A CI run never skips PostgreSQL: where it cannot be installed or started, the run fails.

postgres_bindir() {
    local initdb
    initdb=$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
    [ -n "$initdb" ] && dirname "$initdb"
}

postgres_install() {
    if [ -n "$(postgres_bindir)" ]; then
        return 0
    fi
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
        echo "CI needs a PostgreSQL server and none is installed; install Debian's 'postgresql'" \
             "package (apt-get install postgresql, as root) and run again" >&2
        return 1
    fi
    echo "installing PostgreSQL (Debian's postgresql package) for the test suite..." >&2
    # No cluster of the package's own, and nothing started: only our private server runs.
    mkdir -p /etc/postgresql-common
    [ -e /etc/postgresql-common/createcluster.conf ] \
        || echo "create_main_cluster = false" >/etc/postgresql-common/createcluster.conf
    local log
    log=$(mktemp)
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
            --no-install-recommends -o Dpkg::Options::=--force-confold postgresql; } >"$log" 2>&1
    then
        tail -n 20 "$log" >&2
        echo "could not install PostgreSQL (apt-get install postgresql failed, above)" >&2
        return 1
    fi
    [ -n "$(postgres_bindir)" ] || { echo "postgresql installed, but no initdb found" >&2; return 1; }
}

postgres_start() {
    local bindir pgdir
    bindir=$(postgres_bindir)
    [ -n "$bindir" ] || { echo "no PostgreSQL server to start (postgres_install first)" >&2; return 1; }
    pgdir=$(mktemp -d /tmp/tracker-ci-pg.XXXXXX)
    # initdb refuses to run as root: the server runs as the postgres user the package made.
    if [ "$(id -u)" = 0 ]; then
        chown postgres "$pgdir"
        _as_pg() { runuser -u postgres -- "$@"; }
    else
        _as_pg() { "$@"; }
    fi
    # The settings only a throw-away server may have: no fsync, no full pages; a crash loses
    # nothing that matters (the server is gone after the run anyway).
    if ! _as_pg "$bindir/initdb" -D "$pgdir/data" -A trust -U postgres --no-sync >"$pgdir/initdb.log" 2>&1 \
        || ! _as_pg "$bindir/pg_ctl" -D "$pgdir/data" -w -l "$pgdir/log" -o \
            "-k $pgdir -p 55432 -c listen_addresses='' -c fsync=off -c full_page_writes=off -c synchronous_commit=off" \
            start >/dev/null; then
        cat "$pgdir/initdb.log" "$pgdir/log" 2>/dev/null | tail -n 20 >&2
        echo "could not start the private PostgreSQL server (above)" >&2
        return 1
    fi
    POSTGRES_STOP="'$bindir/pg_ctl' -D '$pgdir/data' -m immediate stop; rm -rf '$pgdir'"
    trap 'postgres_stop' EXIT
    export TRACKER_TEST_POSTGRES_URL="postgresql+psycopg://postgres@/postgres?host=$pgdir&port=55432"
}

postgres_stop() {
    if [ -n "${POSTGRES_STOP:-}" ]; then
        if [ "$(id -u)" = 0 ]; then runuser -u postgres -- sh -c "$POSTGRES_STOP" >/dev/null 2>&1
        else sh -c "$POSTGRES_STOP" >/dev/null 2>&1; fi
        POSTGRES_STOP=
    fi
}
