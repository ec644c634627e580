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
# shellcheck source=broker-proc.sh
source "$here/broker-proc.sh"

if [[ ! -f "$state" ]]; then
  echo "stop.sh: no state file $state (nothing to stop)" >&2
  exit 0
fi
# shellcheck disable=SC1090
source "$state"

if ! stop_broker "$KAFKA_PID" "$KAFKA_DIR" "${KAFKA_STOP_TIMEOUT:-20}"; then
  echo "stop.sh: could not stop broker $KAFKA_PID; state kept in $state" >&2
  exit 1
fi
if [[ "${KAFKA_KEEP_DIR:-}" == 1 ]]; then
  echo "stop.sh: kept $KAFKA_DIR" >&2
else
  remove_broker_dir "$KAFKA_DIR"
fi
rm -f "$state"
echo "stop.sh: stopped broker $KAFKA_PID ($KAFKA_BROKERS)" >&2
