"""Times pandas.read_csv of a file in process: best of N wall-clock seconds (file in page cache).

Usage: read_csv_pandas.py FILE [REPEATS]
Prints `seconds=<best>`, `rows=<n>` and the pandas version.
"""
import sys
import time

import pandas as pd


def main() -> None:
    path = sys.argv[1]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    frame = pd.read_csv(path)  # warm-up: imports, page cache
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        frame = pd.read_csv(path)
        best = min(best, time.perf_counter() - start)
    print(f"seconds={best}")
    print(f"rows={len(frame)}")
    print(f"pandas={pd.__version__}")


if __name__ == "__main__":
    main()
