// AttainReport module.
