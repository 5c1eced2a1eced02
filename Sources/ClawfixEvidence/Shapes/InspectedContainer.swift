/// What `docker inspect` showed about one container, gathered key by key (each with the line it
/// was on) and turned into facts once the object is read — or the paste ends — because the name,
/// the image, the compose labels and the ports that decide "is this the gateway" come far apart.
struct InspectedContainer {
    var name: (String, PasteLine)?
    var image: (String, PasteLine)?
    var command: String?
    var status: (String, PasteLine)?
    var exitCode: (String, PasteLine)?
    var restartCount: (String, PasteLine)?
    var health: (String, PasteLine)?
    var service: (String, PasteLine)?
    var project: String?
    /// Host bindings of the gateway port (`NetworkSettings.Ports["18789/tcp"]`).
    var published: [(PortMapping, PasteLine)] = []
    /// Every container port with host bindings, as a docker PORTS cell would list them.
    var publishedPorts: [String] = []
    /// Whether `NetworkSettings.Ports` was seen (it is `{}` for a stopped container).
    var portsSeen: (Bool, PasteLine?) = (false, nil)
    /// The container named by the `docker inspect` command line, for a paste that starts inside
    /// the JSON (`"State": {` alone).
    var commandTarget: (String, PasteLine)?

    var isEmpty: Bool {
        name == nil && image == nil && status == nil && service == nil && published.isEmpty && !portsSeen.0
    }

    /// The gateway facts, when the container is the gateway (by the rules `ContainerRow` applies
    /// to listings).
    func facts() -> [Fact] {
        guard let (name, nameLine) = name ?? commandTarget else { return [] }
        var row = ContainerRow(line: nameLine, name: name)
        row.image = image?.0
        row.command = command
        row.service = service?.0
        row.fromCompose = service != nil || project != nil
        row.ports = publishedPorts.joined(separator: ", ")
        guard row.isGateway else { return [] }
        var facts = [nameLine.fact(.gatewayContainer, name)]
        facts.append(nameLine.fact(.installKind, row.fromCompose || row.looksComposeNamed ? "compose" : "docker"))
        if let (image, line) = image { facts.append(line.fact(.gatewayImage, image)) }
        if let (status, line) = status {
            let state = ["running", "restarting", "exited", "created", "paused", "dead", "removing"].contains(status)
                ? (status == "removing" ? "dead" : status) : nil
            if let state { facts.append(line.fact(.gatewayContainerState, state)) }
            if state == "exited" || state == "restarting", let (code, codeLine) = exitCode {
                facts.append(codeLine.fact(.gatewayExitCode, code))
            }
            if state == "running", portsSeen.0, published.isEmpty, let line = portsSeen.1 {
                facts.append(line.fact(.gatewayPublished, "none"))
            }
        }
        if let (health, line) = health, ["healthy", "unhealthy", "starting"].contains(health) {
            facts.append(line.fact(.gatewayHealth, health))
        }
        if let (count, line) = restartCount { facts.append(line.fact(.gatewayRestartCount, count)) }
        for (mapping, line) in published { facts += mapping.gatewayFacts(line) }
        return facts
    }

    /// A host binding of container port `containerPort` (`"18789/tcp"`): `HostIp` `""` means all addresses.
    mutating func bind(containerPort: String, hostIP: String, hostPort: String, line: PasteLine) {
        let parts = containerPort.split(separator: "/")
        guard let container = parts.first.flatMap({ PortMapping.port($0) }), let host = PortMapping.port(Substring(hostPort)) else {
            return
        }
        let mapping = PortMapping(
            hostAddress: hostIP.isEmpty ? "0.0.0.0" : hostIP, hostPort: host, containerPort: container,
            proto: parts.count > 1 ? String(parts[1]) : "tcp")
        publishedPorts.append(mapping.display)
        if container == 18789 { published.append((mapping, line)) }
    }
}
