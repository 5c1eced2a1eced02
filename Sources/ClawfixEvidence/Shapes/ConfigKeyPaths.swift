/// Where `openclaw.json` keys live (reference §9.2), for the two readers that meet a key without
/// its parents: a pasted config fragment (`"controlUi": { … }` is `gateway.controlUi`) and a setting
/// stated in words (`allowInsecureAuth: true is set`).
enum ConfigKeyPaths {
    /// Keys whose name alone tells where they belong, and the path of the object holding them.
    /// Ambiguous names (`mode`, `port`, `token`, `enabled`) are left out on purpose: a fragment that
    /// starts with them has no root clawfix can name.
    static let parents: [String: String] = [
        "controlUi": "gateway", "auth": "gateway", "trustedProxies": "gateway", "bind": "gateway", "tailscale": "gateway",
        "remote": "gateway", "nodes": "gateway", "customBindHost": "gateway", "trustedProxy": "gateway.auth",
        "allowInsecureAuth": "gateway.controlUi", "allowedOrigins": "gateway.controlUi",
        "dangerouslyDisableDeviceAuth": "gateway.controlUi", "dangerouslyAllowHostHeaderOriginFallback": "gateway.controlUi",
        "userHeader": "gateway.auth.trustedProxy", "autoApproveCidrs": "gateway.nodes.pairing",
    ]

    /// A setting written in words, and its full path. `allowedValues` empty: any value.
    struct Setting: Sendable {
        let needle: [UInt8]
        let path: String
        let allowedValues: Set<String>
        /// A flag that "set X" / "enabled X" turns on without writing `true`.
        let isFlag: Bool
    }

    static let settings: [Setting] = [
        ("allowInsecureAuth", "gateway.controlUi.allowInsecureAuth", [], true),
        ("dangerouslyDisableDeviceAuth", "gateway.controlUi.dangerouslyDisableDeviceAuth", [], true),
        ("dangerouslyAllowHostHeaderOriginFallback", "gateway.controlUi.dangerouslyAllowHostHeaderOriginFallback", [], true),
        ("allowedOrigins", "gateway.controlUi.allowedOrigins", [], false),
        ("trustedProxies", "gateway.trustedProxies", [], false),
        ("userHeader", "gateway.auth.trustedProxy.userHeader", [], false),
        ("auth.mode", "gateway.auth.mode", ["token", "password", "none", "trusted-proxy"], false),
        ("auth mode", "gateway.auth.mode", ["token", "password", "none", "trusted-proxy"], false),
        ("gateway.mode", "gateway.mode", ["local", "remote"], false),
        ("bind", "gateway.bind", ["loopback", "lan", "tailnet", "auto", "custom", "0.0.0.0", "127.0.0.1"], false),
        ("gateway.port", "gateway.port", [], false),
        ("remote.url", "gateway.remote.url", [], false),
        ("tailscale.mode", "gateway.tailscale.mode", ["off", "serve", "funnel"], false),
    ].map { Setting(needle: ByteSearch.needle($0.0), path: $0.1, allowedValues: $0.2, isFlag: $0.3) }
}
