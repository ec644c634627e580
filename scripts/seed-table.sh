#!/usr/bin/env bash
# Robustness of one scenario across seeds: simulate → detect → eval for each seed.
# Usage: bash scripts/seed-table.sh OUTDIR SCENARIO SEED…   (extra detect flags via DETECT_FLAGS)
set -euo pipefail
out=${1:?usage: seed-table.sh OUTDIR SCENARIO SEED…}; scenario=${2:?scenario}; shift 2
mkdir -p "$out"
for seed in "$@"; do
  d="$out/$scenario-$seed"; mkdir -p "$d"
  [[ -f "$d/events.jsonl.gz" ]] || ./bin/ringwatch simulate --scenario "$scenario" --seed "$seed" --out "$d/events.jsonl.gz" --truth "$d/truth.json"
  ./bin/ringwatch detect --input "$d/events.jsonl.gz" --out "$d/rings${TAG:-}.jsonl" --quiet ${DETECT_FLAGS:-}
  ./bin/ringwatch eval --truth "$d/truth.json" --rings "$d/rings${TAG:-}.jsonl" --json > "$d/eval${TAG:-}.json"
  python3 - "$d/eval${TAG:-}.json" "$seed" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); f = lambda x, d=3: 'n/a' if x is None else f'{x:.{d}f}'
worst = max([(c['rate'] or 0, c['class'], c['flagged'], c['total']) for c in r['false_flags']['by_class']] or [(0, '-', 0, 0)])
w = f"{f(worst[0], 4)} ({worst[1]}, {worst[2]} of {worst[3]})" if worst[0] else '0.0000'
print(f"| {sys.argv[2]} | {f(r['ring']['precision'])} | {f(r['ring']['recall_large'])} | {f(r['account']['f1'])} | {f(r['false_flags']['genuine']['rate'], 4)} | {w} | {f(r['detection']['median_hours'], 1)} |")
PY
done
