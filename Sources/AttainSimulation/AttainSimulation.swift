// AttainSimulation module.
