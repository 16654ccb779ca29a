#!/usr/bin/env bash
# The whole `attain forecast --model arima` process against statsforecast's AutoARIMA, on the first N
# M3 monthly series (h = 18, season length 12, levels 80/95).
# Usage: Benchmarks/compare/arima_vs_statsforecast.sh [N=400] [THREADS=2]
# Attain runs with its default thread count (all cores); THREADS is statsforecast's n_jobs.
#
# Attain: wall time of the release `attain forecast` process (start, read CSV, fit, intervals,
# write CSV). statsforecast: wall time of
#   StatsForecast(models=[AutoARIMA(season_length=12)], freq=1, n_jobs=THREADS).forecast(df, h=18,
#   level=[80, 95])
# in one Python process after a warm-up call on the same data (numba compilation excluded). The two
# alternate three times (ROUNDS=3) and each side's best time counts; then the ratio, and the sMAPE/coverage of both on the M3 hold-out of those series.
set -euo pipefail
cd "$(dirname "$0")/../.."
source Benchmarks/compare/common.sh
N="${1:-400}"
THREADS="${2:-2}"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
compare_venv statsforecast pandas
# ATTAIN_BIN=path/to/attain uses an existing release binary instead of building one.
compare_attain

# The first N monthly series of the training and test files (untimed).
m3_monthly_subset "$N" "$OUT"

# Alternating runs, best of 3 each (see forecast_vs_statsforecast.py).
export MODEL=AutoARIMA ROUNDS=3
times=$("$VENV/bin/python" Benchmarks/compare/forecast_vs_statsforecast.py run "$OUT/train.csv" "$OUT/sf.csv" "$THREADS" \
  "$ATTAIN" forecast "$OUT/train.csv" --model arima --horizon 18 --season-length 12 --level 80 --level 95 \
  -o "$OUT/attain.csv")
best=$(echo "$times" | sed -n 's/^attain_seconds=//p')
sfs=$(echo "$times" | sed -n 's/^statsforecast_seconds=//p')
printf 'attain_seconds=%.3f (whole process, best of 3, default threads = %s cores)\n' "$best" "$(nproc)"
printf 'statsforecast_seconds=%.3f (n_jobs=%s, after warm-up, best of 3)\n' "$sfs" "$THREADS"
printf 'ratio=%.1f (statsforecast / attain, runs alternating)\n' "$(echo "$sfs / $best" | bc -l)"
"$VENV/bin/python" Benchmarks/compare/forecast_vs_statsforecast.py score "$OUT/test.csv" "$OUT/attain.csv" "$OUT/sf.csv"
