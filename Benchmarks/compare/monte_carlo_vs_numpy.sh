#!/usr/bin/env bash
# The Monte Carlo attainment task (see monte_carlo_numpy.py) in Attain and in numpy, in the same
# run, plus the raw throughput of Attain's normal generator on the same cores.
# Usage: Benchmarks/compare/monte_carlo_vs_numpy.sh [--units N] [--paths P] [--horizon H] [--seed S] [--threads T]
# Prints the path-step rates, the speed-up over numpy in one process (how numpy runs it) and over
# numpy in as many processes as Attain has threads (the same number of cores), normals/s and the
# engine/normals ratio. All four runs (engine, normals, numpy in one process, numpy in as many
# processes as Attain has threads) alternate ROUNDS times (environment, default 5) and each keeps
# its best rate, so a burst of load on the shared machine hits every side alike.
set -euo pipefail
# The engine does not use BLAS; keep OpenBLAS from starting (and spinning) its own threads.
export OPENBLAS_NUM_THREADS=1
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
units=10000 paths=10000 horizon=12 seed=1 threads=""
while [ $# -gt 0 ]; do
  case "$1" in
    --units) units="$2"; shift 2 ;;
    --paths) paths="$2"; shift 2 ;;
    --horizon) horizon="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    *) echo "error: unknown option $1" >&2; exit 2 ;;
  esac
done
thread_args=()
[ -n "$threads" ] && thread_args=(--threads "$threads")

[ -x "$here/.venv/bin/python" ] || python3 -m venv "$here/.venv"
"$here/.venv/bin/python" -c "import numpy" 2>/dev/null || "$here/.venv/bin/pip" install -q numpy
make -s -C "$root" build >/dev/null
attain="$root/.build/release/attain"

rate() { echo "$1" | sed -n "s/^$2=//p" | tail -1; }
best() { printf '%s\n' "$@" | sort -g | tail -1; }
count=$((units * paths * horizon))
cores="${threads:-$(nproc)}"
rounds="${ROUNDS:-5}"
# The four runs alternate (best of each): this machine's speed drifts over a minute, and every
# ratio must compare like with like.
swift_rates=() swift_cpu_rates=() normal_rates=() normal_cpu_rates=()
numpy_rates=() numpy_cpu_rates=() numpy_multi_rates=()
for rep in $(seq 1 "$rounds"); do
  echo "== attain bench monte-carlo (run $rep)"
  swift_out="$("$attain" bench monte-carlo --units "$units" --paths "$paths" --horizon "$horizon" --seed "$seed" "${thread_args[@]}")"
  echo "$swift_out"
  swift_rates+=("$(rate "$swift_out" path_steps_per_second)")
  swift_cpu_rates+=("$(rate "$swift_out" path_steps_per_cpu_second)")
  echo "== attain bench normals, same count as path steps (run $rep)"
  normals_out="$("$attain" bench normals --count "$count" --seed "$seed" "${thread_args[@]}")"
  echo "$normals_out"
  normal_rates+=("$(rate "$normals_out" normals_per_second)")
  normal_cpu_rates+=("$(rate "$normals_out" normals_per_cpu_second)")
  echo "== numpy (single process, chunked; run $rep)"
  numpy_out="$("$here/.venv/bin/python" "$here/monte_carlo_numpy.py" --units "$units" --paths "$paths" --horizon "$horizon" --seed "$seed")"
  echo "$numpy_out"
  numpy_rates+=("$(rate "$numpy_out" path_steps_per_second)")
  numpy_cpu_rates+=("$(rate "$numpy_out" path_steps_per_cpu_second)")
  echo "== numpy ($cores processes, the same number of cores as Attain; run $rep)"
  numpy_multi_out="$("$here/.venv/bin/python" "$here/monte_carlo_numpy.py" --units "$units" --paths "$paths" --horizon "$horizon" --seed "$seed" --processes "$cores")"
  echo "$numpy_multi_out"
  numpy_multi_rates+=("$(rate "$numpy_multi_out" path_steps_per_second)")
done

swift_rate="$(best "${swift_rates[@]}")"
swift_cpu_rate="$(best "${swift_cpu_rates[@]}")"
normal_rate="$(best "${normal_rates[@]}")"
normal_cpu_rate="$(best "${normal_cpu_rates[@]}")"
numpy_rate="$(best "${numpy_rates[@]}")"
numpy_multi_rate="$(best "${numpy_multi_rates[@]}")"
numpy_cpu_rate="$(best "${numpy_cpu_rates[@]}")"
echo "== summary (every side: best of $rounds alternating runs; Attain $cores threads, numpy 1 process and $cores processes; wall clock; per CPU-second rates are robust on a shared machine)"
echo "attain_path_steps_per_second=$swift_rate"
echo "numpy_path_steps_per_second=$numpy_rate"
echo "numpy_${cores}_processes_path_steps_per_second=$numpy_multi_rate"
echo "normals_per_second=$normal_rate"
echo "attain_path_steps_per_cpu_second=$swift_cpu_rate"
echo "numpy_path_steps_per_cpu_second=$numpy_cpu_rate"
echo "normals_per_cpu_second=$normal_cpu_rate"
python3 - <<PY
print("speedup_vs_numpy=%.2f" % ($swift_rate / $numpy_rate))
print("speedup_vs_numpy_same_cores=%.2f" % ($swift_rate / $numpy_multi_rate))
print("speedup_vs_numpy_per_cpu_second=%.2f" % ($swift_cpu_rate / $numpy_cpu_rate))
print("engine_over_normals=%.3f" % ($swift_rate / $normal_rate))
print("engine_over_normals_per_cpu_second=%.3f" % ($swift_cpu_rate / $normal_cpu_rate))
PY
