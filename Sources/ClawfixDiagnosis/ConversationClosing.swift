/// What a message says about the conversation itself rather than the setup: "thanks, that fixed
/// it" ends it; a greeting or "help" with nothing about OpenClaw asks for the opening facts.
enum ConversationClosing {
    /// The user says the problem is gone: English, Spanish and Chinese, in a short message, not negated.
    static func saysSolved(_ text: String) -> Bool {
        guard text.utf8.count <= AnswerInterpreter.maximumAnswerLength else { return false }
        let lowered = text.lowercased()
        if chineseSolved.contains(where: { lowered.contains($0) }) && !chineseNegated.contains(where: { lowered.contains($0) }) {
            return true
        }
        let words = AnswerInterpreter.words(text)
        guard !words.isEmpty else { return false }
        let phrases = AnswerInterpreter.phrases(words, longest: 3)
        return solvedPhrases.contains { phrases.contains($0) } && !negatedPhrases.contains { phrases.contains($0) }
    }

    static let solvedPhrases: Set<String> = [
        "fixed it", "that fixed", "fixed now", "it's fixed", "its fixed", "works now", "working now", "it works",
        "that worked", "that did it", "did the trick", "solved", "resolved", "all good", "problem solved",
        "it's working", "its working", "funciona", "ya funciona", "solucionado", "resuelto", "arreglado",
    ]
    static let negatedPhrases: Set<String> = [
        "not fixed", "didn't fix", "didnt fix", "not working", "doesn't work", "doesnt work", "still not",
        "not solved", "no funciona", "sigue sin", "not resolved", "still broken", "still fails",
    ]
    static let chineseSolved = ["解决了", "搞定了", "好了，谢谢", "可以了", "成功了"]
    static let chineseNegated = ["没解决", "还是不行", "没有解决", "不可以"]

    /// The first question when nothing is known: what the user sees, and where the gateway runs.
    static let opening = NextQuestion(
        question: "What exactly do you see (paste the error from the Control UI, the CLI or the gateway log), "
            + "and where does the gateway run: in Docker, directly on a machine, or on a remote server?",
        commands: [],
        why: "Nothing in your message points to a cause yet.")
}
