# VectorExp.kernel coefficients (Sources/AttainSimulation/VectorExp.swift). Run: python3 Benchmarks/compare/vector_exp_fit.py 9
# (needs mpmath; prints the degree-11 coefficients c2 … c11 and the maximum relative error).
# Near-minimax polynomial for e^r on |r| <= ln2/2 (+ small margin), constrained p(r) = 1 + r + r^2 g(r):
# g(r) = (e^r - 1 - r)/r^2 is fitted by Chebyshev interpolation (mpmath.chebyfit, 60 digits), then
# the coefficients are rounded to doubles and the relative error of p is measured in high precision.
import sys
from mpmath import mp, mpf, exp, log, chebyfit, polyval
mp.dps = 60
deg = int(sys.argv[1]) if len(sys.argv) > 1 else 9
h = log(2) / 2 * mpf("1.0001")
g = lambda r: (exp(r) - 1 - r) / r**2 if abs(r) > mpf("1e-20") else mpf(1) / 2 + r / 6
coeffs, err = chebyfit(g, [-h, h], deg + 1, error=True)
coeffs = coeffs[::-1]  # lowest degree first
doubles = [float(c) for c in coeffs]
worst = mpf(0)
n = 20000
for i in range(n + 1):
  r = -h + 2 * h * i / n
  p = 1 + r + r * r * polyval([mpf(c) for c in doubles[::-1]], r)
  worst = max(worst, abs(p / exp(r) - 1))
print("degree", deg + 2, "fit error of g", mp.nstr(err, 3), "max relative error of p", mp.nstr(worst, 3))
for k, c in enumerate(doubles):
  print("c%d = %s  # %s" % (k + 2, c.hex(), repr(c)))
