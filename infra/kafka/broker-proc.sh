# Sourced by start.sh, stop.sh and the --owner-pid watchdog: identify and stop a broker process.

# is_our_broker PID DIR — true if PID is the kafka.Kafka process started for DIR (guards against
# signalling a recycled pid or someone else's broker).
is_our_broker() {
  [[ -n "$1" && -n "$2" && -r "/proc/$1/cmdline" ]] && tr '\0' ' ' <"/proc/$1/cmdline" | grep -qF "kafka.Kafka $2/"
}

# stop_broker PID DIR [TIMEOUT_S] — SIGTERM (controlled shutdown), SIGKILL after TIMEOUT_S.
stop_broker() {
  local pid="$1" dir="$2" timeout_s="${3:-20}" i
  is_our_broker "$pid" "$dir" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < timeout_s * 10; i++)); do
    is_our_broker "$pid" "$dir" || return 0
    sleep 0.1
  done
  echo "broker $pid did not stop within ${timeout_s}s, killing" >&2
  kill -KILL "$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do
    is_our_broker "$pid" "$dir" || return 0
    sleep 0.1
  done
  return 1
}

# remove_broker_dir DIR — only ever deletes a directory made by start.sh.
remove_broker_dir() {
  [[ -n "$1" && "$(basename "$1")" == ringwatch-kafka.* && -d "$1" ]] && rm -rf "$1"
  return 0
}
