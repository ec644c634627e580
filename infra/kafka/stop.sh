#!/usr/bin/env bash
# Stop a broker started by start.sh and delete its temp dir.
#
#   bash infra/kafka/stop.sh [STATE_FILE]      (default infra/kafka/run/default.state)
#
# Sends SIGTERM (controlled shutdown), waits up to KAFKA_STOP_TIMEOUT seconds (default 20),
# then SIGKILL. Set KAFKA_KEEP_DIR=1 to keep the data and logs for inspection.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
state="${1:-$here/run/default.state}"
timeout_s="${KAFKA_STOP_TIMEOUT:-20}"

if [[ ! -f "$state" ]]; then
  echo "stop.sh: no state file $state (nothing to stop)" >&2
  exit 0
fi
# shellcheck disable=SC1090
source "$state"

is_our_broker() { [[ -n "$KAFKA_PID" && -r "/proc/$KAFKA_PID/cmdline" ]] \
  && tr '\0' ' ' <"/proc/$KAFKA_PID/cmdline" | grep -q "kafka.Kafka $KAFKA_DIR/"; }

if is_our_broker; then
  kill -TERM "$KAFKA_PID" 2>/dev/null || true
  for ((i = 0; i < timeout_s * 10; i++)); do
    is_our_broker || break
    sleep 0.1
  done
  if is_our_broker; then
    echo "stop.sh: broker $KAFKA_PID did not stop within ${timeout_s}s, killing" >&2
    kill -KILL "$KAFKA_PID" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do is_our_broker || break; sleep 0.1; done
  fi
fi

if [[ "${KAFKA_KEEP_DIR:-}" == 1 ]]; then
  echo "stop.sh: kept $KAFKA_DIR" >&2
elif [[ -n "${KAFKA_DIR:-}" && "$KAFKA_DIR" == */ringwatch-kafka.* && -d "$KAFKA_DIR" ]]; then
  rm -rf "$KAFKA_DIR"
fi
rm -f "$state"
echo "stop.sh: stopped broker ${KAFKA_PID:-?} ($KAFKA_BROKERS)" >&2
