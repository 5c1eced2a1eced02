import Testing
@testable import ClawfixKnowledge

/// The README's example tree, line for line (line numbers matter to the tests).
let sampleTree = """
    # Pairing required in the Control UI

    id: pairing-required
    start: where-gateway-runs
    symptom: disconnected (1008): pairing required
    symptom: gateway closed (1008): pairing required

    Free prose under the header is allowed and indexed as the tree's summary.

    ## where-gateway-runs
    kind: question
    ask: Does the gateway run in Docker, directly on a machine, or on a remote server?
    - if install.kind in compose, docker -> docker-where-browser
    - if install.kind = host -> host-approve
    - else -> host-approve

    ## docker-where-browser
    kind: command
    ask: Which address does Docker publish the gateway on?
    run host: docker ps --format "table {{.Names}}\\t{{.Ports}}"
    run ssh: ssh {ssh-target} "docker ps --format 'table {{.Names}}\\t{{.Ports}}'"
    look: the gateway container and its PORTS column, e.g. `127.0.0.1:18789->18789/tcp`
    cost: 1
    - if docker.gateway-publish-scope = loopback -> docker-nat (versions: until 2026.4.6)
    - else -> host-approve

    ## docker-nat
    kind: diagnosis
    diagnosis: docker-nat-not-local
    versions: until 2026.4.6
    requires: install.kind in compose, docker
    signal +3: gateway.remote-kind in docker-bridge, docker-desktop
    signal -1: symptom = pairing-required
    fix:
      Approve the browser from inside the gateway's own network namespace:

          {cli} devices list
          {cli} devices approve {request-id}
    outdated: `gateway.trustedProxies` with the Docker bridge address does not help: docker-proxy sends no
      X-Forwarded-For, so the client address stays the bridge IP.

    ## host-approve
    kind: diagnosis
    diagnosis: pairing-not-approved
    fix: Run `openclaw devices approve {request-id}` on the gateway host.

    """

let sampleCatalog = """
    # Diagnosis catalogue

    ## Pairing and device trust

    | id | what is wrong | signals | fix | versions |
    |---|---|---|---|---|
    | `pairing-not-approved` | a device the gateway has not approved | `disconnected (1008): pairing required`, `NOT_PAIRED` | `openclaw devices approve <requestId>` | |
    | `docker-nat-not-local` | the gateway in Docker sees the host browser from a NAT address | `remote=172.17.0.1` | approve from inside the container; `a \\| b` and `c | d` stay | 2026.4 |

    ## Advisories (reported beside any diagnosis)

    | id | what | when |
    |---|---|---|
    | `secret-exposed` | the message held a secret | any redaction of a real secret |
    """

let knownFacts: Set<String> = [
    "install.kind", "docker.gateway-publish-scope", "gateway.remote-kind", "symptom", "openclaw.version",
]

func sampleKnowledgeBase(tree markdown: String = sampleTree) throws -> KnowledgeBase {
    let (tree, problems) = KnowledgeBaseParser.parse(markdown: markdown, file: "pairing-required.md")
    precondition(problems.isEmpty, "\(problems)")
    return KnowledgeBase(
        trees: [try #require(tree)], catalog: try DiagnosisCatalog.parse(markdown: sampleCatalog, file: "diagnoses.md"),
        fingerprint: "sample-1")
}
