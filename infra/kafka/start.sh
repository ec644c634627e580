#!/usr/bin/env bash
# Start a throwaway single-node KRaft Kafka broker on 127.0.0.1 (no Docker needed).
#
#   bash infra/kafka/start.sh [STATE_FILE] [--owner-pid PID]
#
# STATE_FILE (default infra/kafka/run/default.state) records pid, ports and the temp dir so that
# stop.sh can stop the broker and delete its data. Different state files → independent brokers,
# so two runs can go concurrently. With --owner-pid the broker is also stopped (and its dir
# deleted) as soon as that process exits: a safety net for test runners that get killed.
#
# On success prints (stdout, sourceable):  KAFKA_BROKERS=127.0.0.1:PORT  and KAFKA_LOG=...
# Tunables (env): KAFKA_HEAP_OPTS (default -Xms64m -Xmx512m), KAFKA_START_TIMEOUT (s, default 60),
# KAFKA_TMP (parent of the temp dir, default $TMPDIR or /tmp), KAFKA_LIB (jar dir, default lib/).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# KAFKA_LIB: a directory of broker jars to use instead of lib/ (e.g. to try another Kafka version).
lib="${KAFKA_LIB:-$here/lib}"

state="" owner=""
while (($#)); do
  case "$1" in
    --owner-pid) owner="${2:?--owner-pid needs a pid}"; shift 2 ;;
    -h|--help) sed -n '2,14p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) state="$1"; shift ;;
  esac
done
state="${state:-$here/run/default.state}"
mkdir -p "$(dirname "$state")"
state="$(cd "$(dirname "$state")" && pwd)/$(basename "$state")"
timeout_s="${KAFKA_START_TIMEOUT:-60}"

die() { echo "start.sh: $*" >&2; exit 1; }
# shellcheck source=broker-proc.sh
source "$here/broker-proc.sh"

if [[ -f "$state" ]]; then
  # shellcheck disable=SC1090
  source "$state"
  if is_our_broker "${KAFKA_PID:-}" "${KAFKA_DIR:-}"; then
    echo "start.sh: already running (pid $KAFKA_PID, state $state)" >&2
    echo "KAFKA_BROKERS=$KAFKA_BROKERS"
    echo "KAFKA_LOG=$KAFKA_DIR/logs/server.log"
    exit 0
  fi
  echo "start.sh: removing stale state $state" >&2
  remove_broker_dir "${KAFKA_DIR:-}"
  rm -f "$state"
fi

command -v java >/dev/null || die "java not found (install a JRE 17+)"
[[ -n "${KAFKA_LIB:-}" ]] || bash "$here/fetch.sh"

free_ports() { # prints two free loopback ports
  node -e '
    const net = require("node:net");
    const grab = () => new Promise((ok) => { const s = net.createServer(); s.listen(0, "127.0.0.1", () => ok(s)); });
    Promise.all([grab(), grab()]).then((ss) => { console.log(ss.map((s) => s.address().port).join(" ")); ss.forEach((s) => s.close()); });'
}

# A Kafka cluster id is a random 16-byte UUID in unpadded base64url (what `random-uuid` prints),
# made here to save a JVM start. Like Uuid.randomUuid(), avoid a leading '-'.
cluster_id() {
  local id
  while :; do
    id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
    [[ "$id" != -* ]] && { echo "$id"; return; }
  done
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

dir="$(mktemp -d "${KAFKA_TMP:-${TMPDIR:-/tmp}}/ringwatch-kafka.XXXXXX")"
mkdir -p "$dir/data" "$dir/logs"
log="$dir/logs/server.log"

cat >"$dir/log4j.properties" <<EOF
log4j.rootLogger=INFO, file
log4j.appender.file=org.apache.log4j.FileAppender
log4j.appender.file.File=$log
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.controller=INFO
log4j.logger.org.apache.kafka.controller=INFO
log4j.logger.state.change.logger=WARN
log4j.logger.kafka.request.logger=WARN
log4j.logger.kafka.log.LogCleaner=WARN
EOF

java_opts=(
  ${KAFKA_HEAP_OPTS:--Xms64m -Xmx512m}
  # Fast start-up matters more than peak throughput for a dev/test broker.
  -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData -Xshare:auto
  -Djava.awt.headless=true -Dlog4j.configuration="file:$dir/log4j.properties" -Dkafka.logs.dir="$dir/logs"
)

attempt=0
while :; do
  attempt=$((attempt + 1))
  read -r port cport < <(free_ports)
  cat >"$dir/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$cport
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$cport
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$dir/data
num.partitions=1
auto.create.topics.enable=false
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
group.initial.rebalance.delay.ms=0
num.network.threads=2
num.io.threads=2
background.threads=2
num.recovery.threads.per.data.dir=1
log.segment.bytes=16777216
log.index.size.max.bytes=1048576
# Throwaway broker: never delete by age (replays read inputs from the beginning).
log.retention.ms=-1
log.cleaner.dedupe.buffer.size=16777216
log.cleaner.threads=1
EOF
  if [[ ! -f "$dir/data/meta.properties" ]]; then
    java "${java_opts[@]}" -cp "$lib/*" kafka.tools.StorageTool format \
      -t "$(cluster_id)" -c "$dir/server.properties" >"$dir/logs/format.log" 2>&1 \
      || { cat "$dir/logs/format.log" >&2; rm -rf "$dir"; die "storage format failed"; }
  fi
  start_ts=$(date +%s%N)
  # setsid: detach from the caller's process group so Ctrl-C in a terminal doesn't half-kill it;
  # stop.sh (or the --owner-pid watchdog) is the way to stop it.
  setsid java "${java_opts[@]}" -cp "$lib/*" kafka.Kafka "$dir/server.properties" \
    >"$dir/logs/stdout.log" 2>&1 </dev/null &
  pid=$!

  ready=""
  for ((i = 0; i < timeout_s * 10; i++)); do
    if ! kill -0 "$pid" 2>/dev/null; then break; fi
    # (Kafka 4 ignores the log4j 1 config and logs to stdout instead.)
    if grep -qs "Kafka Server started" "$log" "$dir/logs/stdout.log" && port_open "$port"; then ready=1; break; fi
    sleep 0.1
  done
  [[ -n "$ready" ]] && break

  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if ((attempt < 3)) && grep -qs "Address already in use" "$log" "$dir/logs/stdout.log"; then
    echo "start.sh: port race, retrying" >&2
    rm -rf "$dir/data" "$log"; mkdir -p "$dir/data"
    continue
  fi
  {
    echo "start.sh: broker did not become ready within ${timeout_s}s (attempt $attempt). Last log lines:"
    tail -n 40 "$log" 2>/dev/null || true
    tail -n 20 "$dir/logs/stdout.log" 2>/dev/null || true
  } >&2
  rm -rf "$dir"
  exit 1
done

cat >"$state" <<EOF
KAFKA_PID=$pid
KAFKA_DIR=$dir
KAFKA_PORT=$port
KAFKA_CONTROLLER_PORT=$cport
KAFKA_BROKERS=127.0.0.1:$port
EOF

if [[ -n "$owner" ]]; then
  # Watchdog: when the owner dies without calling stop.sh, stop the broker and clean up. It gets
  # pid and dir directly so it works even if the state file is gone.
  setsid bash -c '
    source "$1/broker-proc.sh"
    while kill -0 "$2" 2>/dev/null && is_our_broker "$3" "$4"; do sleep 1; done
    if is_our_broker "$3" "$4"; then stop_broker "$3" "$4" 10; remove_broker_dir "$4"; rm -f "$5"; fi' \
    watchdog "$here" "$owner" "$pid" "$dir" "$state" >/dev/null 2>&1 </dev/null &
fi

echo "start.sh: broker pid $pid ready in $(( ($(date +%s%N) - start_ts) / 1000000 )) ms, log $log" >&2
echo "KAFKA_BROKERS=127.0.0.1:$port"
echo "KAFKA_LOG=$log"
