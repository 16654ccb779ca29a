#!/usr/bin/env bash
# `attain forecast --model <intermittent model>` against statsforecast's six intermittent-demand
# models on Superstore weekly Quantity per Product ID (history up to the week of 2016-12-26;
# products without a sale in it dropped), h = 8, on THREADS cores, best of RUNS alternating runs.
# Usage: Benchmarks/compare/intermittent_vs_statsforecast.sh [THREADS=2] [RUNS=3]
#
# Attain: wall time of the release `attain forecast` process (start, read CSV, fit, 80/95 %
# intervals from 2000 sample paths per series, write CSV). statsforecast: wall time of
#   StatsForecast(models=[Model()], freq="W-MON", n_jobs=THREADS).forecast(df, h=8)
# (point forecasts only: its intermittent models have no intervals without conformal
# calibration) in one Python process after a warm-up call. TSB runs with alpha_d = alpha_p = 0.2
# on both sides (statsforecast has no optimised TSB). The largest relative difference of the point
# forecasts is printed per model.
set -euo pipefail
cd "$(dirname "$0")/../.."
source Benchmarks/compare/common.sh
THREADS="${1:-2}"
RUNS="${2:-3}"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
compare_venv statsforecast pandas
# ATTAIN_BIN=path/to/attain uses an existing release binary instead of building one.
compare_attain

# Product ID x ISO week Quantity (untimed), cut at 2016-12-26, all-zero products dropped.
"$ATTAIN" aggregate datasets/superstore/superstore-orders.csv --date-column "Order Date" \
  --date-format M/D/YYYY --group-by "Product ID" --value-column Quantity --frequency weekly -o "$OUT/all.csv"
awk -F, 'NR == 1 { next } $2 <= "2016-12-26" { rows[$1] = rows[$1] $0 "\n"; if ($3 + 0 != 0) sold[$1] = 1 }
  END { print "unique_id,ds,y"; for (id in rows) if (id in sold) printf "%s", rows[id] }' "$OUT/all.csv" \
  | { IFS= read -r header; echo "$header"; sort -t, -k1,1 -k2,2 -s; } > "$OUT/series.csv"
echo "cores=$(nproc) OPENBLAS_NUM_THREADS=${OPENBLAS_NUM_THREADS:-unset} $("$VENV/bin/python" -c 'import statsforecast; print("statsforecast", statsforecast.__version__)')"
"$VENV/bin/python" Benchmarks/compare/intermittent_vs_statsforecast.py "$OUT/series.csv" "$THREADS" "$RUNS" 8 "$OUT" \
  "$ATTAIN" -- --horizon 8 --level 80 --level 95 --threads "$THREADS"
