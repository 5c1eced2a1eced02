/// The command that approves a pending pairing request, written for where the gateway runs.
///
/// `install` is the `install.kind` fact: `compose` runs the CLI inside the gateway service (the gateway
/// sees it as local, so it is itself auto-paired), `docker` inside the named container; anything else
/// (`host`, unknown) uses the host's `openclaw`.
public func approveCommand(requestId: String, install: String?, container: String = "openclaw-gateway") -> String {
    switch install {
    case "compose": return "docker compose exec openclaw-gateway node dist/index.js devices approve \(requestId)"
    case "docker": return "docker exec -it \(container) node dist/index.js devices approve \(requestId)"
    default: return "openclaw devices approve \(requestId)"
    }
}
