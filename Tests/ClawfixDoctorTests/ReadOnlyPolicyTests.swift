import ClawfixDoctor
import ClawfixKnowledge
import Testing

/// Doctor runs only commands that read: every state change a support thread suggests is refused.
struct ReadOnlyPolicyTests {
    /// Commands from the support thread and the knowledge base's fixes that change something.
    static let changing: [String] = [
        "openclaw devices approve 5f3c2a1e-8b9d-4e7f-a6c5-1d2e3f4a5b6c",
        "docker compose exec -T openclaw-gateway node dist/index.js devices approve 5f3c2a1e-8b9d-4e7f-a6c5-1d2e3f4a5b6c",
        "docker compose exec openclaw-gateway sh -lc 'node dist/index.js devices approve abc --url ws://127.0.0.1:18789 --token \"$OPENCLAW_GATEWAY_TOKEN\"'",
        "docker compose run --rm openclaw-cli devices list",
        "docker compose restart openclaw-gateway",
        "docker compose up -d",
        "docker restart openclaw-openclaw-gateway-1",
        "docker rm -f openclaw-openclaw-gateway-1",
        "openclaw config set gateway.bind lan",
        "openclaw config unset gateway.controlUi.allowInsecureAuth",
        "openclaw gateway restart",
        "openclaw gateway install --force",
        "openclaw devices rotate --device 9b2f",
        "openclaw doctor --generate-gateway-token",
        "openclaw logs --follow",
        "sudo nano /root/.openclaw/openclaw.json",
        "nano ~/.openclaw/openclaw.json",
        "rm -rf ~/.openclaw/devices",
        "echo '{}' > ~/.openclaw/openclaw.json",
        "sed -i 's/loopback/lan/' ~/.openclaw/openclaw.json",
        "systemctl --user restart openclaw-gateway.service",
        "curl -X POST http://127.0.0.1:18789/tools/invoke",
        "curl -o openclaw.json http://127.0.0.1:18789/",
        "TOKEN=\"$(docker compose run --rm openclaw-cli config get gateway.auth.token)\"",
        "docker exec -it openclaw-openclaw-gateway-1 sh",
        "openclaw dashboard",
        "tail -f /tmp/openclaw/openclaw-2026-04-13.log",
    ]

    @Test(arguments: changing)
    func stateChangingCommandIsRefused(_ command: String) {
        guard case .refused(let reason) = ReadOnlyPolicy.verdict(for: command, allowSudo: true) else {
            Issue.record("allowed: \(command)")
            return
        }
        #expect(!reason.isEmpty)
    }

    static let reading: [String] = [
        "docker ps -a --format '{{json .}}'",
        "docker inspect openclaw-openclaw-gateway-1 --format '{{range .Mounts}}{{println .Destination \" <= \" .Source}}{{end}}'",
        "docker compose logs --tail=80 openclaw-gateway | grep -E \"remote=|pairing\"",
        "docker compose exec -T openclaw-gateway sh -lc 'ss -ltnp 2>/dev/null || netstat -tlnp' | grep 18789",
        "docker exec openclaw-openclaw-gateway-1 sh -lc 'curl -sS -o /dev/null -w \"%{http_code}\\n\" http://127.0.0.1:18789/healthz'; curl -sS -o /dev/null -w \"%{http_code}\\n\" http://127.0.0.1:18789/healthz",
        "openclaw config file; openclaw gateway status",
        "openclaw dashboard --no-open",
        "command -v openclaw || echo NOT_FOUND; docker ps --format \"{{.Names}}\" 2>/dev/null",
        "systemctl --user status openclaw-gateway.service --no-pager --lines=0",
        "journalctl --user -u openclaw-gateway.service -n 80 --no-pager",
        #"ps -eo pid=,comm=,args= | grep -E '^ *[0-9]+ [o]penclaw-gatewa|[o]penclaw(\.mjs)? gateway( |$)|[d]ist/index\.js gateway( |$)'"#,
    ]

    @Test(arguments: reading)
    func readingCommandIsAllowedWithoutSudo(_ command: String) {
        #expect(ReadOnlyPolicy.verdict(for: command) == .allowed(needsSudo: false))
    }

    @Test func sudoOnlyWithPermissionAndThenSaid() {
        #expect(!ReadOnlyPolicy.verdict(for: "sudo -n docker ps -a").isAllowed)
        #expect(ReadOnlyPolicy.verdict(for: "sudo -n docker ps -a", allowSudo: true) == .allowed(needsSudo: true))
        #expect(!ReadOnlyPolicy.verdict(for: "sudo -n docker restart gw", allowSudo: true).isAllowed)
    }

    /// The knowledge base is the source of doctor's commands: every command node's line either
    /// passes the policy or is refused for a reason, and none that approves, restarts, sets or edits passes.
    @Test func noKnowledgeBaseCommandThatChangesStatePasses() throws {
        let knowledgeBase = try KnowledgeBase.builtIn()
        var checked = 0
        for tree in knowledgeBase.trees {
            for node in tree.nodes where node.kind == .command {
                for variant in node.commands {
                    checked += 1
                    let verdict = ReadOnlyPolicy.verdict(for: variant.command)
                    let words = variant.command.split(separator: " ").map(String.init)
                    if words.contains(where: { ["approve", "restart", "set", "unset", "rm", "nano", "up", "reject", "rotate"].contains($0) }) {
                        #expect(!verdict.isAllowed, "\(tree.file)#\(node.id): \(variant.command)")
                    }
                }
            }
        }
        #expect(checked > 20)
    }
}
