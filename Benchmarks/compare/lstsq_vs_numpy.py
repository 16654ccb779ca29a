"""numpy side of Benchmarks/compare/lstsq_vs_numpy.sh.

Builds bit-identical data to `attain bench lstsq` / `attain bench batch-lstsq` (the counter-based
SplitMix64 of Sources/AttainBench/LeastSquaresBenchmark.swift), times numpy.linalg.lstsq
and prints `seconds=<x>` last, like the Swift side.

usage: python lstsq_vs_numpy.py lstsq --rows 1000000 --cols 20
       python lstsq_vs_numpy.py batch-lstsq --fits 100000 --rows 60 --cols 5
"""
import argparse
import time

import numpy as np
from threadpoolctl import threadpool_info

GOLDEN = np.uint64(0x9E3779B97F4A7C15)
M1 = np.uint64(0xBF58476D1CE4E5B9)
M2 = np.uint64(0x94D049BB133111EB)


def uniforms(seed, count):
    """uniform(seed, index) for index in 0..<count (uint64 arithmetic wraps like Swift's &+ &*)."""
    with np.errstate(over="ignore"):
        z = np.uint64(seed) + (np.arange(count, dtype=np.uint64) + np.uint64(1)) * GOLDEN
        z = (z ^ (z >> np.uint64(30))) * M1
        z = (z ^ (z >> np.uint64(27))) * M2
        z ^= z >> np.uint64(31)
    return (z >> np.uint64(11)).astype(np.float64) * 2.0**-53


def problem(rows, cols, seed):
    u = uniforms(seed, rows * (cols - 1) + rows)
    x = np.ones((rows, cols), order="F")
    x[:, 1:] = u[: rows * (cols - 1)].reshape((cols - 1, rows)).T - 0.5
    weights = np.arange(1, cols + 1, dtype=np.float64)
    weights[0] = 1.0
    y = x @ weights + (u[rows * (cols - 1):] - 0.5)
    return x, y


def blas_report():
    for pool in threadpool_info():
        if pool.get("internal_api") == "openblas":
            return f"numpy {np.__version__} openblas {pool.get('version')} core={pool.get('architecture')} threads={pool.get('num_threads')}"
    return f"numpy {np.__version__} (no openblas found by threadpoolctl)"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("task", choices=["lstsq", "batch-lstsq"])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--cols", type=int, default=20)
    parser.add_argument("--fits", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    print(blas_report())
    best = float("inf")
    if args.task == "lstsq":
        x, y = problem(args.rows, args.cols, args.seed)
        for _ in range(args.repeats):
            start = time.perf_counter()
            beta, rss, rank, _ = np.linalg.lstsq(x, y, rcond=None)
            best = min(best, time.perf_counter() - start)
        print(f"rank={rank} rss={rss[0]!r} b0={beta[0]!r} b_last={beta[-1]!r}")
    else:
        # Bit-identical data generation, one fit at a time (not timed).
        xs = np.empty((args.fits, args.rows, args.cols))
        ys = np.empty((args.fits, args.rows))
        for k in range(args.fits):
            xs[k], ys[k] = problem(args.rows, args.cols, (args.seed + k) % 2**64)
        for _ in range(args.repeats):
            start = time.perf_counter()
            coefficients = np.empty((args.fits, args.cols))
            sigmas = np.empty(args.fits)
            dof = args.rows - args.cols
            for k in range(args.fits):
                beta, rss, rank, _ = np.linalg.lstsq(xs[k], ys[k], rcond=None)
                coefficients[k] = beta
                sigmas[k] = np.sqrt(rss[0] / dof) if rss.size else np.nan
            best = min(best, time.perf_counter() - start)
        print(f"fits={args.fits} fit0={coefficients[0].tolist()} sigma0={sigmas[0]!r}")
    print(f"seconds={best}")


if __name__ == "__main__":
    main()
