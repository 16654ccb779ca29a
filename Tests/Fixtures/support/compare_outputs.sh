#!/usr/bin/env bash
# Byte-for-byte comparison of two attain binaries over the notebooks and the commands on the
# bundled data: every ```sh block of notebooks-md/*.md (run as the notebook tests run them) and a
# list of forecast/backtest/simulate/recommend/decompose/track/evaluate/report/demo runs. Each
# binary runs in the same folder (so paths in messages agree); stdout, stderr, the exit status and
# every file written are kept and the two trees are diffed.
#   Tests/Fixtures/support/compare_outputs.sh [BASE] [NEW] [OUT]
#   BASE default /work/baseline/attain, NEW default .build/release/attain, OUT default /tmp/attain-compare
#   SKIP_NOTEBOOKS="02" skips notebooks whose name starts with one of the listed prefixes.
# Exit status 0 when everything is identical, 1 otherwise (the diff is printed).
set -uo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
base="$(realpath "${1:-/work/baseline/attain}")"
new="$(realpath "${2:-$root/.build/release/attain}")"
out="${3:-/tmp/attain-compare}"
skip="${SKIP_NOTEBOOKS:-}"
rm -rf "$out" && mkdir -p "$out"

blocks() {  # prints the sh blocks of notebook $1 separated by NUL bytes
  python3 - "$1" <<'PY'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
i, out = 0, []
while i < len(lines):
    f = lines[i].strip()
    if f in ("```sh", "```bash", "```shell"):
        j = i + 1; body = []
        while j < len(lines) and lines[j].strip() != "```": body.append(lines[j]); j += 1
        out.append("\n".join(body)); i = j + 1
    elif f.startswith("```"):
        j = i + 1
        while j < len(lines) and lines[j].strip() != "```": j += 1
        i = j + 1
    else:
        i += 1
sys.stdout.write("\0".join(out))
PY
}

run_all() {  # $1 binary, $2 label
  local bin="$1" label="$2" work="$out/run"
  local bindir; bindir="$(mktemp -d)"; ln -s "$bin" "$bindir/attain"
  rm -rf "$work" && mkdir -p "$work"
  for nb in "$root"/notebooks-md/*.md; do
    local name; name="$(basename "$nb" .md)"
    local s skipped=0
    for s in $skip; do [[ "$name" == "$s"* ]] && skipped=1; done
    [[ $skipped == 1 ]] && continue
    mkdir -p "$work/$name" && ln -s "$root/datasets" "$work/$name/datasets"
    local k=0
    while IFS= read -r -d '' script || [[ -n "$script" ]]; do
      k=$((k + 1))
      (cd "$work/$name" && PATH="$bindir:$PATH" ATTAIN_DATA=datasets ATTAIN_REPO_ROOT="$root" COLUMNS=80 \
        bash -c "set -eo pipefail
$script" >"../$name.block$k.out" 2>"../$name.block$k.err"; echo $? >"../$name.block$k.rc")
      script=""
    done < <(blocks "$nb")
    rm "$work/$name/datasets"
  done
  # Commands on the bundled data (a small M3 subset keeps the run short).
  mkdir -p "$work/cli" && cd "$work/cli"
  local m3="$root/datasets/m3/m3-train.csv"
  awk -F, 'NR == 1 || $1 ~ /^N(1[4-9][0-9][0-9])$/' "$m3" | awk -F, 'NR == 1 || $1 <= "N1420"' > monthly.csv
  awk -F, 'NR == 1 || $1 ~ /^N07(1[1-9]|2[0-9])$/' "$m3" > quarterly.csv
  printf 'unique_id,group\nN1402,A\nN1403,A\nN1404,B\nN1405,B\nN1406,B\n' > groups.csv
  printf 'unique_id,target\nN1402,60000\nA,120000\nB,1\n' > targets.csv
  "$bin" aggregate "$root/datasets/superstore/superstore-orders.csv" --date-column "Order Date" \
    --date-format M/D/YYYY --group-by Region,Category --value-column Sales --frequency monthly --output sales.csv
  awk -F, 'NR == 1 || $2 < "2017"' sales.csv > history.csv
  awk -F, 'NR > 1 && $2 >= "2015" && $2 < "2016" { s[$1] += $3 } END { print "unique_id,target"; for (k in s) printf "%s,%.2f\n", k, s[k] * 1.1 }' history.csv | sort -r > plan-targets.csv
  { echo "unique_id,parent,history"
    awk -F, 'NR > 1 && $2 >= "2016" { split($1, p, "/"); leaf[$1] += $3; region[p[1]] += $3 }
      END { for (r in region) printf "%s,,%.2f\n", r, region[r]
            for (l in leaf) { split(l, p, "/"); printf "%s,%s,%.2f\n", l, p[1], leaf[l] } }' history.csv | sort; } > units.csv
  awk -F, -v OFS=, 'NR == 1 { print $0, "probability"; next } { print $0, 0.6 }' plan-targets.csv > plan-targets-p.csv
  printf 'date\n2017-01-02\n2017-05-29\n' > holidays.csv
  local cmds=(
    "forecast monthly.csv --horizon 12 --output f-auto.csv"
    "forecast monthly.csv --model ets --horizon 6 --level 90 --output f-ets.json"
    "forecast quarterly.csv --model theta --horizon 8 --season-length 4"
    "backtest monthly.csv --horizon 6 --windows 2 --model auto --summary"
    "backtest quarterly.csv --horizon 4 --season-length 4 --model ets"
    "simulate monthly.csv --horizon 12 --paths 2000 --seed 5"
    "simulate monthly.csv --horizon 12 --paths 2000 --seed 5 --group-map groups.csv --targets targets.csv --rho estimate"
    "simulate monthly.csv --horizon 12 --paths 1000 --seed 5 --group-map groups.csv --rho 0.4 --output s.json"
    "recommend monthly.csv --horizon 12 --paths 2000 --seed 5"
    "recommend monthly.csv --horizon 12 --paths 2000 --seed 5 --group-map groups.csv --rho estimate"
    "recommend monthly.csv --horizon 12 --paths 2000 --seed 5 --group-map groups.csv --targets targets.csv --rho 0.3"
    "recommend monthly.csv --horizon 12 --paths 2000 --seed 5 --model theta --calibration-windows 0"
    "recommend quarterly.csv --horizon 8 --season-length 4 --paths 2000 --seed 2 --calibration-windows 2 --threads 1"
    "track history.csv --targets plan-targets.csv --as-of 2016-06-30 --period-start 2016-01-01 --paths 1000 --seed 1"
    "track history.csv --targets plan-targets-p.csv --as-of 2016-09-30 --model ets --paths 1000 --seed 1 --quantile 0.2 --revise --threads 1"
    "evaluate history.csv --targets plan-targets.csv --from 2016-01-01 --to 2016-12-31"
    "evaluate history.csv --targets plan-targets.csv --from 2016-01-01 --to 2016-12-31 --simulate-cost --history history.csv --paths 500 --seed 3 --cost-output cost.csv"
    "decompose --target 1000000 --units units.csv --buffer 0.05"
    "decompose --target 1000000 --units units.csv --from 2017-01-01 --to 2017-12-31 --grain month --history history.csv"
    "decompose --target 500000 --from 2017-01-01 --to 2017-06-30 --grain week --holidays holidays.csv --event 12-24:1.5"
    "report history.csv --seed 1 --paths 500 --output report.html"
    "report history.csv --seed 1 --paths 500 --plan-start 2017-01-01 --output plan.html"
    "demo --data-dir $root/datasets --output-dir demo --seed 2 --paths 500"
  )
  local i=0 c
  for c in "${cmds[@]}"; do
    i=$((i + 1))
    eval "\"$bin\" $c" >"cmd$i.out" 2>"cmd$i.err"; echo "$? $c" >"cmd$i.rc"
  done
  cd "$out"
  mv "$work" "$out/$label"
  rm -rf "$bindir"
}

run_all "$base" base
run_all "$new" new
if diff -r "$out/base" "$out/new"; then
  echo "identical: $(find "$out/base" -type f | wc -l) files"
  exit 0
fi
exit 1
