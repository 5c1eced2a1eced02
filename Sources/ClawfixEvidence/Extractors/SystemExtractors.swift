/// Extractors for output of general tools: docker, compose, inspect, ss/netstat/lsof, env, prompts.
enum SystemExtractors {
    static let all: [any FactExtractor] = [
        DockerPsExtractor(), ComposePsExtractor(), ComposeConfigExtractor(), DockerInspectExtractor(),
        ListeningSocketsExtractor(), EnvironmentExtractor(), CommandLineExtractor(),
    ]
}
