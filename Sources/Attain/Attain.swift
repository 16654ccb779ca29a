// Umbrella module: `import Attain` brings in every layer.
@_exported import AttainData
@_exported import AttainForecast
@_exported import AttainLinearAlgebra
@_exported import AttainPlanning
@_exported import AttainRandom
@_exported import AttainReport
@_exported import AttainSimulation
@_exported import AttainWorkflow
