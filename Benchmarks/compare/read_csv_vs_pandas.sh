#!/usr/bin/env bash
# Reading a long-format series CSV into memory, in process, best of N (file in page cache):
#   pandas.read_csv(FILE)                        -> a DataFrame
#   Attain SeriesCSV.read (attain bench read-csv) -> a validated Panel (ids, offsets, values,
#                                                    stamps; file read included)
# Both sides read on one thread. The two alternate ROUNDS times (default 5), each a process timing
# REPEATS reads in process (default 30); each side's best read counts.
# Prints both throughputs in MB/s and the ratio Attain/pandas.
# Usage: Benchmarks/compare/read_csv_vs_pandas.sh [FILE] (default datasets/m3/m3-train.csv);
#        REPEATS=N to change the number of timed reads per process, ROUNDS=N the alternations.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
file=${1:-$root/datasets/m3/m3-train.csv}
repeats=${REPEATS:-30}
rounds=${ROUNDS:-5}
venv="$here/.venv"

if [ ! -x "$venv/bin/python" ]; then python3 -m venv "$venv"; fi
if ! "$venv/bin/python" -c "import pandas" 2>/dev/null; then "$venv/bin/pip" install -q pandas; fi
make -s -C "$root" build >/dev/null

cat "$file" >/dev/null  # into the page cache
bytes=$(wc -c <"$file")
pandas_s=inf attain_s=inf
smaller() { python3 -c "import sys; print(min(float(sys.argv[1]), float(sys.argv[2])))" "$1" "$2"; }
for _ in $(seq 1 "$rounds"); do
  pandas_out=$("$venv/bin/python" "$here/read_csv_pandas.py" "$file" "$repeats")
  attain_out=$("$root/.build/release/attain" bench read-csv "$file" --repeats "$repeats")
  pandas_s=$(smaller "$pandas_s" "$(sed -n 's/^seconds=//p' <<<"$pandas_out")")
  attain_s=$(smaller "$attain_s" "$(sed -n 's/^seconds=//p' <<<"$attain_out")")
done
version=$(sed -n 's/^pandas=//p' <<<"$pandas_out")

awk -v r="$rounds" -v b="$bytes" -v p="$pandas_s" -v a="$attain_s" -v f="$(basename "$file")" -v v="$version" -v n="$repeats" 'BEGIN {
  printf "file %s: %.2f MB, best of %d reads in each of %d alternating rounds, in process, 1 thread each\n", f, b / 1e6, n, r
  printf "pandas %-8s read_csv      %8.2f ms  %8.1f MB/s\n", v, p * 1e3, b / 1e6 / p
  printf "attain   SeriesCSV.read    %8.2f ms  %8.1f MB/s\n", a * 1e3, b / 1e6 / a
  printf "ratio (attain speed / pandas speed): %.1fx\n", p / a
}'
