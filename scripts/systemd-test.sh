#!/usr/bin/env bash
# The shipped unit under a real systemd (issue 15): boots Debian with systemd as PID 1 in a
# systemd-nspawn container (recipe: ../shared/recipes/systemd-nspawn.md) and checks, with the
# real binary and deploy/pepqa.service as shipped (plus a test-only drop-in):
#   - `systemctl start` returns only after READY, and the unit is active;
#   - a dropped PEP is rated and archived; the ledger is private (0640 or tighter);
#   - the hardening holds: the process cannot write to /usr or /etc/pepqa, has no network but
#     loopback, and runs as the pepqa user;
#   - the watchdog keeps a live service up, and a hung one (SIGSTOP) is killed and restarted;
#   - `systemctl stop` ends it with exit 0.
# Usage: scripts/systemd-test.sh [path/to/pepqa]   (root; exits 0 with a clear line when this
# machine cannot run the container, so `make test` says so rather than failing).
set -uo pipefail
cd "$(dirname "$0")/.."
BIN=$(realpath "${1:-.build/debug/pepqa}")
ROOT=${NSPAWN_ROOT:-/var/tmp/pepqa-nspawn-root}
failures=0
check() { if eval "$2"; then echo "ok   $1"; else echo "FAIL $1"; failures=$((failures+1)); fi; }
skip() { echo "systemd test not run: $1"; exit 0; }

[ "$(id -u)" = 0 ] || skip "needs root"
export DEBIAN_FRONTEND=noninteractive
if ! command -v systemd-nspawn >/dev/null || ! command -v debootstrap >/dev/null; then
  { apt-get update -q && apt-get install -y -q systemd-container debootstrap; } >/dev/null 2>&1 || skip "cannot install systemd-container and debootstrap"
fi
if [ ! -x "$ROOT/lib/systemd/systemd" ]; then
  MIRROR=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null)
  debootstrap --variant=minbase --include=systemd,systemd-sysv,dbus,libxml2,libsqlite3-0,zlib1g,passwd \
    bookworm "$ROOT" "${MIRROR:-http://deb.debian.org/debian}" >/tmp/pepqa-debootstrap.log 2>&1 ||
    { rm -rf "$ROOT"; skip "debootstrap failed (see /tmp/pepqa-debootstrap.log)"; }
fi
mountpoint -q /run/systemd/nspawn || { mkdir -p /run/systemd/nspawn; mount -t tmpfs tmpfs /run/systemd/nspawn; }

setsid systemd-nspawn -D "$ROOT" -b --register=no --keep-unit --private-network --volatile=overlay \
  --console=pipe --bind-ro="$PWD":/src --bind-ro=/opt/swift:/opt/swift --bind-ro="$BIN":/src-bin/pepqa \
  >/tmp/pepqa-nspawn-console.log 2>&1 </dev/null &
NSPID=$!
trap 'kill -TERM $NSPID 2>/dev/null; sleep 2; kill -KILL $NSPID 2>/dev/null || true' EXIT
L=""
# The container's PID 1 is systemd: nspawn's first child can be a short-lived helper instead,
# and entering that one's namespaces fails once it is gone (seen on a loaded machine).
for i in $(seq 200); do L=$(pgrep -P $NSPID -x systemd | head -1) && break; sleep 0.05; done
[ -n "$L" ] || skip "the container did not start (see /tmp/pepqa-nspawn-console.log)"
IN="nsenter -t $L -m -u -i -n -p -C --"
for i in $(seq 600); do S=$($IN systemctl is-system-running 2>/dev/null || true)
  case "$S" in running|degraded) break;; esac; sleep 0.05; done

# Install as deploy/install.sh does (without building): user, folders, rules, config, unit.
$IN sh -e -c '
  install -m 0755 /src-bin/pepqa /usr/local/bin/pepqa
  id pepqa >/dev/null 2>&1 || useradd --system --home-dir /var/lib/pepqa --shell /usr/sbin/nologin pepqa
  install -d -m 0750 -o root -g pepqa /etc/pepqa
  cp -r /src/Rules /etc/pepqa/Rules; chgrp -R pepqa /etc/pepqa/Rules
  install -m 0640 -o root -g pepqa /src/deploy/pepqa.yaml /etc/pepqa/pepqa.yaml
  sed -i "s/^poll_interval_seconds: .*/poll_interval_seconds: 1/" /etc/pepqa/pepqa.yaml
  install -d -m 0770 -o pepqa -g pepqa /srv/pepqa /srv/pepqa/inbox /srv/pepqa/inbox/drop /srv/pepqa/out
  install -d -m 0770 -o pepqa -g pepqa /srv/pepqa/inbox/Maildir /srv/pepqa/inbox/Maildir/new /srv/pepqa/inbox/Maildir/cur /srv/pepqa/inbox/Maildir/tmp
  install -m 0644 /src/deploy/pepqa.service /etc/systemd/system/pepqa.service
  mkdir -p /etc/systemd/system/pepqa.service.d'
# Test-only drop-in: a short watchdog, and the outcome of each stop kept in a file (a stopped
# unit is garbage-collected at once, so `systemctl show` cannot tell it afterwards).
$IN sh -c 'cat > /etc/systemd/system/pepqa.service.d/test.conf' <<'CONF'
[Service]
WatchdogSec=4
TimeoutAbortSec=3
RestartSec=1
TimeoutStartSec=60
ExecStopPost=+/bin/sh -c 'echo "$SERVICE_RESULT $EXIT_CODE $EXIT_STATUS" > /run/pepqa.result'
CONF
$IN systemctl daemon-reload

$IN systemctl start pepqa
check "systemctl start returns with the unit active (after READY)" '[ "$($IN systemctl is-active pepqa)" = active ]'
PID=$($IN systemctl show -P MainPID pepqa)
check "the service runs as the pepqa user" '[ "$($IN stat -c %U /proc/$PID)" = pepqa ]'
$IN cp /src/SampleInbox/01-green-review-secondary.json /srv/pepqa/inbox/drop/pep.json
for i in $(seq 300); do $IN test -e /srv/pepqa/inbox/drop/pep.json || break; sleep 0.2; done
check "a dropped PEP is taken in and archived" '! $IN test -e /srv/pepqa/inbox/drop/pep.json'
check "the ledger is private (no access for others)" '[ "$($IN stat -c %a /var/lib/pepqa/ledger.sqlite | cut -c3)" = 0 ]'
check "the QA report is written" '[ -n "$($IN sh -c "ls /srv/pepqa/out/reports/*.html 2>/dev/null")" ]'
# Hardening, as the service sees the system (its own mount and network namespaces).
check "the service cannot write to /usr (ProtectSystem=strict)" '! $IN nsenter -t $PID -m -- touch /usr/pepqa-probe 2>/dev/null'
check "the service cannot write to its rules (ReadOnlyPaths)" '! $IN nsenter -t $PID -m -- touch /etc/pepqa/Rules/probe 2>/dev/null'
check "the service has no network but loopback (PrivateNetwork)" '[ "$($IN sh -c "grep -c : /proc/$PID/net/dev")" = 1 ]'
# The watchdog: a live service keeps it fed past WatchdogSec; a hung one is killed and started again.
sleep 6
check "a live service keeps the watchdog fed (same process after 6 s, WatchdogSec=4)" '[ "$($IN systemctl show -P MainPID pepqa)" = "$PID" ]'

$IN sh -c "kill -STOP $PID"
for i in $(seq 300); do NEW=$($IN systemctl show -P MainPID pepqa); [ "$NEW" != "$PID" ] && [ "$NEW" != 0 ] && break; sleep 0.2; done
check "a hung service is restarted by the watchdog" '[ "$NEW" != "$PID" ] && [ "$NEW" != 0 ]'
for i in $(seq 100); do [ "$($IN systemctl is-active pepqa)" = active ] && break; sleep 0.2; done
$IN systemctl stop pepqa
check "systemctl stop ends it with exit 0" '[ "$($IN cat /run/pepqa.result)" = "success exited 0" ]'
$IN journalctl -b -u pepqa --no-pager > /tmp/pepqa-systemd-journal.log 2>&1 || true
$IN systemctl poweroff; wait $NSPID 2>/dev/null; trap - EXIT
echo "$failures failure(s) (journal in /tmp/pepqa-systemd-journal.log)"
[ "$failures" = 0 ]
