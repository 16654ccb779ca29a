#!/usr/bin/env python3
"""Validation split inside the training data: writes PREFIX-train.csv (each series without its
last H points) and PREFIX-test.csv (those H points) from a unique_id,ds,y CSV.
Usage: holdback.py INPUT.csv H PREFIX"""
import csv, sys

src, h, prefix = sys.argv[1], int(sys.argv[2]), sys.argv[3]
series = {}
with open(src) as f:
    reader = csv.reader(f)
    header = next(reader)
    for row in reader:
        series.setdefault(row[0], []).append(row)
with open(f"{prefix}-train.csv", "w") as tr, open(f"{prefix}-test.csv", "w") as te:
    tr.write(",".join(header) + "\n")
    te.write(",".join(header) + "\n")
    for rows in series.values():
        for row in rows[:-h]:
            tr.write(",".join(row) + "\n")
        for row in rows[-h:]:
            te.write(",".join(row) + "\n")
