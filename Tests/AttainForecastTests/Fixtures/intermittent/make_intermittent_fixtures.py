"""Reference point forecasts of statsforecast's intermittent-demand models.

Series: Superstore weekly Quantity per Product ID (ISO weeks starting Monday, zero-filled from
the first to the last week with any order), history up to the week of 2016-12-26. 40 products
are taken at evenly spaced ranks of their number of selling weeks (most to fewest), so the
fixtures span frequent and very sparse series. Each model is called directly on the float64
history (the model classes' `forecast(y, h)`), which avoids StatsForecast's float32 data frame.

Usage (from the repository root):
  python3 -m venv /tmp/sfvenv && /tmp/sfvenv/bin/pip install statsforecast pandas
  /tmp/sfvenv/bin/python Tests/AttainForecastTests/Fixtures/intermittent/make_intermittent_fixtures.py
Writes series.csv (unique_id,ds,y; ds is the week's Monday) and reference.csv
(unique_id,model,value) next to this script. Tested with statsforecast 2.1.1.
"""
import os

import numpy as np
import pandas as pd
import statsforecast
from statsforecast._lib import ses as ses_lib
from statsforecast.models import ADIDA, IMAPA, TSB, CrostonClassic, CrostonOptimized, CrostonSBA

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.abspath(os.path.join(here, "..", "..", "..", ".."))
orders = pd.read_csv(os.path.join(root, "datasets", "superstore", "superstore-orders.csv"))
date = pd.to_datetime(orders["Order Date"], format="%m/%d/%Y")
orders["ds"] = (date - pd.to_timedelta(date.dt.weekday, unit="D")).dt.normalize()
weekly = orders.groupby(["Product ID", "ds"])["Quantity"].sum()
weeks = pd.date_range(orders["ds"].min(), "2016-12-26", freq="7D")
table = weekly.unstack("Product ID").reindex(weeks).fillna(0.0)
selling = (table > 0).sum().sort_values(ascending=False, kind="stable")
selling = selling[selling > 0]
ranks = np.unique(np.linspace(0, len(selling) - 1, 40).round().astype(int))
ids = sorted(selling.index[ranks])

series_rows, reference_rows = [], []
for uid in ids:
    y = table[uid].to_numpy(dtype=np.float64)
    for ds, v in zip(weeks, y):
        series_rows.append((uid, ds.strftime("%Y-%m-%d"), v))
    values = {
        "CrostonClassic": CrostonClassic().forecast(y, h=1)["mean"][0],
        "CrostonSBA": CrostonSBA().forecast(y, h=1)["mean"][0],
        "CrostonOptimized": CrostonOptimized().forecast(y, h=1)["mean"][0],
        "ADIDA": ADIDA().forecast(y, h=1)["mean"][0],
        "IMAPA": IMAPA().forecast(y, h=1)["mean"][0],
        "TSB-0.2-0.2": TSB(alpha_d=0.2, alpha_p=0.2).forecast(y, h=1)["mean"][0],
    }
    # TSB with each smoothing parameter chosen the way CrostonOptimized chooses its own:
    # statsforecast's golden section on [0.1, 0.3] of the one-step SSE of that component.
    demand = y[y > 0]
    occurrence = (y != 0).astype(np.float64)
    alpha_d = ses_lib.golden_section_ses(demand, 0.1, 0.3)
    alpha_p = ses_lib.golden_section_ses(occurrence, 0.1, 0.3)
    values["TSB-optimized"] = TSB(alpha_d=alpha_d, alpha_p=alpha_p).forecast(y, h=1)["mean"][0]
    values["TSB-optimized-alpha_d"] = alpha_d
    values["TSB-optimized-alpha_p"] = alpha_p
    # Syntetos-Boylan classification inputs: mean inter-demand interval (counted from the
    # start, as statsforecast's _intervals) and squared CV of the non-zero sizes.
    nonzero = np.flatnonzero(y != 0)
    values["ADI"] = np.diff(nonzero + 1, prepend=0).mean()
    values["CV2"] = (demand.std() / demand.mean()) ** 2
    for model, value in values.items():
        reference_rows.append((uid, model, repr(float(value))))

pd.DataFrame(series_rows, columns=["unique_id", "ds", "y"]).to_csv(
    os.path.join(here, "series.csv"), index=False)
pd.DataFrame(reference_rows, columns=["unique_id", "model", "value"]).to_csv(
    os.path.join(here, "reference.csv"), index=False)
print(f"statsforecast {statsforecast.__version__}: {len(ids)} series, {len(weeks)} weeks")
