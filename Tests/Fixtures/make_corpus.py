#!/usr/bin/env python3
"""Writes the bad/ and edge/ input corpora (small hand-made CSVs). Run from this folder:
    python3 make_corpus.py
The expected error of every bad file is in bad/MANIFEST.tsv (checked by BadInputTests)."""
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
print(len(bad) + len(agg), "bad files,", len(edge), "edge files")
