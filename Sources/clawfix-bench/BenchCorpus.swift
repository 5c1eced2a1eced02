import Foundation

/// Realistic mixed pastes of a given size: the shapes users paste (docker ps, inspect JSON, gateway
/// logs, a `.env` with a token, CLI error strings), taken from shared/reference/command-outputs.md,
/// repeated until the size is reached. Each repeat varies ids and ports so no two blocks are equal
/// (the redactor's memory and the extractors see fresh values, as in a long real log).
enum BenchCorpus {
    static func block(_ n: Int) -> String {
        let hex = String(format: "%012x", 0x7fd9_a657_e794 &+ n &* 7919)
        let port = 50_000 + n % 10_000
        let token = String(format: "3f9a1c0e8b7d4e21a6c5b2f0%024x", n &* 2_654_435_761)
        return """
            $ docker ps
            CONTAINER ID   IMAGE            COMMAND                  CREATED         STATUS                   PORTS                                                                     NAMES
            \(hex)   openclaw:local   "node dist/index.js …"   6 seconds ago   Up 5 seconds                                                                                       openclaw-openclaw-cli-run-7c1d2e3f4a5b
            32a411bc4f97   openclaw:local   "docker-entrypoint.s…"   6 seconds ago   Up 5 seconds (healthy)   0.0.0.0:18789-18790->18789-18790/tcp, [::]:18789-18790->18789-18790/tcp   openclaw-openclaw-gateway-1
            $ docker inspect openclaw-openclaw-gateway-1 --format '{{json .NetworkSettings}}'
            {"Ports":{"18789/tcp":[{"HostIp":"0.0.0.0","HostPort":"18789"}]},"Networks":{"openclaw_default":{"IPAddress":"172.18.0.2","Gateway":"172.18.0.1"}}}
            2026-04-13T10:15:31.002Z [gateway] listening on ws://0.0.0.0:18789 (PID 7)
            2026-04-13T10:15:41.015Z [ws] closed before connect conn=2b7c0a51-5b0e-4c43-9f3e-8f5d3c2a1b90 peer=172.18.0.1:\(port)->172.18.0.2:18789 remote=172.18.0.1 fwd=n/a origin=http://localhost:18789 host=localhost:18789 ua=Mozilla/5.0 (X11; Linux x86_64) code=1008 reason=pairing required
            $ cat .env
            OPENCLAW_GATEWAY_TOKEN=\(token)
            OPENCLAW_GATEWAY_BIND=lan
            $ docker compose run --rm openclaw-cli devices list
            gateway connect failed: GatewayClientRequestError: pairing required
            [openclaw] CLI failed: Error: gateway closed (1008): pairing required
            Gateway target: ws://127.0.0.1:18789
            Source: local loopback
                at GatewayClient.handleClose (file:///app/dist/gateway/client.js:211:17)

            """
    }

    /// At least `bytes` bytes of mixed paste (whole blocks, so the end is a clean line).
    static func paste(bytes: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes + 4096)
        var n = 0
        while out.count < bytes {
            out += Array(block(n).utf8)
            n += 1
        }
        return out
    }

    /// At least `bytes` bytes of what people write: sentences in English, Chinese and Spanish naming
    /// an install, a release, what was tried, a URL, varied per repeat.
    static func prose(bytes: Int) -> String {
        var out = ""
        var n = 0
        while out.utf8.count < bytes {
            out += """
                I run openclaw \(n) with docker compose on a VPS and open http://192.168.1.\(n % 250):18789 from my laptop.
                After upgrading from 2026.3.\(n % 28 + 1) to 2026.4.\(n % 28 + 1) it says pairing required; I restarted it, still the same.
                - bind: lan, auth.mode: token, `gateway.controlUi.allowInsecureAuth: true` is set
                我在云服务器上用 docker compose 部署，重启了还是不行，升级后就这样了。
                Lo tengo en un contenedor en mi servidor y ya reinicié el gateway, sigue igual.

                """
            n += 1
        }
        return out
    }
}
