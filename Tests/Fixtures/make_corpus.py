#!/usr/bin/env python3
"""Writes the bad/ and edge/ input corpora (small hand-made CSVs). Run from this folder:
    python3 make_corpus.py
The expected error of every bad file is in bad/MANIFEST.tsv (checked by BadInputTests); bad scenario
files (`simulate --scenarios`) are in bad-scenarios/ with their own MANIFEST.tsv, valid but awkward
ones in edge-scenarios/."""
import os

H = "unique_id,ds,y\n"
bad = {
  # whole-file problems
  "empty.csv": b"",
  "bom-only.csv": b"\xef\xbb\xbf",
  "blank-lines.csv": b"\n\n\r\n",
  "header-only.csv": H.encode(),
  "header-only-crlf.csv": b"unique_id,ds,y\r\n\r\n",
  # header problems
  "missing-y-column.csv": b"unique_id,ds,sales\na,1,2\n",
  "missing-ds-column.csv": b"unique_id,date,y\na,1,2\n",
  "missing-id-column.csv": b"id,ds,y\na,1,2\n",
  "duplicate-column.csv": b"unique_id,ds,y,y\na,1,2,3\n",
  # record structure
  "ragged-short.csv": (H + "a,1,10\na,2\na,3,12\n").encode(),
  "ragged-long.csv": (H + "a,1,10\na,2,11,99\n").encode(),
  "ragged-quoted-newline.csv": (H + "a,1,10\n\"a\nb\",2\n").encode(),
  "unterminated-quote.csv": (H + "a,1,10\n\"a,2,11\na,3,12\n").encode(),
  "after-quote.csv": (H + "a,1,10\n\"a\"x,2,11\n").encode(),
  # values
  "non-numeric.csv": (H + "a,1,10\na,2,abc\n").encode(),
  "locale-decimal-comma.csv": (H + "a,1,10\na,2,\"1.234,5\"\n").encode(),
  "locale-thousands.csv": (H + "a,1,10\na,2,\"1,234\"\n").encode(),
  "currency.csv": (H + "a,1,$10\n").encode(),
  "hex-number.csv": (H + "a,1,0x10\n").encode(),
  "percent.csv": (H + "a,1,10%\n").encode(),
  "nan.csv": (H + "a,1,10\na,2,NaN\n").encode(),
  "nan-lower.csv": (H + "a,1,nan\n").encode(),
  "inf.csv": (H + "a,1,10\na,2,inf\n").encode(),
  "neg-infinity.csv": (H + "a,1,-Infinity\n").encode(),
  "overflow-1e999.csv": (H + "a,1,10\na,2,1e999\n").encode(),
  "empty-value.csv": (H + "a,1,10\na,2,\na,3,12\n").encode(),
  "empty-value-quoted.csv": (H + "a,1,\"\"\n").encode(),
  "empty-id.csv": (H + "a,1,10\n,2,11\n").encode(),
  "empty-id-first.csv": (H + ",1,10\n").encode(),
  "driver-non-numeric-later.csv": b"unique_id,ds,y,price\na,1,10,2.5\na,2,11,cheap\n",
  "driver-nan.csv": b"unique_id,ds,y,price\na,1,10,2.5\na,2,11,nan\n",
  # periods
  "duplicate-date.csv": (H + "a,2020-01-01,1\na,2020-02-01,2\na,2020-02-01,3\n").encode(),
  "unordered-dates.csv": (H + "a,2020-01-01,1\na,2020-02-01,2\na,2020-03-01,3\na,2020-02-01,4\n").encode(),
  "unordered-dates-wide.csv": (H + "a,2020-01-01,1\na,2020-03-01,2\na,2020-02-01,3\n").encode(),
  "duplicate-index.csv": (H + "a,1,1\na,2,2\na,2,3\n").encode(),
  "unordered-index.csv": (H + "a,1,1\na,2,2\na,3,3\na,2,4\n").encode(),
  "gap-then-unordered-index.csv": (H + "a,1,1\na,3,2\na,2,3\n").encode(),
  "gap-dates.csv": (H + "a,2020-01-01,1\na,2020-02-01,2\na,2020-04-01,3\n").encode(),
  "gap-index.csv": (H + "a,1,1\na,2,2\na,5,3\n").encode(),
  "gap-huge-fill.csv": (H + "a,1,1\na,2,2\na,20200101,3\n").encode(),
  "split-series.csv": (H + "a,1,1\na,2,2\nb,1,5\na,3,3\n").encode(),
  "mixed-date-then-index.csv": (H + "a,2020-01-01,1\na,2,2\n").encode(),
  "mixed-index-then-date.csv": (H + "a,1,1\na,2020-01-02,2\n").encode(),
  "impossible-month-13.csv": (H + "a,2020-12-01,1\na,2020-13-01,2\n").encode(),
  "impossible-feb-29.csv": (H + "a,2019-02-28,1\na,2019-02-29,2\n").encode(),
  "impossible-day-0.csv": (H + "a,2020-01-00,1\n").encode(),
  "invalid-date-slash.csv": (H + "a,01/02/2020,1\n").encode(),
  "invalid-date-text.csv": (H + "a,January,1\n").encode(),
  "fractional-index.csv": (H + "a,1,1\na,1.5,2\n").encode(),
  "zero-index.csv": (H + "a,0,1\n").encode(),
  "negative-index.csv": (H + "a,-3,1\n").encode(),
  "single-date-cannot-infer.csv": (H + "a,2020-01-01,1\nb,2020-01-01,2\n").encode(),
  "odd-spacing-cannot-infer.csv": (H + "a,2020-01-01,1\na,2020-01-11,2\n").encode(),
  # encodings and binary
  "invalid-utf8.csv": H.encode() + b"a,1,10\n\xff\xfe,2,11\n",
  "truncated-utf8.csv": H.encode() + b"a,1,10\na\xc3",
  "latin1-id.csv": H.encode() + b"caf\xe9,1,10\n",
  "utf16.csv": "\ufeffunique_id,ds,y\na,1,2\n".encode("utf-16-le"),
  "nul-byte.csv": H.encode() + b"a,1,1\x000\n",
  "binary-png.csv": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
}
os.makedirs("bad", exist_ok=True)
for name, data in bad.items():
  with open(os.path.join("bad", name), "wb") as f:
    f.write(data)

T = "date,group,value\n"
agg = {
  "agg-empty.csv": b"",
  "agg-header-only.csv": T.encode(),
  "agg-missing-value-column.csv": b"date,group,amount\n2020-01-01,a,1\n",
  "agg-ragged.csv": (T + "2020-01-01,a,1\n2020-01-02,a\n").encode(),
  "agg-unterminated-quote.csv": (T + "2020-01-01,\"a,1\n").encode(),
  "agg-bad-date.csv": (T + "2020-01-01,a,1\n01/02/2020,a,2\n").encode(),
  "agg-impossible-date.csv": (T + "2020-02-30,a,1\n").encode(),
  "agg-non-numeric.csv": (T + "2020-01-01,a,1\n2020-01-02,a,\"1.234,5\"\n").encode(),
  "agg-nan.csv": (T + "2020-01-01,a,nan\n").encode(),
  "agg-empty-value.csv": (T + "2020-01-01,a,\n").encode(),
  "agg-empty-group.csv": (T + "2020-01-01,a,1\n2020-01-02,,2\n").encode(),
  "agg-invalid-utf8.csv": T.encode() + b"2020-01-01,\xc0\xaf,1\n",
  "agg-binary.csv": b"\x7fELF\x02\x01\x01\x00\x00\x00",
}
for name, data in agg.items():
  with open(os.path.join("bad", name), "wb") as f:
    f.write(data)

edge = {
  "bom.csv": b"\xef\xbb\xbf" + (H + "".join(f"a,{t},{10 + t % 4}\n" for t in range(1, 25))).encode(),
  "crlf.csv": (H + "".join(f"a,{t},{10 + t % 3}\n" for t in range(1, 25))).replace("\n", "\r\n").encode(),
  "huge-values.csv": (H + "".join(f"a,{t},{1 + (t % 5) / 10}e300\n" for t in range(1, 25))).encode(),
  "huge-negative.csv": (H + "".join(f"a,{t},-{1 + (t % 3) / 10}e300\n" for t in range(1, 25))).encode(),
  "tiny-values.csv": (H + "".join(f"a,{t},{1 + t % 4}e-300\n" for t in range(1, 25))).encode(),
  "one-point.csv": (H + "a,1,42\nlong," + "\nlong,".join(f"{t},{t % 5 + 3}" for t in range(1, 25)) + "\n").encode(),
  "two-points.csv": (H + "a,1,42\na,2,45\n").encode(),
  "three-points.csv": (H + "a,2020-01-01,5\na,2020-02-01,7\na,2020-03-01,6\n").encode(),
  "constant.csv": (H + "".join(f"a,{t},7.5\n" for t in range(1, 37))).encode(),
  "all-zero.csv": (H + "".join(f"a,{t},0\n" for t in range(1, 37))).encode(),
  "negative.csv": (H + "".join(f"a,{t},{-100 - 3 * t + (t % 12) * 2}\n" for t in range(1, 37))).encode(),
  "mostly-zero.csv": (H + "".join(f"a,{t},{5 if t % 7 == 0 else 0}\n" for t in range(1, 37))).encode(),
  "numeric-drivers.csv": ("unique_id,ds,y,price,promo\n" + "".join(
      f"a,{t},{20 + t % 6},{1.5 + t / 100},{t % 2}\n" for t in range(1, 31))).encode(),
  "text-columns.csv": ("unique_id,ds,y,region,note\n" + "".join(
      f"a,{t},{20 + t % 6},West,\"n, {t}\"\n" for t in range(1, 31))).encode(),
  "quoted-ids.csv": (H + "".join(f"\"West, \"\"A\"\"\",{t},{t % 4 + 1}\n" for t in range(1, 20))).encode(),
  "unicode-ids.csv": (H + "".join(f"café/東京,{t},{t % 4 + 1}\n" for t in range(1, 20))).encode(),
  "no-final-newline.csv": (H + "\n".join(f"a,{t},{t % 4 + 1}" for t in range(1, 20))).encode(),
  "month-end-dates.csv": (H + "a,2020-01-31,1\na,2020-02-29,2\na,2020-03-31,3\na,2020-04-30,4\na,2020-05-31,3\n").encode(),
  "many-short-series.csv": (H + "".join(f"s{k},{t},{(k * t) % 9}\n" for k in range(40) for t in range(1, 2 + k % 4))).encode(),
}
os.makedirs("edge", exist_ok=True)
for name, data in edge.items():
  with open(os.path.join("edge", name), "wb") as f:
    f.write(data)

def scenario(body):
  return ('{"scenarios": [\n  ' + body + '\n]}\n').encode()

bad_scenarios = {
  # syntax
  "empty.json": b"",
  "whitespace-only.json": b"  \n\n",
  "not-json.json": b"scenarios: []\n",
  "comment.json": b'{"scenarios": [] // none\n}\n',
  "trailing-comma.json": scenario('{"name": "a"},'),
  "trailing-comma-object.json": scenario('{"name": "a", "growth": 0.1,}'),
  "missing-colon.json": scenario('{"name" "a"}'),
  "unterminated-string.json": b'{"scenarios": [{"name": "a}]}\n',
  "unterminated-array.json": b'{"scenarios": [{"name": "a"}\n',
  "trailing-garbage.json": b'{"scenarios": []} x\n',
  "two-documents.json": b'{"scenarios": []}\n{"scenarios": []}\n',
  "single-quotes.json": scenario("{'name': 'a'}"),
  "leading-zero.json": scenario('{"name": "a", "growth": 01}'),
  "bare-dot.json": scenario('{"name": "a", "growth": .5}'),
  "nan-literal.json": scenario('{"name": "a", "growth": NaN}'),
  "infinity-literal.json": scenario('{"name": "a", "growth": Infinity}'),
  "overflow-1e999.json": scenario('{"name": "a", "growth": 1e999}'),
  "bad-literal.json": scenario('{"name": "a", "growth": nul}'),
  "bad-escape.json": scenario('{"name": "a\\q"}'),
  "lone-surrogate.json": scenario('{"name": "a\\ud800"}'),
  "control-character.json": scenario('{"name": "a\tb"}'),
  "invalid-utf8.json": b'{"scenarios": [\n  {"name": "caf\xe9"}\n]}\n',
  "binary.json": b"\x89PNG\r\n\x1a\n\x00\x00",
  "deep-nesting.json": b'{"scenarios": ' + b"[" * 5000 + b"]" * 5000 + b"}\n",
  "duplicate-key.json": scenario('{"name": "a", "growth": 0.1, "growth": 0.2}'),
  # structure and types
  "top-level-array.json": b'[{"name": "a"}]\n',
  "missing-scenarios.json": b'{}\n',
  "scenarios-not-array.json": b'{"scenarios": {"name": "a"}}\n',
  "unknown-top-key.json": b'{"scenarios": [], "version": 2}\n',
  "scenario-not-object.json": scenario('"a"'),
  "missing-name.json": scenario('{"growth": 0.1}'),
  "empty-name.json": scenario('{"name": ""}'),
  "name-number.json": scenario('{"name": 7}'),
  "name-baseline.json": scenario('{"name": "baseline", "growth": 0.1}'),
  "duplicate-name.json": scenario('{"name": "a"},\n  {"name": "a", "growth": 0.1}'),
  "unknown-key-typo.json": scenario('{"name": "a", "grwoth": 0.1}'),
  "growth-string.json": scenario('{"name": "a", "growth": "5%"}'),
  "growth-bool.json": scenario('{"name": "a", "growth": true}'),
  "elasticity-array.json": scenario('{"name": "a", "priceElasticity": [1]}'),
  "groups-not-strings.json": scenario('{"name": "a", "groups": ["West", 2]}'),
  "groups-string.json": scenario('{"name": "a", "groups": "West"}'),
  # ranges
  "growth-minus-one.json": scenario('{"name": "a", "growth": -1}'),
  "price-change-below.json": scenario('{"name": "a", "priceChange": -1.5}'),
  "promotion-period-zero.json": scenario('{"name": "a", "promotions": [{"periods": [0], "uplift": 0.1}]}'),
  "promotion-period-negative.json": scenario('{"name": "a", "promotions": [{"periods": [1, -2], "uplift": 0.1}]}'),
  "promotion-period-beyond.json": scenario('{"name": "a", "promotions": [{"periods": [7], "uplift": 0.1}]}'),
  "promotion-period-fraction.json": scenario('{"name": "a", "promotions": [{"periods": [2.5], "uplift": 0.1}]}'),
  "promotion-period-huge.json": scenario('{"name": "a", "promotions": [{"periods": [1e20], "uplift": 0.1}]}'),
  "promotion-no-uplift.json": scenario('{"name": "a", "promotions": [{"periods": [1]}]}'),
  "promotion-uplift-below.json": scenario('{"name": "a", "promotions": [{"periods": [1], "uplift": -1}]}'),
  "ramp-current-zero.json": scenario(
    '{"name": "a", "headcountRamp": {"currentHeadcount": 0, "addedHeadcount": 1, "startPeriod": 1, "rampPeriods": 2}}'),
  "ramp-added-below.json": scenario(
    '{"name": "a", "headcountRamp": {"currentHeadcount": 10, "addedHeadcount": -10, "startPeriod": 1, "rampPeriods": 2}}'),
  "ramp-periods-zero.json": scenario(
    '{"name": "a", "headcountRamp": {"currentHeadcount": 10, "addedHeadcount": 1, "startPeriod": 1, "rampPeriods": 0}}'),
  "ramp-start-zero.json": scenario(
    '{"name": "a", "headcountRamp": {"currentHeadcount": 10, "addedHeadcount": 1, "startPeriod": 0, "rampPeriods": 2}}'),
  "ramp-incomplete.json": scenario('{"name": "a", "headcountRamp": {"currentHeadcount": 10}}'),
  "shock-period-beyond.json": scenario('{"name": "a", "shocks": [{"period": 99, "factor": 0.5}]}'),
  "shock-no-period.json": scenario('{"name": "a", "shocks": [{"factor": 0.5}]}'),
  "shock-factor-string.json": scenario('{"name": "a", "shocks": [{"period": 2, "factor": "half"}]}'),
}
os.makedirs("bad-scenarios", exist_ok=True)
for name, data in bad_scenarios.items():
  with open(os.path.join("bad-scenarios", name), "wb") as f:
    f.write(data)

edge_scenarios = {
  # byte-order mark, CRLF, nulls for absent fields, escapes and non-ASCII names, empty lists
  "awkward.json": b"\xef\xbb\xbf" + (
    '{"scenarios": [\r\n'
    ' {"name": "caf\u00e9 \\"push\\"/\u6771\u4eac", "growth": null, "priceChange": 0, "promotions": [],'
    ' "shocks": [{"period": 6, "amount": -1e-300}], "groups": null},\r\n'
    ' {"name": "\\u0041 big", "growth": 1E+1, "priceChange": -0.999, "priceElasticity": -0.5,'
    ' "headcountRamp": {"currentHeadcount": 1e-3, "addedHeadcount": -0.0009, "startPeriod": 99, "rampPeriods": 1}}\r\n'
    ']}').encode(),
  "empty-list.json": b'{"scenarios": []}',
  # the documentation's example: a restated (unchanged) baseline, every adjustment, a group
  "guide-example.json": b"""{ "scenarios": [
  { "name": "baseline" },
  { "name": "expansion", "growth": 0.03, "priceChange": 0.05, "priceElasticity": -1.2,
    "promotions": [{ "periods": [3, 4], "uplift": 0.15 }],
    "headcountRamp": { "currentHeadcount": 20, "addedHeadcount": 4, "startPeriod": 2, "rampPeriods": 3 },
    "shocks": [{ "period": 5, "factor": 0.8 }, { "period": 6, "amount": -500 }],
    "groups": ["total"] } ] }
""",
}
# support: a valid targets file for the commands that need one besides the bad series (track, evaluate)
os.makedirs("support", exist_ok=True)
with open(os.path.join("support", "targets.csv"), "wb") as f:
  f.write(b"unique_id,target\na,100\n")
os.makedirs("edge-scenarios", exist_ok=True)
for name, data in edge_scenarios.items():
  with open(os.path.join("edge-scenarios", name), "wb") as f:
    f.write(data)
print(len(bad) + len(agg), "bad files,", len(edge), "edge files,", len(bad_scenarios), "bad and",
      len(edge_scenarios), "edge scenario files")
