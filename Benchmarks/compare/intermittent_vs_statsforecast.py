"""statsforecast side of intermittent_vs_statsforecast.sh.

  python intermittent_vs_statsforecast.py SERIES.csv THREADS RUNS HORIZON OUTDIR ATTAIN -- ARGS...
      For each of the six models (attain name / statsforecast class): runs the whole process
      `ATTAIN forecast SERIES.csv --model NAME ARGS... -o OUTDIR/NAME.csv` and
      StatsForecast(models=[Class()], freq="W-MON", n_jobs=THREADS).forecast(df, h=HORIZON)
      alternately RUNS times (so both see the same machine, whose speed drifts within minutes),
      after one untimed warm-up call of statsforecast (imports, numba/first-call costs), and
      prints the best wall time of each side, the ratio and the largest relative difference of
      the point forecasts over all series and steps.
"""
import subprocess
import sys
import time

import numpy as np
import pandas as pd
from statsforecast import StatsForecast
from statsforecast.models import ADIDA, IMAPA, TSB, CrostonClassic, CrostonOptimized, CrostonSBA

series_path, threads, runs, horizon, outdir, attain = sys.argv[1:7]
extra = sys.argv[8:]
threads, runs, horizon = int(threads), int(runs), int(horizon)
df = pd.read_csv(series_path, parse_dates=["ds"])
models = [
    ("croston", CrostonClassic, "CrostonClassic"),
    ("sba", CrostonSBA, "CrostonSBA"),
    ("croston-optimized", CrostonOptimized, "CrostonOptimized"),
    ("tsb:0.2,0.2", lambda: TSB(alpha_d=0.2, alpha_p=0.2), "TSB"),
    ("adida", ADIDA, "ADIDA"),
    ("imapa", IMAPA, "IMAPA"),
]
print(f"series={df.unique_id.nunique()} weeks={df.groupby('unique_id').size().iloc[0]} h={horizon} "
      f"attain --threads {threads} / statsforecast n_jobs={threads}, best of {runs} alternating runs")
for name, make, column in models:
    def sf():
        return StatsForecast(models=[make()], freq="W-MON", n_jobs=threads).forecast(df=df, h=horizon)
    sf()  # warm-up
    out = f"{outdir}/{name}.csv"
    attain_best = sf_best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([attain, "forecast", series_path, "--model", name, *extra, "-o", out], check=True)
        attain_best = min(attain_best, time.perf_counter() - start)
        start = time.perf_counter()
        result = sf()
        sf_best = min(sf_best, time.perf_counter() - start)
    result = result.reset_index() if "unique_id" not in result.columns else result
    ours = pd.read_csv(out, parse_dates=["ds"])
    m = ours.merge(result, on=["unique_id", "ds"], suffixes=("_attain", "_sf"))
    a, b = m[f"{column}_attain"].to_numpy(), m[f"{column}_sf"].to_numpy()
    rel = np.max(np.abs(a - b) / np.maximum(1.0, np.abs(b)))
    print(f"{name:18s} attain_seconds={attain_best:.3f} statsforecast_seconds={sf_best:.3f} "
          f"ratio={sf_best / attain_best:.1f} points={len(m)} max_rel_diff={rel:.1e}")
