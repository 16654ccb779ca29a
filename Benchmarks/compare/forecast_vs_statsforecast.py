"""statsforecast side of forecast_vs_statsforecast.sh and arima_vs_statsforecast.sh, and the
accuracy of both sides. MODEL (environment) is the statsforecast model and the forecast column of
both sides: AutoETS (default) or AutoARIMA.

  python forecast_vs_statsforecast.py run TRAIN.csv OUT.csv THREADS ATTAIN_COMMAND...
      StatsForecast(models=[MODEL(season_length=12)], freq=1, n_jobs=THREADS)
      .forecast(df=train, h=18, level=[80, 95]) after a warm-up on the same data (numba
      compilation and caches excluded), alternating ROUNDS times (environment, default 5) with
      the whole ATTAIN_COMMAND process (so both sides see the same machine: its speed drifts by
      tens of percent within minutes); prints the best of the ROUNDS wall times of each side,
      `attain_seconds=...` and `statsforecast_seconds=...`.
  python forecast_vs_statsforecast.py score TEST.csv ATTAIN.csv STATSFORECAST.csv
      prints sMAPE (M3 definition, mean over steps then over series) and 80/95% coverage.
"""
import os
import sys
import time

import numpy as np
import pandas as pd

MODEL = os.environ.get("MODEL", "AutoETS")


def run(train_path, out_path, threads, attain_command):
    import subprocess

    from statsforecast import StatsForecast
    from statsforecast import models

    df = pd.read_csv(train_path)

    def forecast(frame):
        sf = StatsForecast(models=[getattr(models, MODEL)(season_length=12)], freq=1, n_jobs=threads)
        return sf.forecast(df=frame, h=18, level=[80, 95])

    forecast(df)  # warm-up: numba compilation, imports, worker start-up code paths
    attain_best = sf_best = float("inf")
    for _ in range(int(os.environ.get("ROUNDS", "5"))):
        start = time.perf_counter()
        subprocess.run(attain_command, check=True)
        attain_best = min(attain_best, time.perf_counter() - start)
        start = time.perf_counter()
        result = forecast(df)
        sf_best = min(sf_best, time.perf_counter() - start)
    result = result.reset_index() if "unique_id" not in result.columns else result
    result.to_csv(out_path, index=False)
    print(f"attain_seconds={attain_best:.3f}")
    print(f"statsforecast_seconds={sf_best:.3f}")


def score(test_path, attain_path, sf_path):
    test = pd.read_csv(test_path)
    test["step"] = test.groupby("unique_id").cumcount()
    sides = {
        "attain": (pd.read_csv(attain_path), MODEL),
        "statsforecast": (pd.read_csv(sf_path), MODEL),
    }
    for name, (frame, col) in sides.items():
        frame = frame.copy()
        frame["step"] = frame.groupby("unique_id").cumcount()
        m = test.merge(frame, on=["unique_id", "step"], suffixes=("", "_f"))
        f, y = m[col].to_numpy(), m["y"].to_numpy()
        m["smape"] = 200 * np.abs(y - f) / (np.abs(y) + np.abs(f))
        smape = m.groupby("unique_id").smape.mean().mean()
        cov = [np.mean((y >= m[f"{col}-lo-{l}"]) & (y <= m[f"{col}-hi-{l}"])) * 100 for l in (80, 95)]
        print(f"{name}: series={m.unique_id.nunique()} points={len(m)} smape={smape:.3f} "
              f"coverage80={cov[0]:.1f} coverage95={cov[1]:.1f}")


if sys.argv[1] == "run":
    run(sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5:])
else:
    score(sys.argv[2], sys.argv[3], sys.argv[4])
