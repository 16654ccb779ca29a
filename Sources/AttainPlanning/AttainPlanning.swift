// AttainPlanning module.
