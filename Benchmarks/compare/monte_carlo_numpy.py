"""The `attain bench monte-carlo` task in numpy, chunked to bounded memory.

Unit u = 0..N-1 has level L_u = 100 + u mod 900; month m = 1..H sales
L_u * s_m * exp(sigma*z - sigma^2/2), s_m = 1 + 0.3 sin(2 pi m / 12), sigma = 0.2.
Per unit: P(total >= 12 L_u) and the 60 % target (40th percentile of the total).
Prints the same summary lines as the Swift command and `path_steps_per_second=` last.
"""
import argparse
import time

import numpy as np


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--units", type=int, default=10000)
    ap.add_argument("--paths", type=int, default=10000)
    ap.add_argument("--horizon", type=int, default=12)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--chunk-units", type=int, default=16, help="units per chunk (memory bound)")
    a = ap.parse_args()
    rng = np.random.default_rng(a.seed)
    sigma = 0.2
    m = np.arange(1, a.horizon + 1)
    s = 1 + 0.3 * np.sin(2 * np.pi * m / 12)
    probs = np.empty(a.units)
    targets = np.empty(a.units)
    t0 = time.perf_counter()
    c0 = time.process_time()
    for start in range(0, a.units, a.chunk_units):
        u = np.arange(start, min(a.units, start + a.chunk_units))
        level = 100.0 + (u % 900)
        z = rng.standard_normal((len(u), a.paths, a.horizon))
        np.multiply(z, sigma, out=z)
        np.subtract(z, sigma * sigma / 2, out=z)
        np.exp(z, out=z)
        np.multiply(z, s, out=z)
        totals = z.sum(axis=2) * level[:, None]
        probs[u] = (totals >= 12 * level[:, None]).mean(axis=1)
        targets[u] = np.quantile(totals, 0.4, axis=1)
    seconds = time.perf_counter() - t0
    cpu_seconds = time.process_time() - c0
    levels = 100.0 + (np.arange(a.units) % 900)
    steps = a.units * a.paths * a.horizon
    print(f"seed={a.seed}")
    print(f"units={a.units} paths={a.paths} horizon={a.horizon} threads=1 numpy={np.__version__}")
    print(f"path_steps={steps}")
    print(f"seconds={seconds} cpu_seconds={cpu_seconds}")
    print(f"path_steps_per_cpu_second={steps / cpu_seconds}")
    print(f"mean_probability_total_ge_12L={probs.mean()}")
    print(f"mean_target60_over_12L={(targets / (12 * levels)).mean()}")
    print(f"path_steps_per_second={steps / seconds}")


if __name__ == "__main__":
    main()
