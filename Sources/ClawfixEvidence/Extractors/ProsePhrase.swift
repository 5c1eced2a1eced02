/// What a phrase in the user's own words means (`ProsePhrase.table`).
enum ProseMeaning: Sendable, Equatable {
    /// How the gateway is installed; the higher rank wins when a message names several
    /// ("Mission Control in Docker, OpenClaw installed natively" is a host install).
    case installKind(String, rank: Int)
    /// Where the gateway runs relative to the browser; the higher rank wins.
    case location(String, rank: Int)
    case clientOS(String)
    /// How the browser reaches the gateway; the higher rank wins.
    case accessPath(String, rank: Int)
    /// A packaging or platform, with what it implies: its install kind (rank 1, so the user's own
    /// "docker compose" or "npm" wins), that it runs on another box, the client's OS.
    case platform(String, kind: String? = nil, remote: Bool = false, os: String? = nil)
    /// A setting stated in words ("token auth", "bind lan").
    case setting(FactName, String)
    /// A fix one may try; a fix of a line that says it failed, or under "Things I've tried:", was tried.
    case fix(String)
    /// "still", "didn't help", "no change", "还是", "no resuelve".
    case failed
    /// "tried", "already", "已经".
    case tried
    /// A heading over a list of what was tried ("Things I've tried:", "Troubleshooting attempted").
    case triedHeading
    /// "haven't", "didn't": the fix right after it was not done.
    case negation
    /// "works", "works fine", "正常": the address on the line is where it works.
    case works
    /// "after updating", "升级后".
    case updated
    /// "the latest version".
    case latest
    /// Words before a release that give it a role: "from A", "to B", "downgrading to A".
    case versionFrom, versionTo, versionWorked
    /// A phrase that only keeps a shorter one from being read inside it ("scope upgrade" is not an
    /// update of OpenClaw).
    case neutral
}

/// One phrase of the user's words: English, Chinese or Spanish, lower-case. An ASCII phrase must
/// stand as words (`approve` is not read inside `autoApproveCidrs`, `latest` not in `--latest`);
/// a phrase written with a trailing `*` is a stem (`restart*`: restarted, restarting). Chinese
/// phrases match anywhere: Chinese has no spaces between words.
struct ProsePhrase: Sendable {
    let needle: [UInt8]
    let meaning: ProseMeaning
    let stem: Bool
    let ascii: Bool
    /// A file name (`device-auth.json`): read inside its path, so it need not stand as a word.
    let isFileName: Bool
    /// `ssh -…l`: a tunnel only when the `L` was typed in capitals (`ssh -l` names the login).
    let needsCapitalL: Bool

    init(_ text: String, _ meaning: ProseMeaning) {
        stem = text.hasSuffix("*")
        needle = ByteSearch.needle(stem ? String(text.dropLast()) : text)
        ascii = needle.allSatisfy { $0 < 0x80 }
        isFileName = needle.count > 5 && needle.suffix(5).elementsEqual(".json".utf8)
        needsCapitalL = needle.count > 5 && needle.starts(with: "ssh -".utf8) && needle.last == UInt8(ascii: "l")
        self.meaning = meaning
    }

    /// The phrases, read from how users describe OpenClaw setups (the install kinds and hosts of the
    /// OpenClaw docs, the packagings that ship it, the fixes the docs and error hints name).
    static let table: [ProsePhrase] = installKinds + locations + platforms + accessPaths + settings + fixes + markers + neutral

    static let neutral: [ProsePhrase] = [
        "scope upgrade*", "scope-upgrade*", "role upgrade*", "access upgrade*", "metadata upgrade*", "upgrade requested",
        "auto-approve", "auto-approved", "autoapprove", "update the token", "update token", "restart policy",
    ].map { ProsePhrase($0, .neutral) }

    /// Platforms that run containers for the user, who has no Docker of their own to exec into:
    /// their "container" is not a Docker install.
    static let hostedPlatforms: Set<String> = ["railway", "render", "fly", "kubernetes", "managed-hosting"]
    /// Of those, the platforms that run the gateway for the user as a service (no Docker, no host
    /// shell of their own): the gateway's install kind is `hosted`.
    static let platformRunPlatforms: Set<String> = ["railway", "render", "fly", "managed-hosting"]

    static let installKinds: [ProsePhrase] = [
        ("not docker", 3), ("no docker", 3), ("not in docker", 3), ("without docker", 3), ("not using docker", 3),
        ("bare metal", 3), ("natively", 3), ("native install", 3), ("installed directly", 3), ("directly on the host", 3),
        ("npm install -g", 3), ("npm i -g", 3), ("npm -g", 3), ("npm global", 3), ("global npm", 3), ("sudo npm install", 3),
        ("pnpm add -g", 3), ("sin docker", 3), ("npm 全局", 3), ("npm全局", 3), ("不是docker", 3), ("不用docker", 3),
        ("with npm", 3), ("via npm", 3), ("using npm", 3), ("用 npm", 3), ("用npm", 3), ("npm 安装", 3), ("npm安装", 3),
        ("con npm", 3), ("mediante npm", 3),
        ("docker compose", 2), ("docker-compose", 2), ("compose", 2), ("docker 编排", 2),
        ("docker", 1), ("docker run", 1), ("container", 1), ("contenedor", 1), ("容器", 1), ("podman", 1),
    ].map { ProsePhrase($0.0, .installKind($0.0 == "podman" ? "docker" : kind(of: $0.1, $0.0), rank: $0.1)) }

    private static func kind(of rank: Int, _ text: String) -> String {
        switch rank {
        case 3: return "host"
        case 2: return "compose"
        default: return "docker"
        }
    }

    static let locations: [ProsePhrase] = [
        ("same machine", "same-machine", 3), ("same computer", "same-machine", 3), ("same box", "same-machine", 3),
        ("same host", "same-machine", 3), ("this machine", "same-machine", 3), ("misma máquina", "same-machine", 3),
        ("同一台", "same-machine", 3), ("本机", "same-machine", 3),
        ("vps", "remote", 2), ("remote server", "remote", 2), ("a server", "remote", 2), ("the server", "remote", 2),
        ("my server", "remote", 2), ("cloud server", "remote", 2), ("remote host", "remote", 2), ("remote machine", "remote", 2),
        ("hetzner", "remote", 2), ("digitalocean", "remote", 2), ("digital ocean", "remote", 2), ("droplet", "remote", 2),
        ("aws", "remote", 2), ("ec2", "remote", 2), ("lightsail", "remote", 2), ("linode", "remote", 2), ("ovh", "remote", 2),
        ("oracle cloud", "remote", 2), ("gcp", "remote", 2), ("azure", "remote", 2), ("cloud", "remote", 2), ("nas", "remote", 2),
        ("home server", "remote", 2), ("homelab", "remote", 2), ("raspberry pi", "remote", 2), ("servidor", "remote", 2),
        ("en la nube", "remote", 2), ("服务器", "remote", 2), ("云服务器", "remote", 2), ("远程", "remote", 2),
        ("managed hosting", "remote", 2), ("remote", "remote", 1),
        // The browser on another device than the gateway's host: "I open it from my laptop".
        ("from my laptop", "remote", 2), ("from my phone", "remote", 2), ("from my iphone", "remote", 2),
        ("from my ipad", "remote", 2), ("from my desktop", "remote", 2), ("from another computer", "remote", 2),
        ("from another pc", "remote", 2), ("desde mi portátil", "remote", 2), ("desde mi móvil", "remote", 2),
        ("从手机", "remote", 2), ("从另一台电脑", "remote", 2), ("用手机访问", "remote", 2),
        ("locally", "same-machine", 1), ("localhost", "same-machine", 1), ("local machine", "same-machine", 1),
        ("on my laptop", "same-machine", 1), ("on my pc", "same-machine", 1), ("en local", "same-machine", 1),
        ("localmente", "same-machine", 1), ("本地运行", "same-machine", 1), ("在本地", "same-machine", 1),
        ("en mi portátil", "same-machine", 1), ("en mi laptop", "same-machine", 1), ("en mi pc", "same-machine", 1),
        ("en mi ordenador", "same-machine", 1), ("en mi computadora", "same-machine", 1),
    ].map { ProsePhrase($0.0, .location($0.1, rank: $0.2)) }
        + [
            ("windows", "windows"), ("powershell", "windows"), ("win11", "windows"), ("win10", "windows"), ("wsl", "windows"),
            ("wsl2", "windows"), ("mac", "macos"), ("macos", "macos"), ("macbook", "macos"), ("mac mini", "macos"),
            ("osx", "macos"), ("os x", "macos"), ("imac", "macos"), ("i'm on linux", "linux"), ("im on linux", "linux"),
            ("my laptop runs linux", "linux"), ("linux desktop", "linux"), ("linux laptop", "linux"),
        ].map { ProsePhrase($0.0, .clientOS($0.1)) }

    static let platforms: [ProsePhrase] = [
        ProsePhrase("docker desktop", .platform("docker-desktop", kind: "docker")),
        ProsePhrase("podman", .platform("podman", kind: "docker")),
        ProsePhrase("kubernetes", .platform("kubernetes", remote: true)),
        ProsePhrase("k8s", .platform("kubernetes", remote: true)),
        ProsePhrase("k3s", .platform("kubernetes", remote: true)),
        ProsePhrase("helm chart", .platform("kubernetes", remote: true)),
        ProsePhrase("wsl", .platform("wsl2", os: "windows")),
        ProsePhrase("wsl2", .platform("wsl2", os: "windows")),
        // A Windows path into the WSL file system: `\\wsl$\Ubuntu\home\…`, `\\wsl.localhost\…`.
        ProsePhrase("\\\\wsl$", .platform("wsl2", os: "windows")),
        ProsePhrase("\\\\wsl.localhost", .platform("wsl2", os: "windows")),
        ProsePhrase("systemd", .platform("systemd")),
        ProsePhrase("systemctl", .platform("systemd")),
        ProsePhrase("launchagent", .platform("launchagent", os: "macos")),
        ProsePhrase("launch agent", .platform("launchagent", os: "macos")),
        ProsePhrase("launchctl", .platform("launchagent", os: "macos")),
        ProsePhrase("scheduled task", .platform("scheduled-task", os: "windows")),
        ProsePhrase("schtasks", .platform("scheduled-task", os: "windows")),
        ProsePhrase("计划任务", .platform("scheduled-task", os: "windows")),
        ProsePhrase("railway", .platform("railway", remote: true)),
        ProsePhrase("render.com", .platform("render", remote: true)),
        ProsePhrase("on render", .platform("render", remote: true)),
        ProsePhrase("fly.io", .platform("fly", remote: true)),
        ProsePhrase("flyctl", .platform("fly", remote: true)),
        ProsePhrase("unraid", .platform("unraid", kind: "docker", remote: true)),
        ProsePhrase("truenas", .platform("truenas", kind: "docker", remote: true)),
        ProsePhrase("synology", .platform("synology", kind: "docker", remote: true)),
        ProsePhrase("群晖", .platform("synology", kind: "docker", remote: true)),
        ProsePhrase("home assistant", .platform("home-assistant", kind: "docker", remote: true)),
        ProsePhrase("home-assistant", .platform("home-assistant", kind: "docker", remote: true)),
        ProsePhrase("haos", .platform("home-assistant", kind: "docker", remote: true)),
        ProsePhrase("hassio", .platform("home-assistant", kind: "docker", remote: true)),
        ProsePhrase("coolify", .platform("coolify", kind: "compose", remote: true)),
        ProsePhrase("openwrt", .platform("openwrt", remote: true)),
        ProsePhrase("luci", .platform("openwrt", remote: true)),
        ProsePhrase("istoreos", .platform("openwrt", remote: true)),
        ProsePhrase("路由器", .platform("openwrt", remote: true)),
        ProsePhrase("china-docker", .platform("china-docker", kind: "compose")),
        ProsePhrase("openclaw-china-docker", .platform("china-docker", kind: "compose")),
        ProsePhrase("汉化版", .platform("openclaw-cn")),
        ProsePhrase("中文版", .platform("openclaw-cn")),
        ProsePhrase("openclaw-cn", .platform("openclaw-cn")),
        ProsePhrase("clawpanel", .platform("desktop-wrapper")),
        ProsePhrase("desktop app", .platform("desktop-wrapper")),
        ProsePhrase("桌面版", .platform("desktop-wrapper")),
        ProsePhrase("1panel", .platform("panel", kind: "docker")),
        ProsePhrase("宝塔", .platform("panel", kind: "docker")),
        ProsePhrase("managed hosting", .platform("managed-hosting", remote: true)),
    ]

    static let accessPaths: [ProsePhrase] = [
        ("ssh tunnel", "ssh-tunnel", 3), ("ssh-tunnel", "ssh-tunnel", 3), ("port forward", "ssh-tunnel", 3),
        ("port forwarding", "ssh-tunnel", 3), ("tunnel", "ssh-tunnel", 3), ("túnel ssh", "ssh-tunnel", 3),
        ("ssh 隧道", "ssh-tunnel", 3), ("ssh -l", "ssh-tunnel", 3), ("ssh -n -l", "ssh-tunnel", 3),
        ("ssh -nl", "ssh-tunnel", 3), ("ssh -fnl", "ssh-tunnel", 3), ("ssh -f -n -l", "ssh-tunnel", 3), ("ssh隧道", "ssh-tunnel", 3), ("端口转发", "ssh-tunnel", 3),
        ("tailscale", "tailscale", 2), ("tailnet", "tailscale", 2), ("tailscale serve", "tailscale", 2),
        ("nginx", "reverse-proxy", 4), ("caddy", "reverse-proxy", 4), ("traefik", "reverse-proxy", 4),
        ("reverse proxy", "reverse-proxy", 4), ("reverse-proxy", "reverse-proxy", 4), ("cloudflare tunnel", "reverse-proxy", 4),
        ("haproxy", "reverse-proxy", 4), ("frp", "reverse-proxy", 4), ("ngrok", "reverse-proxy", 4), ("authelia", "reverse-proxy", 4),
        ("authentik", "reverse-proxy", 4), ("oauth2-proxy", "reverse-proxy", 4), ("proxy inverso", "reverse-proxy", 4),
        ("反向代理", "reverse-proxy", 4), ("反代", "reverse-proxy", 4), ("内网穿透", "reverse-proxy", 4),
        ("from another machine", "lan", 1), ("another device", "lan", 1), ("other devices", "lan", 1), ("on the lan", "lan", 1),
        ("over the lan", "lan", 1), ("lan ip", "lan", 1), ("局域网", "lan", 1), ("otro equipo", "lan", 1),
    ].map { ProsePhrase($0.0, .accessPath($0.1, rank: $0.2)) }

    static let settings: [ProsePhrase] = [
        ("token auth", FactName.config("gateway.auth.mode"), "token"), ("auth mode token", .config("gateway.auth.mode"), "token"),
        ("auth mode is token", .config("gateway.auth.mode"), "token"), ("password auth", .config("gateway.auth.mode"), "password"),
        ("auth mode is password", .config("gateway.auth.mode"), "password"),
        ("trusted-proxy auth", .config("gateway.auth.mode"), "trusted-proxy"),
        ("bind lan", .gatewayBind, "lan"), ("lan bind", .gatewayBind, "lan"), ("bound to lan", .gatewayBind, "lan"),
        ("bind loopback", .gatewayBind, "loopback"), ("loopback bind", .gatewayBind, "loopback"),
        ("bound to loopback", .gatewayBind, "loopback"), ("bind tailnet", .gatewayBind, "tailnet"),
        ("tailnet bind", .gatewayBind, "tailnet"),
        // A gateway described as reachable only on loopback ("it still runs on 127.0.0.1, local
        // only"): the loopback bind in words. Not "listens on 127.0.0.1", which users say of any
        // socket, an SSH forward's local end included.
        ("runs on 127.0.0.1", .gatewayBind, "loopback"), ("running on 127.0.0.1", .gatewayBind, "loopback"),
        ("only on 127.0.0.1", .gatewayBind, "loopback"), ("bound to 127.0.0.1", .gatewayBind, "loopback"),
        ("binds to 127.0.0.1", .gatewayBind, "loopback"), ("bound to localhost", .gatewayBind, "loopback"),
        ("only on localhost", .gatewayBind, "loopback"), ("localhost only", .gatewayBind, "loopback"),
        ("local only", .gatewayBind, "loopback"), ("only reachable locally", .gatewayBind, "loopback"),
        ("only accessible locally", .gatewayBind, "loopback"), ("只监听127.0.0.1", .gatewayBind, "loopback"),
        ("只监听 127.0.0.1", .gatewayBind, "loopback"), ("监听在127.0.0.1", .gatewayBind, "loopback"),
        ("只能本机访问", .gatewayBind, "loopback"), ("仅本机访问", .gatewayBind, "loopback"),
        ("solo escucha en 127.0.0.1", .gatewayBind, "loopback"), ("solo en localhost", .gatewayBind, "loopback"),
        // No pairing request to approve, in words (`devices list` shows none): the gateway creates
        // one only after the shared token or password passed (reference §7.1, "auth runs before
        // device pairing").
        ("no request id", .pendingRequestCount, "0"), ("no requestid", .pendingRequestCount, "0"),
        ("no pending request*", .pendingRequestCount, "0"), ("no pending device*", .pendingRequestCount, "0"),
        ("no pairing request*", .pendingRequestCount, "0"), ("no device request*", .pendingRequestCount, "0"),
        ("nothing to approve", .pendingRequestCount, "0"), ("no devices to approve", .pendingRequestCount, "0"),
        ("no device to approve", .pendingRequestCount, "0"), ("devices list is empty", .pendingRequestCount, "0"),
        ("devices list shows nothing", .pendingRequestCount, "0"), ("pending list is empty", .pendingRequestCount, "0"),
        ("没有待批准", .pendingRequestCount, "0"), ("没有配对请求", .pendingRequestCount, "0"),
        ("没有待审批", .pendingRequestCount, "0"), ("没有 pending", .pendingRequestCount, "0"),
        ("no hay solicitudes pendientes", .pendingRequestCount, "0"), ("ninguna solicitud pendiente", .pendingRequestCount, "0"),
        // A client that is not OpenClaw's own, running in a container of its own (a dashboard such
        // as OpenClaw Mission Control, which installs itself into Docker): its 127.0.0.1 is that container.
        ("its own container", .clientKind, "container"), ("from inside its container", .clientKind, "container"),
        ("dashboard container", .clientKind, "container"), ("dashboard in docker", .clientKind, "container"),
        ("dashboard in a container", .clientKind, "container"), ("mission control", .clientKind, "container"),
        ("在自己的容器", .clientKind, "container"), ("en su propio contenedor", .clientKind, "container"),
        // A connection described as timing out, not quoted from a tool.
        ("times out", .symptom, "connection-timeout"), ("timed out", .symptom, "connection-timeout"),
        ("timing out", .symptom, "connection-timeout"), ("连接超时", .symptom, "connection-timeout"),
        ("se agota el tiempo", .symptom, "connection-timeout"),
        // The gateway's own agent tools as the failing client (the release notes' words for the
        // loopback clients 2026.4.1, 2026.4.20, 2026.4.25 and 2026.5.12 fixed): not `docker exec`.
        ("exec call*", .clientKind, "agent"), ("exec tool*", .clientKind, "agent"), ("calls to exec", .clientKind, "agent"),
        ("llamadas a exec", .clientKind, "agent"), ("exec-approvals", .clientKind, "agent"), ("exec approvals", .clientKind, "agent"),
        ("subagent*", .clientKind, "agent"), ("sub-agent*", .clientKind, "agent"), ("sessions_spawn", .clientKind, "agent"),
        ("node host", .clientKind, "agent"), ("node-host", .clientKind, "agent"), ("gateway tools", .clientKind, "agent"),
        ("agent tools", .clientKind, "agent"), ("agent can't run", .clientKind, "agent"), ("agent cannot run", .clientKind, "agent"),
        ("el agente no puede", .clientKind, "agent"), ("子代理", .clientKind, "agent"), ("智能体无法执行", .clientKind, "agent"),
    ].map { ProsePhrase($0.0, .setting($0.1, $0.2)) }

    static let fixes: [ProsePhrase] = [
        ("restart*", "restart"), ("reboot*", "restart"), ("重启", "restart"), ("reinici*", "restart"),
        ("approve*", "approve"), ("devices approve", "approve"), ("批准", "approve"), ("aprob*", "approve"),
        ("allowinsecureauth", "allow-insecure-auth"), ("allow_insecure_auth", "allow-insecure-auth"),
        ("dangerouslydisabledeviceauth", "disable-device-auth"), ("allowedorigins", "allowed-origins"),
        ("trustedproxies", "trusted-proxies"), ("reinstall*", "reinstall"), ("re-install*", "reinstall"),
        ("uninstall*", "reinstall"), ("重装", "reinstall"), ("重新安装", "reinstall"), ("卸载", "reinstall"),
        ("reinstal*", "reinstall"), ("redeploy*", "redeploy"), ("re-deploy*", "redeploy"), ("重新部署", "redeploy"),
        ("new token", "new-token"), ("regenerated the token", "new-token"), ("rotated the token", "new-token"),
        ("--token", "new-token"), ("token explicitly", "new-token"), ("same token", "new-token"), ("pasted the token", "new-token"),
        ("cache", "clear-browser"), ("incognito", "clear-browser"), ("private window", "clear-browser"),
        ("cookies", "clear-browser"), ("清除缓存", "clear-browser"), ("无痕", "clear-browser"), ("caché", "clear-browser"),
        ("doctor", "doctor"), ("doctor --fix", "doctor"), ("update*", "update"), ("upgrad*", "update"), ("更新", "update"),
        ("升级", "update"), ("actualic*", "update"), ("device-auth.json", "reset-device-identity"),
        ("paired.json", "reset-device-identity"), ("devices remove", "reset-device-identity"),
        ("devices clear", "reset-device-identity"), ("ssh -n -l", "ssh-tunnel"), ("ssh -l", "ssh-tunnel"),
        ("ssh -nl", "ssh-tunnel"), ("ssh tunnel", "ssh-tunnel"), ("gateway install", "gateway-install"),
        ("install --force", "gateway-install"),
    ].map { ProsePhrase($0.0, .fix($0.1)) }

    static let markers: [ProsePhrase] =
        [
            "still", "no change", "didn't help", "did not help", "doesn't help", "does not help", "didn't work", "did not work",
            "doesn't work", "does not work", "not working", "no luck", "no effect", "to no avail", "nothing changed",
            "same error", "same result", "same issue", "same problem", "without success", "didn't fix", "did not fix",
            "doesn't fix", "does not fix", "not fixed", "persists", "keeps failing", "changed nothing", "none of these",
            "none of them", "nothing works", "nothing helped", "no difference", "还是", "仍然", "依然", "没用", "无效", "不行",
            "没有用", "没解决", "未解决", "依旧", "照样", "sigue", "sigo", "todavía", "aún", "no resuelve", "no funciona",
            "sin éxito", "no sirve", "mismo error", "ninguno resolvió", "no cambió", "no change", "不正常", "无法",
        ].map { ProsePhrase($0, .failed) }
        + ["tried", "already", "attempted", "ya ", "intenté", "probé", "已经", "试过", "尝试", "i did", "i have done"]
        .map { ProsePhrase($0, .tried) }
        + [
            "things i've tried", "things i have tried", "what i've tried", "what i have tried", "what i tried",
            "i've tried", "i have tried", "troubleshooting attempted", "troubleshooting", "attempted fixes", "tried so far",
            "already tried", "pasos realizados", "lo que probé", "lo que he probado", "已尝试", "尝试过", "排查",
        ].map { ProsePhrase($0, .triedHeading) }
        + [
            "haven't", "have not", "didn't", "did not", "not yet", "never", "没有", "no he", "not", "no", "isn't", "aren't",
            "don't", "doesn't", "am not", "不是", "不用",
        ].map { ProsePhrase($0, .negation) }
        + [
            "works", "works fine", "working fine", "is working", "works ok", "worked", "work fine", "is fine", "loads fine",
            "works normally", "funciona", "正常", "可以访问", "没问题", "is unaffected", "unaffected", "恢复正常",
        ].map { ProsePhrase($0, .works) }
        + [
            "after updating", "after upgrading", "after the update", "after the upgrade", "after update", "after upgrade",
            "since updating", "since the update", "since upgrading", "since the upgrade", "after an update", "after updated",
            "更新后", "升级后", "更新之后", "升级之后", "después de actualizar", "tras actualizar", "desde la actualización",
            "latest update", "recent update", "the update", "an update", "the upgrade",
        ].map { ProsePhrase($0, .updated) }
        + ["latest version", "latest release", "newest version", "the latest", "latest", "最新版", "最新版本", "última versión"]
        .map { ProsePhrase($0, .latest) }
        + ["from", "从", "desde", "de la", "upgraded from", "updated from"].map { ProsePhrase($0, .versionFrom) }
        + ["to", "->", "→", "升级到", "更新到", "升到", "a la", "hasta"].map { ProsePhrase($0, .versionTo) }
        + ["downgrad*", "rollback", "roll back", "rolled back", "revert*", "降级到", "降级", "回退", "回滚", "volví a"]
        .map { ProsePhrase($0, .versionWorked) }
}
