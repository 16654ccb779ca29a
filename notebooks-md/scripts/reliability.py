#!/usr/bin/env python3
"""Reliability of recommended targets: joins `attain recommend` outputs
(unique_id,probability,target) with hold-out actuals (unique_id,ds,y) and prints, per
probability p, the share of series whose actual hold-out total reaches its target.
Usage: reliability.py LABEL RECOMMEND.csv TEST.csv [LABEL RECOMMEND.csv TEST.csv ...]
Prints label,probability,series,hit_rate,gap (gap = hit_rate - p, in points); rows labelled
"all" pool every given label."""
import csv, sys

args = sys.argv[1:]
pooled = {}
print("label,probability,series,hit_rate,gap")
for i in range(0, len(args), 3):
    label, rec, test = args[i:i + 3]
    totals = {}
    with open(test) as f:
        for row in csv.DictReader(f):
            totals[row["unique_id"]] = totals.get(row["unique_id"], 0.0) + float(row["y"])
    hits = {}
    with open(rec) as f:
        for row in csv.DictReader(f):
            p = float(row["probability"])
            hit = totals[row["unique_id"]] >= float(row["target"])
            h, n = hits.get(p, (0, 0))
            hits[p] = (h + hit, n + 1)
            h, n = pooled.get(p, (0, 0))
            pooled[p] = (h + hit, n + 1)
    for p in sorted(hits, reverse=True):
        h, n = hits[p]
        print(f"{label},{p},{n},{h / n:.3f},{100 * (h / n - p):+.1f}")
for p in sorted(pooled, reverse=True):
    h, n = pooled[p]
    print(f"all,{p},{n},{h / n:.3f},{100 * (h / n - p):+.1f}")
