#!/usr/bin/env bash
# AutoETS, Attain vs statsforecast, on the first N M3 monthly series (h = 18, levels 80/95).
# Usage: Benchmarks/compare/ets_vs_statsforecast.sh [N=400] [THREADS=1]
# Both sides time only the fit + forecast loop, after a warm-up, one process per run; Attain runs
# on THREADS threads, statsforecast on one (a Python loop). The two alternate ROUNDS times
# (environment, default 5) and each side's best wall and CPU times count; the script prints them,
# their ratios, sMAPE and interval coverage on the M3 hold-out.
set -euo pipefail
cd "$(dirname "$0")/../.."
source Benchmarks/compare/common.sh
N="${1:-400}"
THREADS="${2:-1}"
ROUNDS="${ROUNDS:-5}"
OUT="$(mktemp -d)"
compare_venv statsforecast pandas
flags="$(make -s cpu-flags)"
(cd Benchmarks/compare/ets_runner && swift build -c release $flags >/dev/null)
for round in $(seq 1 "$ROUNDS"); do
  mkdir -p "$OUT/$round"
  Benchmarks/compare/ets_runner/.build/release/ets_runner . "$OUT/$round" "$N" "$THREADS"
  OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 NUMBA_NUM_THREADS=1 \
    "$VENV/bin/python" Benchmarks/compare/ets_statsforecast.py . "$OUT/$round" "$N"
done
# Each side's best wall and best CPU time over the rounds (the forecasts are the same every round).
"$VENV/bin/python" - "$OUT" "$ROUNDS" <<'PY'
import json, shutil, sys
out, rounds = sys.argv[1], int(sys.argv[2])
for side in ["attain", "statsforecast"]:
    runs = [json.load(open(f"{out}/{r}/{side}.json")) for r in range(1, rounds + 1)]
    best = dict(runs[0], seconds=min(r["seconds"] for r in runs), cpu_seconds=min(r["cpu_seconds"] for r in runs))
    json.dump(best, open(f"{out}/{side}.json", "w"))
    shutil.copy(f"{out}/1/{side}.csv", f"{out}/{side}.csv")
print(f"best of {rounds} alternating rounds per side")
PY
"$VENV/bin/python" Benchmarks/compare/ets_score.py . "$OUT"
rm -rf "$OUT"
