#!/usr/bin/env bash
# Splits the M3 training and test CSVs by frequency group (yearly, quarterly, monthly, other),
# using the frequency column of m3-meta.csv. Plain awk, no packages.
# Usage: m3_split.sh M3_DIR OUT_DIR
# Writes OUT_DIR/<group>-train.csv and OUT_DIR/<group>-test.csv (unique_id,ds,y, rows in input order).
set -euo pipefail
src="$1"
out="$2"
mkdir -p "$out"
for part in train test; do
  awk -F, -v out="$out" -v part="$part" '
    FNR == 1 { next }
    FNR == NR { group[$1] = $2; next }
    {
      g = group[$1]
      file = out "/" g "-" part ".csv"
      if (!(file in seen)) { print "unique_id,ds,y" > file; seen[file] = 1 }
      print > file
    }
  ' "$src/m3-meta.csv" "$src/m3-$part.csv"
done
