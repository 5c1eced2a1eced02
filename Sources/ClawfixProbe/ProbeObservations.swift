/// What the connection handler saw, before classification. Filled on the event loop only.
struct ProbeObservations: Sendable {
    var steps: [ProbeReport.Step] = []
    /// A transport-level verdict (timeout, garbage, TLS, …); nil when the gateway's own answer decides.
    var terminal: ProbeOutcome?
    var http: ProbeReport.HTTPAnswer?
    var close: ProbeReport.Close?
    var error: ProbeReport.GatewayError?
    var sawChallenge = false
    var helloOK = false
    var serverVersion: String?
    var serverProtocol: Int?
    var clockSkewMs: Int64?
    /// The `res` arrived before the close (the gateway's normal order, §3.3 notes).
    var resBeforeClose = false
}
