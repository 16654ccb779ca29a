"""Scores the two sides of the AutoETS comparison on the M3 monthly hold-out.

Usage: python ets_score.py ROOT OUT
Reads OUT/{attain,statsforecast}.{csv,json} and ROOT/datasets/m3/m3-test.csv; prints time ratios,
sMAPE (M3 definition, 200|y-f|/(|y|+|f|)), 80/95 % interval coverage and model agreement.
The hold-out is for reporting only: nothing is tuned on it.
"""
import json
import sys

import numpy as np
import pandas as pd

root, out = sys.argv[1], sys.argv[2]
test = pd.read_csv(f"{root}/datasets/m3/m3-test.csv")
test["step"] = test.groupby("unique_id").cumcount() + 1
sides = {}
for side in ["attain", "statsforecast"]:
    fc = pd.read_csv(f"{out}/{side}.csv")
    with open(f"{out}/{side}.json") as f:
        meta = json.load(f)
    merged = fc.merge(test, on=["unique_id", "step"], how="inner")
    y, f = merged.y.to_numpy(), merged["mean"].to_numpy()
    smape = np.mean(200 * np.abs(y - f) / (np.abs(y) + np.abs(f)))
    cov80 = np.mean((y >= merged.lo80) & (y <= merged.hi80))
    cov95 = np.mean((y >= merged.lo95) & (y <= merged.hi95))
    sides[side] = dict(meta=meta, smape=smape, cov80=cov80, cov95=cov95, fc=fc,
                       series=merged.unique_id.nunique())
a, s = sides["attain"], sides["statsforecast"]
print(f"series scored: attain {a['series']}, statsforecast {s['series']}")
for name, d in sides.items():
    print(f"{name:14s} threads {d['meta'].get('threads', 1)}  wall {d['meta']['seconds']:8.3f} s  cpu {d['meta'].get('cpu_seconds', float('nan')):8.3f} s  "
          f"sMAPE {d['smape']:.3f}  coverage80 {d['cov80']:.3f}  coverage95 {d['cov95']:.3f}")
print(f"speed-up (wall): {s['meta']['seconds'] / a['meta']['seconds']:.1f}x   "
      f"(cpu): {s['meta'].get('cpu_seconds', np.nan) / a['meta'].get('cpu_seconds', np.nan):.1f}x")
ma = a["fc"].groupby("unique_id").model.first()
ms = s["fc"].groupby("unique_id").model.first()
# statsforecast writes "ETS(M,Ad,M)"; Attain writes "MAdM".
ms = ms.str.replace(r"ETS\((\w),(\w+),(\w)\)", r"\1\2\3", regex=True)
both = ma.index.intersection(ms.index)
print(f"same model chosen: {np.mean(ma[both].values == ms[both].values):.3f} of {len(both)} series")
