"""The `attain bench monte-carlo` task in numpy, chunked to bounded memory.

Unit u = 0..N-1 has level L_u = 100 + u mod 900; month m = 1..H sales
L_u * s_m * exp(sigma*z - sigma^2/2), s_m = 1 + 0.3 sin(2 pi m / 12), sigma = 0.2.
Per unit: P(total >= 12 L_u) and the 60 % target (40th percentile of the total).
Prints the same summary lines as the Swift command and `path_steps_per_second=` last.
`--processes P` splits the units over P worker processes (numpy's generator and ufuncs use one
core each), each with its own stream from `SeedSequence(seed).spawn(P)`, for a comparison on the
same number of cores; wall time then includes starting the workers.
"""
import argparse
import multiprocessing
import time

import numpy as np


def simulate(args):
    """Units [first, last) with generator `seed_seq`; returns (first, probs, targets, cpu s)."""
    first, last, paths, horizon, chunk_units, seed_seq = args
    c0 = time.process_time()
    rng = np.random.default_rng(seed_seq)
    sigma = 0.2
    m = np.arange(1, horizon + 1)
    s = 1 + 0.3 * np.sin(2 * np.pi * m / 12)
    probs = np.empty(last - first)
    targets = np.empty(last - first)
    for start in range(first, last, chunk_units):
        u = np.arange(start, min(last, start + chunk_units))
        level = 100.0 + (u % 900)
        z = rng.standard_normal((len(u), paths, horizon))
        np.multiply(z, sigma, out=z)
        np.subtract(z, sigma * sigma / 2, out=z)
        np.exp(z, out=z)
        np.multiply(z, s, out=z)
        totals = z.sum(axis=2) * level[:, None]
        probs[u - first] = (totals >= 12 * level[:, None]).mean(axis=1)
        targets[u - first] = np.quantile(totals, 0.4, axis=1)
    return first, probs, targets, time.process_time() - c0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--units", type=int, default=10000)
    ap.add_argument("--paths", type=int, default=10000)
    ap.add_argument("--horizon", type=int, default=12)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--chunk-units", type=int, default=16, help="units per chunk (memory bound)")
    ap.add_argument("--processes", type=int, default=1, help="worker processes (cores)")
    a = ap.parse_args()
    probs = np.empty(a.units)
    targets = np.empty(a.units)
    t0 = time.perf_counter()
    c0 = time.process_time()
    if a.processes <= 1:
        parts = [simulate((0, a.units, a.paths, a.horizon, a.chunk_units, a.seed))]
    else:
        seeds = np.random.SeedSequence(a.seed).spawn(a.processes)
        bounds = [a.units * k // a.processes for k in range(a.processes + 1)]
        jobs = [(bounds[k], bounds[k + 1], a.paths, a.horizon, a.chunk_units, seeds[k])
                for k in range(a.processes)]
        with multiprocessing.Pool(a.processes) as pool:
            parts = pool.map(simulate, jobs)
    for first, p, t, _ in parts:
        probs[first:first + len(p)] = p
        targets[first:first + len(t)] = t
    seconds = time.perf_counter() - t0
    cpu_seconds = (time.process_time() - c0 if a.processes <= 1
                   else sum(part[3] for part in parts))
    levels = 100.0 + (np.arange(a.units) % 900)
    steps = a.units * a.paths * a.horizon
    print(f"seed={a.seed}")
    print(f"units={a.units} paths={a.paths} horizon={a.horizon} processes={a.processes} numpy={np.__version__}")
    print(f"path_steps={steps}")
    print(f"seconds={seconds} cpu_seconds={cpu_seconds}")
    print(f"path_steps_per_cpu_second={steps / cpu_seconds}")
    print(f"mean_probability_total_ge_12L={probs.mean()}")
    print(f"mean_target60_over_12L={(targets / (12 * levels)).mean()}")
    print(f"path_steps_per_second={steps / seconds}")


if __name__ == "__main__":
    main()
