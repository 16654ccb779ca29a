"""Reference values for the Theta state-space models from statsforecast.

Run from the repository root (creates its own venv):
  python3 -m venv Benchmarks/compare/.venv && Benchmarks/compare/.venv/bin/pip install statsforecast
  Benchmarks/compare/.venv/bin/python Tests/AttainForecastTests/Fixtures/models/make_theta_fixtures.py
Reads series.csv (written by make_fixtures.R); writes theta_reference.csv
(case,method,quantity,step,value) with the point forecasts and the fitted parameters
(initial_smoothed, alpha, theta) and criterion (mse) of each model.
"""
import csv
import os
from collections import defaultdict

import numpy as np
import statsforecast
from statsforecast.models import DynamicOptimizedTheta, DynamicTheta, OptimizedTheta, Theta

here = os.path.dirname(os.path.abspath(__file__))
series = defaultdict(list)
with open(os.path.join(here, "series.csv")) as f:
    for row in csv.DictReader(f):
        series[row["case"]].append(float(row["y"]))
seasons = {"airpassengers": 12, "N0001": 1, "N0700": 4, "N1500": 12, "N2900": 1}
rows = []
for case, y in series.items():
    m = seasons[case]
    h = 2 * max(m, 4)
    for cls in (Theta, OptimizedTheta, DynamicTheta, DynamicOptimizedTheta):
        model = cls(season_length=m).fit(np.array(y))
        mean = model.predict(h)["mean"]
        name = cls.__name__
        for t, v in enumerate(mean):
            rows.append((case, name, "mean", t + 1, repr(float(v))))
        par = model.model_["par"]
        for key in ("initial_smoothed", "alpha", "theta"):
            rows.append((case, name, key, 1, repr(float(par[key]))))
        rows.append((case, name, "mse", 1, repr(float(model.model_["mse"]))))
        rows.append((case, name, "decompose", 1, "1" if model.model_.get("decompose", False) else "0"))
with open(os.path.join(here, "theta_reference.csv"), "w") as f:
    f.write(f"# statsforecast {statsforecast.__version__}\ncase,method,quantity,step,value\n")
    for r in rows:
        f.write(",".join(str(x) for x in r) + "\n")
