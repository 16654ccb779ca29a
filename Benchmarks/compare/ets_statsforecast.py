"""statsforecast side of the AutoETS comparison (see ets_vs_statsforecast.sh).

Fits AutoETS(season_length=12) to the first N M3 monthly series (datasets/m3), forecasts
h=18 with levels 80/95 on one core after a warm-up, and writes
  <out>/statsforecast.csv   unique_id,step,mean,lo80,hi80,lo95,hi95,model
  <out>/statsforecast.json  {"seconds": ..., "cpu_seconds": ..., "series": N}
Usage: python ets_statsforecast.py ROOT OUT [N]
"""
import json
import sys
import time

import numpy as np
import pandas as pd
from statsforecast.models import AutoETS

root, out = sys.argv[1], sys.argv[2]
count = int(sys.argv[3]) if len(sys.argv) > 3 else 400
meta = pd.read_csv(f"{root}/datasets/m3/m3-meta.csv")
ids = meta.loc[meta.frequency == "monthly", "unique_id"].tolist()[:count]
train = pd.read_csv(f"{root}/datasets/m3/m3-train.csv")
train = train[train.unique_id.isin(ids)]
series = {k: g.sort_values("ds").y.to_numpy(np.float64) for k, g in train.groupby("unique_id")}

# warm-up (imports, lazily compiled code paths)
for k in ids[:3]:
    AutoETS(season_length=12).forecast(y=series[k], h=18, level=[80, 95])

rows = []
cpu_start = time.process_time()
start = time.perf_counter()
results = {}
for k in ids:
    model = AutoETS(season_length=12)
    res = model.forecast(y=series[k], h=18, level=[80, 95])
    results[k] = res
seconds = time.perf_counter() - start
cpu_seconds = time.process_time() - cpu_start

for k in ids:
    res = results[k]
    # model name is not returned by forecast(); refit to record it (not timed)
    fitted = AutoETS(season_length=12).fit(series[k])
    name = fitted.model_["method"]
    for t in range(18):
        rows.append((k, t + 1, res["mean"][t], res["lo-80"][t], res["hi-80"][t],
                     res["lo-95"][t], res["hi-95"][t], name))
pd.DataFrame(rows, columns=["unique_id", "step", "mean", "lo80", "hi80", "lo95", "hi95", "model"]).to_csv(
    f"{out}/statsforecast.csv", index=False)
with open(f"{out}/statsforecast.json", "w") as f:
    json.dump({"seconds": seconds, "cpu_seconds": cpu_seconds, "series": len(ids)}, f)
print(f"statsforecast AutoETS: {len(ids)} series in {seconds:.2f} s wall, {cpu_seconds:.2f} s CPU")
