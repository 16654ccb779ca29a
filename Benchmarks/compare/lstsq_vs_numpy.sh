#!/usr/bin/env bash
# Attain vs numpy on least squares, both on OpenBLAS, same data bit for bit (counter-based
# SplitMix64, see Sources/AttainBench/LeastSquaresBenchmark.swift):
#   1. one 1,000,000 × 20 problem: Attain `Matrix.leastSquares` (TSQR + dgelsy) vs numpy.linalg.lstsq (dgelsd)
#   2. 100,000 independent 60 × 5 fits: Attain `BatchedLeastSquares` vs a numpy.linalg.lstsq loop
# Prints both timings and the ratios numpy/Attain (> 1 means Attain is faster).
#
# numpy's wheel bundles its own OpenBLAS. OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE may be set on
# these machines for the system OpenBLAS; they slow a current numpy, so they are unset for the
# numpy command only, and threadpoolctl reports the kernel numpy then runs.
#
# Threads: the big problem runs on OpenBLAS's threads on both sides (all cores; each side prints
# its count); the batch runs on all cores in Attain (`bench batch-lstsq`, default --threads) and
# in one thread in numpy (a Python loop of small lstsq calls), as the summary lines say.
#
# usage: [ROUNDS=5] Benchmarks/compare/lstsq_vs_numpy.sh [--fits N] [--rows N] [--cols N] [--big-rows N] [--big-cols N]
set -euo pipefail
cd "$(dirname "$0")/../.."
BIG_ROWS=1000000 BIG_COLS=20 FITS=100000 ROWS=60 COLS=5
while [ $# -gt 0 ]; do
  case "$1" in
    --big-rows) BIG_ROWS=$2; shift 2 ;;
    --big-cols) BIG_COLS=$2; shift 2 ;;
    --fits) FITS=$2; shift 2 ;;
    --rows) ROWS=$2; shift 2 ;;
    --cols) COLS=$2; shift 2 ;;
    *) echo "error: unknown option $1" >&2; exit 2 ;;
  esac
done

VENV=Benchmarks/compare/.venv
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
"$VENV/bin/python" -c "import numpy, threadpoolctl" 2>/dev/null || "$VENV/bin/pip" install -q numpy threadpoolctl

make -s build >&2
ATTAIN=.build/release/attain
NUMPY=("env" "-u" "OPENBLAS_CORETYPE" "-u" "OPENBLAS_L2_SIZE" "$VENV/bin/python" "Benchmarks/compare/lstsq_vs_numpy.py")

seconds() { tail -n 1 | sed -n 's/^seconds=//p'; }
min() { python3 -c "import sys; print(min(map(float, sys.argv[1:])))" "$@"; }

# Machines here are shared: alternate the two sides for ROUNDS rounds (each a best of 3) and keep
# each side's minimum, so a burst of load hits both rather than one.
ROUNDS=${ROUNDS:-5}
a_big_all=() n_big_all=() a_batch_all=() n_batch_all=()
for round in $(seq 1 "$ROUNDS"); do
  echo "== round $round: one ${BIG_ROWS} x ${BIG_COLS} least-squares problem (best of 3)"
  out=$("$ATTAIN" bench lstsq --rows "$BIG_ROWS" --cols "$BIG_COLS"); echo "attain: $out" | sed '2,$s/^/        /'
  a_big_all+=("$(echo "$out" | seconds)")
  out=$("${NUMPY[@]}" lstsq --rows "$BIG_ROWS" --cols "$BIG_COLS"); echo "numpy:  $out" | sed '2,$s/^/        /'
  n_big_all+=("$(echo "$out" | seconds)")

  echo "== round $round: ${FITS} independent ${ROWS} x ${COLS} fits (best of 3)"
  out=$("$ATTAIN" bench batch-lstsq --fits "$FITS" --rows "$ROWS" --cols "$COLS"); echo "attain: $out" | sed '2,$s/^/        /'
  a_batch_all+=("$(echo "$out" | seconds)")
  out=$("${NUMPY[@]}" batch-lstsq --fits "$FITS" --rows "$ROWS" --cols "$COLS"); echo "numpy:  $out" | sed '2,$s/^/        /'
  n_batch_all+=("$(echo "$out" | seconds)")
done
a_big=$(min "${a_big_all[@]}"); n_big=$(min "${n_big_all[@]}")
a_batch=$(min "${a_batch_all[@]}"); n_batch=$(min "${n_batch_all[@]}")
echo "== load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"

python3 - "$a_big" "$n_big" "$a_batch" "$n_batch" "$ROUNDS" "$(nproc)" <<'PY'
import sys
a_big, n_big, a_batch, n_batch = map(float, sys.argv[1:5])
rounds, cores = sys.argv[5], sys.argv[6]
print(f"lstsq:       attain {a_big:.3f} s, numpy {n_big:.3f} s, attain/numpy = {a_big / n_big:.2f} (target <= 1.2; "
      f"both OpenBLAS on {cores} threads, best of {rounds} rounds x 3 alternating)")
print(f"batch-lstsq: attain {a_batch:.3f} s ({cores} threads), numpy loop {n_batch:.3f} s (1 thread), "
      f"numpy/attain = {n_batch / a_batch:.1f}x (target >= 5; best of {rounds} rounds x 3 alternating)")
PY
