# shellcheck shell=bash
# Sourced by kafka-up.sh and kafka-down.sh (set KAFKA_SCRIPT first): where one port's broker
# lives, how to recognise it, and the per-port lock that keeps a start and a stop apart.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STATE_DIR="${KAFKA_STATE_DIR:-$REPO_ROOT/.kafka}"
PORT="${KAFKA_PORT:-9092}"
PROPS="$STATE_DIR/server-$PORT.properties"
PID_FILE="$STATE_DIR/kafka-$PORT.pid"

log() { echo "[$KAFKA_SCRIPT:$PORT] $*" >&2; }

# A pid is only ours if it is still a JVM running kafka.Kafka on *this* port's config;
# checking the command line guards against pid reuse after a reboot or crash.
is_our_broker() {
  local pid="$1" args
  [[ -n "$pid" && -r "/proc/$pid/cmdline" ]] || return 1
  mapfile -d '' args <"/proc/$pid/cmdline" 2>/dev/null || return 1
  [[ " ${args[*]} " == *" kafka.Kafka $PROPS "* ]]
}

# Finds the broker even if its pid file was lost (e.g. .kafka/ partly cleaned).
find_broker_pid() {
  local pid
  if [[ -f "$PID_FILE" ]]; then
    pid="$(cat "$PID_FILE" 2>/dev/null || true)"
    if is_our_broker "$pid"; then echo "$pid"; return 0; fi
  fi
  for pid in /proc/[0-9]*; do
    pid="${pid#/proc/}"
    if is_our_broker "$pid"; then echo "$pid"; return 0; fi
  done
  return 1
}

# Parallel callers (e.g. several jest global setups) must not race: a second start waits,
# then finds the broker running; a stop never interleaves with a start on the same port.
lock_port() {
  exec 9>"$STATE_DIR/kafka-$PORT.lock"
  flock 9
}
