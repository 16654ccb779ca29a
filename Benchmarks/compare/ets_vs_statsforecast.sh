#!/usr/bin/env bash
# AutoETS, Attain vs statsforecast, on the first N M3 monthly series (h = 18, levels 80/95).
# Usage: Benchmarks/compare/ets_vs_statsforecast.sh [N=400] [THREADS=1]
# Both sides time only the fit + forecast loop, after a warm-up, one process each; the script
# prints wall and CPU seconds, their ratio, sMAPE and interval coverage on the M3 hold-out.
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${1:-400}"
THREADS="${2:-1}"
OUT="$(mktemp -d)"
VENV=Benchmarks/compare/.venv
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
# The venv is shared by the comparison scripts: install what this one needs when missing.
"$VENV/bin/python" -c "import statsforecast, pandas" 2>/dev/null || "$VENV/bin/pip" install -q statsforecast pandas
flags="$(make -s cpu-flags)"
(cd Benchmarks/compare/ets_runner && swift build -c release $flags >/dev/null)
Benchmarks/compare/ets_runner/.build/release/ets_runner . "$OUT" "$N" "$THREADS"
OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 NUMBA_NUM_THREADS=1 \
  "$VENV/bin/python" Benchmarks/compare/ets_statsforecast.py . "$OUT" "$N"
"$VENV/bin/python" Benchmarks/compare/ets_score.py . "$OUT"
rm -rf "$OUT"
