import Foundation

/// The default thread count: the active processors.
public var defaultSimulationThreads: Int { ProcessInfo.processInfo.activeProcessorCount }
