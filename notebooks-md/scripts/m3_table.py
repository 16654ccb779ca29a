#!/usr/bin/env python3
"""Combines `attain backtest --summary` rows per M3 frequency group into one accuracy table.

Usage: m3_table.py DIR MODEL [MODEL ...]
Reads DIR/<model>-<group>.csv (the one-row --summary output of `attain backtest`) for the groups
yearly, quarterly, monthly, other, and prints per model the sMAPE and MASE of each group and
overall, plus the 80/95% interval coverage overall. Standard library only.

Overall columns:
  series  mean over all series = the group means weighted by series count (the `windows` column:
          one hold-out window per series);
  points  mean over all forecasts (series x horizon steps) = the group means weighted by
          series count x horizon, the convention of the published M3 tables;
  cov80/95 pooled over all hold-out points (same weights as `points`): the fraction of all
          actual values inside their interval.
"""
import csv
import sys

GROUPS = [("yearly", 6), ("quarterly", 8), ("monthly", 18), ("other", 8)]


def read(path):
    with open(path, newline="") as f:
        return next(csv.DictReader(f))


def main():
    folder, models = sys.argv[1], sys.argv[2:]
    head = "{:<14} {:>6} {:>6} {:>6} {:>6} {:>7} {:>7} | {:>5} {:>5} {:>5} {:>5} {:>5} | {:>5} {:>5}"
    print(head.format("sMAPE/MASE", "Y", "Q", "M", "O", "series", "points",
                      "Y", "Q", "M", "O", "all", "cov80", "cov95"))
    for model in models:
        rows = [(read(f"{folder}/{model}-{g}.csv"), h) for g, h in GROUPS]
        n = [float(r["windows"]) for r, _ in rows]
        pts = [float(r["windows"]) * h for r, h in rows]

        def avg(key, weights):
            return sum(w * float(r[key]) for w, (r, _) in zip(weights, rows)) / sum(weights)

        line = "{:<14}".format(model)
        line += "".join(" {:6.2f}".format(float(r["smape"])) for r, _ in rows)
        line += " {:7.3f} {:7.3f} |".format(avg("smape", n), avg("smape", pts))
        line += "".join(" {:5.3f}".format(float(r["mase"])) for r, _ in rows)
        line += " {:5.3f} | {:5.1f} {:5.1f}".format(
            avg("mase", n), avg("coverage-80", pts), avg("coverage-95", pts))
        print(line)


main()
