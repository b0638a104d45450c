#!/usr/bin/env bash
# Stop the local Kafka broker started by tools/kafka/kafka-up.sh for KAFKA_PORT
# (default 9092). Its data directory is kept, so the next kafka-up.sh is a restart with
# every topic and message intact; delete .kafka/data-<port> by hand for a clean slate.
#
# Environment: KAFKA_PORT, KAFKA_STATE_DIR (as in kafka-up.sh),
#              KAFKA_STOP_TIMEOUT  seconds to wait after SIGTERM before SIGKILL (default 30)
#
# Idempotent: exits 0 when no broker is running for that port.
set -euo pipefail

KAFKA_SCRIPT=kafka-down
# shellcheck source=SCRIPTDIR/broker-common.sh
source "$(dirname "${BASH_SOURCE[0]}")/broker-common.sh"
STOP_TIMEOUT="${KAFKA_STOP_TIMEOUT:-30}"

[[ -d "$STATE_DIR" ]] || { log "not running"; exit 0; }

lock_port

if ! pid="$(find_broker_pid)"; then
  rm -f "$PID_FILE"
  log "not running"
  exit 0
fi

# SIGTERM runs Kafka's shutdown hook: it flushes logs and writes the clean-shutdown
# marker, which makes the next start skip log recovery.
log "stopping broker (pid $pid)..."
kill -TERM "$pid" 2>/dev/null || true
deadline=$((SECONDS + STOP_TIMEOUT))
while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done

if kill -0 "$pid" 2>/dev/null; then
  # Data survives a SIGKILL (written segments are in the page cache), but the next
  # start runs log recovery and then waits ~10 s for the dead broker's registration
  # (broker.session.timeout.ms) to expire before it can register again.
  log "still alive after ${STOP_TIMEOUT}s, sending SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
fi

rm -f "$PID_FILE"
log "stopped in ${SECONDS}s"
