#!/usr/bin/env bash
# Per-scenario quality table: simulate (seed 1) → detect → eval for every scenario.
# Usage: bash scripts/scenario-table.sh OUTDIR [scenario …]   (extra detect flags via DETECT_FLAGS)
set -euo pipefail
out=${1:?usage: scenario-table.sh OUTDIR [scenario…]}; shift
scenarios=("${@:-default paraphrase-heavy slow-drip camouflage viral-burst}")
mkdir -p "$out"
for s in ${scenarios[@]}; do
  d="$out/$s"; mkdir -p "$d"
  [[ -f "$d/events.jsonl.gz" ]] || ./bin/ringwatch simulate --scenario "$s" --seed 1 --out "$d/events.jsonl.gz" --truth "$d/truth.json"
  start=$(date +%s.%N)
  ./bin/ringwatch detect --input "$d/events.jsonl.gz" --out "$d/rings${TAG:-}.jsonl" --quiet ${DETECT_FLAGS:-}
  secs=$(echo "$(date +%s.%N) - $start" | bc)
  ./bin/ringwatch eval --truth "$d/truth.json" --rings "$d/rings${TAG:-}.jsonl" --json > "$d/eval${TAG:-}.json"
  python3 - "$d/eval${TAG:-}.json" "$s${TAG:-}" "$secs" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); f = lambda x, d=3: 'n/a' if x is None else f'{x:.{d}f}'
worst = max([(c['rate'] or 0, c['class']) for c in r['false_flags']['by_class']] or [(0, '-')])
print(f"| {sys.argv[2]} | {r['counts']['ring_events'] and r['counts']['true_rings']} | {f(r['ring']['precision'])} | {f(r['ring']['recall_large'])} | {f(r['account']['f1'])} | {f(r['false_flags']['genuine']['rate'], 4)} | {f(worst[0], 4)} ({worst[1]}) | {f(r['detection']['median_hours'], 1)} | {float(sys.argv[3]):.0f} s |")
PY
done
