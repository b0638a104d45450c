#!/usr/bin/env bash
# Start a real single-node Apache Kafka broker (KRaft, combined broker+controller) on
# 127.0.0.1, for local development and integration tests. No Docker: the broker's jars
# come from Maven Central via tools/kafka/pom.xml and run on the local JDK.
#
#   KAFKA_PORT=9092 tools/kafka/kafka-up.sh      # client port (default 9092)
#   tools/kafka/kafka-down.sh                    # stop it, keeping its data
#
# Environment:
#   KAFKA_PORT             client listener port (default 9092)
#   KAFKA_CONTROLLER_PORT  KRaft controller port (default KAFKA_PORT+1, so that brokers
#                          on different KAFKA_PORTs never fight over it)
#   KAFKA_HEAP_OPTS        JVM heap flags (default "-Xms256m -Xmx768m")
#   KAFKA_OPTS             extra JVM flags for the broker (e.g. a debugger agent)
#   KAFKA_START_TIMEOUT    seconds to wait for the broker to serve clients (default 90)
#   KAFKA_STATE_DIR        where jars, data, logs and pid files live (default <repo>/.kafka)
#
# Idempotent: a broker that is already up is left alone (exit 0), and an existing data
# directory is never reformatted, so down+up is a restart with all topics and messages kept.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
POM="$REPO_ROOT/tools/kafka/pom.xml"
STATE_DIR="${KAFKA_STATE_DIR:-$REPO_ROOT/.kafka}"
PORT="${KAFKA_PORT:-9092}"
CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-$((PORT + 1))}"
HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx768m}"
START_TIMEOUT="${KAFKA_START_TIMEOUT:-90}"

LIBS="$STATE_DIR/libs"
DATA_DIR="$STATE_DIR/data-$PORT"
PROPS="$STATE_DIR/server-$PORT.properties"
LOG4J="$STATE_DIR/log4j.properties"
TOOLS_LOG4J="$STATE_DIR/tools-log4j.properties"
LOG_FILE="$STATE_DIR/kafka-$PORT.log"
PID_FILE="$STATE_DIR/kafka-$PORT.pid"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

log() { echo "[kafka-up:$PORT] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

command -v "$JAVA" >/dev/null || die "java not found (JDK 17+ required)"
[[ "$PORT" =~ ^[0-9]+$ && "$CONTROLLER_PORT" =~ ^[0-9]+$ ]] || die "ports must be numeric"
[[ "$PORT" != "$CONTROLLER_PORT" ]] || die "KAFKA_PORT and KAFKA_CONTROLLER_PORT must differ"
mkdir -p "$STATE_DIR"

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

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

# Parallel callers (e.g. several jest global setups under `nx run-many`) must not race:
# the second one waits here, then finds the broker running and exits as a no-op.
exec 9>"$STATE_DIR/kafka-$PORT.lock"
flock 9

# --- 1. Broker jars: resolved once, re-resolved only when the pom changes. -----------
resolve_jars() {
  local want have=""
  want="$(sha256sum "$POM" | cut -d' ' -f1)"
  [[ -f "$LIBS/.pom-sha256" ]] && have="$(cat "$LIBS/.pom-sha256")"
  [[ "$want" == "$have" ]] && return 0

  command -v mvn >/dev/null || die "mvn not found (needed once to fetch the Kafka jars)"
  # Global lock: brokers on other ports share the same libs directory.
  exec 8>"$STATE_DIR/libs.lock"
  flock 8
  [[ -f "$LIBS/.pom-sha256" && "$(cat "$LIBS/.pom-sha256")" == "$want" ]] && return 0

  log "resolving Kafka jars with Maven (first run only)..."
  # Copy into a scratch dir and swap it in, so an interrupted download never leaves a
  # half-filled libs/ that would later look complete, and stale jars from an older pom
  # never linger on the classpath.
  local tmp="$LIBS.tmp.$$"
  rm -rf "$tmp"
  # Maven's output goes to a file (Maven 3.8 prints colour codes even with -q and -B)
  # and is shown only if it fails.
  if ! mvn -B -ntp -Dstyle.color=never -f "$POM" dependency:copy-dependencies \
    -DoutputDirectory="$tmp" >"$STATE_DIR/mvn.log" 2>&1; then
    tail -n 40 "$STATE_DIR/mvn.log" >&2
    rm -rf "$tmp"
    die "Maven could not resolve the Kafka jars (full output: $STATE_DIR/mvn.log)"
  fi
  echo "$want" >"$tmp/.pom-sha256"
  rm -rf "$LIBS"
  mv "$tmp" "$LIBS"
  flock -u 8
}
resolve_jars
CP="$LIBS/*"

# --- 2. Already running? -------------------------------------------------------------
if pid="$(find_broker_pid)"; then
  echo "$pid" >"$PID_FILE"
  if port_open "$PORT"; then
    log "already running (pid $pid) on 127.0.0.1:$PORT"
    exit 0
  fi
  # Alive but not listening: wedged or mid-shutdown. Restarting is the only safe move.
  die "broker pid $pid is alive but 127.0.0.1:$PORT is not answering; run kafka-down.sh first"
fi
rm -f "$PID_FILE"
for p in "$PORT" "$CONTROLLER_PORT"; do
  port_open "$p" && die "127.0.0.1:$p is already in use by another process"
done

# --- 3. Config (rewritten every start so edits here apply on the next restart). -------
# Sizing favours a quick start and a small footprint over throughput: single partitions
# for the internal topics (creating 50 __consumer_offsets partitions costs seconds on
# the first consumer group), few threads, and a small log-cleaner buffer (default 128 MiB).
cat >"$PROPS" <<EOF
# Generated by tools/kafka/kafka-up.sh on every start; edit the script, not this file.
process.roles=broker,controller
node.id=1
listeners=PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$PORT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
controller.quorum.voters=1@127.0.0.1:$CONTROLLER_PORT
log.dirs=$DATA_DIR

num.partitions=3
auto.create.topics.enable=true
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
group.initial.rebalance.delay.ms=0

num.network.threads=2
num.io.threads=4
num.recovery.threads.per.data.dir=1
background.threads=4
log.segment.bytes=16777216
log.cleaner.dedupe.buffer.size=16777216
EOF

cat >"$LOG4J" <<'EOF'
# Broker logging (stdout, captured into .kafka/kafka-<port>.log by kafka-up.sh).
log4j.rootLogger=INFO, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.request.logger=WARN
log4j.logger.state.change.logger=WARN
log4j.logger.org.apache.kafka.clients=WARN
EOF

cat >"$TOOLS_LOG4J" <<'EOF'
# Command-line tools (TopicCommand etc.): warnings only, to stderr.
log4j.rootLogger=WARN, stderr
log4j.appender.stderr=org.apache.log4j.ConsoleAppender
log4j.appender.stderr.layout=org.apache.log4j.PatternLayout
log4j.appender.stderr.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.appender.stderr.Target=System.err
EOF

tool() { "$JAVA" -Xmx256m -Dlog4j.configuration="file:$TOOLS_LOG4J" -cp "$CP" "$@"; }

# --- 4. Format storage only for a brand-new data dir. --------------------------------
# meta.properties is what marks a formatted log dir; reformatting would mint a new
# cluster id and orphan every existing topic, so an existing dir is always reused.
if [[ ! -f "$DATA_DIR/meta.properties" ]]; then
  mkdir -p "$DATA_DIR"
  cluster_id="$(tool kafka.tools.StorageTool random-uuid)"
  log "formatting new KRaft storage in $DATA_DIR (cluster id $cluster_id)"
  tool kafka.tools.StorageTool format -t "$cluster_id" -c "$PROPS" >&2
fi

# --- 5. Start, detached. -------------------------------------------------------------
[[ -f "$LOG_FILE" ]] && mv -f "$LOG_FILE" "$LOG_FILE.1"
# setsid: own session, so the broker outlives the calling shell / jest process and
# its Ctrl-C. All three std fds are redirected so callers such as execSync are not
# kept waiting on an inherited pipe, and the lock fds are closed so the broker does
# not hold this script's lock for its whole lifetime. The inner shell writes its own
# pid and then execs java, so the pid file names the JVM itself, not a wrapper.
# shellcheck disable=SC2086,SC2016 # *_OPTS are flag lists; $$ is for the inner shell
setsid nohup bash -c 'echo $$ >"$0"; exec "$@"' "$PID_FILE" \
  "$JAVA" $HEAP_OPTS \
  -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:+ExplicitGCInvokesConcurrent \
  -Djava.awt.headless=true \
  -Dlog4j.configuration="file:$LOG4J" ${KAFKA_OPTS:-} \
  -cp "$CP" kafka.Kafka "$PROPS" \
  </dev/null >"$LOG_FILE" 2>&1 8>&- 9>&- &
launcher=$!

fail() {
  log "ERROR: $*"
  log "last 50 lines of $LOG_FILE:"
  tail -n 50 "$LOG_FILE" >&2 || true
  # A half-started broker would make the next kafka-up think all is well; stop it.
  kill -KILL "${pid:-$launcher}" 2>/dev/null || true
  rm -f "$PID_FILE"
  exit 1
}

# --- 6. Wait until it really serves clients. -----------------------------------------
# An open port only means the socket server is bound; a listing of topics through the
# Admin client proves the broker has joined the quorum and is unfenced.
deadline=$((SECONDS + START_TIMEOUT))
pid=""
while :; do
  [[ -z "$pid" && -s "$PID_FILE" ]] && pid="$(cat "$PID_FILE")"
  if ! kill -0 "${pid:-$launcher}" 2>/dev/null; then
    fail "broker process exited during startup"
  fi
  if [[ -n "$pid" ]] && port_open "$PORT"; then
    # Bounded per attempt: if the broker dies meanwhile, the Admin client would
    # otherwise keep retrying for its full 60 s API timeout.
    attempt=$((deadline - SECONDS))
    ((attempt > 0)) || fail "timed out after ${START_TIMEOUT}s"
    ((attempt <= 20)) || attempt=20
    if timeout "$attempt" "$JAVA" -Xmx128m -Dlog4j.configuration="file:$TOOLS_LOG4J" \
      -cp "$CP" org.apache.kafka.tools.TopicCommand \
      --bootstrap-server "127.0.0.1:$PORT" --list >/dev/null 2>&1; then
      break
    fi
  fi
  ((SECONDS < deadline)) || fail "timed out after ${START_TIMEOUT}s"
  sleep 0.2
done

log "started (pid $pid) on 127.0.0.1:$PORT in ${SECONDS}s; data in $DATA_DIR, log in $LOG_FILE"
