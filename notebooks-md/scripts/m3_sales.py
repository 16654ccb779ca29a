#!/usr/bin/env python3
"""Split the M3 sales series (description contains SALES, SHIPMENT or REVENUE, any case) by
frequency: writes sales-<frequency>-train.csv and sales-<frequency>-test.csv (unique_id,ds,y)
in the current folder and prints the series count per frequency.
Usage: m3_sales.py DATASETS_DIR"""
import csv, os, sys

root = os.path.join(sys.argv[1] if len(sys.argv) > 1 else "datasets", "m3")
freq = {}
with open(os.path.join(root, "m3-meta.csv")) as f:
    for row in csv.DictReader(f):
        d = row["description"].upper()
        if "SALES" in d or "SHIPMENT" in d or "REVENUE" in d:
            freq[row["unique_id"]] = row["frequency"]
counts = {}
for part in ("train", "test"):
    out = {}
    with open(os.path.join(root, f"m3-{part}.csv")) as f:
        reader = csv.reader(f)
        header = next(reader)
        for row in reader:
            k = freq.get(row[0])
            if k is None:
                continue
            if k not in out:
                out[k] = open(f"sales-{k}-{part}.csv", "w", newline="")
                out[k].write(",".join(header) + "\n")
            out[k].write(",".join(row) + "\n")
    for w in out.values():
        w.close()
for k in freq.values():
    counts[k] = counts.get(k, 0) + 1
for k in ("yearly", "quarterly", "monthly", "other"):
    print(f"{k},{counts.get(k, 0)}")
print(f"all,{len(freq)}")
