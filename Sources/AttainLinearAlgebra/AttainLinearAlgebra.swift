// AttainLinearAlgebra module.
