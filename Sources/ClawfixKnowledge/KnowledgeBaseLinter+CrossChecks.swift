import ClawfixEvidence

/// The checks that read the whole knowledge base at once: the trees against the message table
/// (`messages.md`) and the catalogue (`diagnoses.md`), so the three lists of the same knowledge
/// cannot drift apart (review classes B11, B14).
extension KnowledgeBaseLinter {
    /// Lints the trees together with the message table and the catalogue.
    func crossCheck(_ trees: [KnowledgeTree], _ table: MessageTable) -> [LintMessage] {
        var messages: [LintMessage] = []
        let defined = table.symptoms
        // Where each symptom leads to a diagnosis: (id, weight, whether the signal tests the symptom
        // alone, place); a branch counts with weight 0. `mentioned`: symptoms any diagnosis reads,
        // evidence against included.
        var uses: [String: [(id: String, weight: Int, pure: Bool, file: String, line: Int)]] = [:]
        var mentioned: Set<String> = []

        for tree in trees {
            for node in tree.nodes {
                var conditions: [(Condition, Int)] = node.branches.compactMap { b in b.condition.map { ($0, b.line) } }
                if let requires = node.requires { conditions.append((requires, node.line)) }
                conditions += node.signals.map { ($0.condition, $0.line) }
                for (condition, line) in conditions {
                    for symptom in condition.comparedValues(of: "symptom").sorted() where !defined.contains(symptom) {
                        messages.append(
                            LintMessage(file: tree.file, line: line, message: "symptom `\(symptom)` is not defined in messages.md"))
                    }
                }
                // A symptom a branch tests leads to every diagnosis behind that branch.
                for branch in node.branches {
                    guard let condition = branch.condition else { continue }
                    for id in tree.reachableDiagnoses(from: branch.target) {
                        for symptom in condition.positiveValues(of: "symptom") {
                            uses[symptom, default: []].append((id, 0, false, tree.file, branch.line))
                            mentioned.insert(symptom)
                        }
                    }
                }
                guard node.kind == .diagnosis, let id = node.diagnosisID else { continue }
                // `requires: symptom in a, b` rules the node out for any other symptom alone, so a
                // signal on another symptom alone could never count.
                if let requires = node.requires, requires.testsOnly("symptom"), case let allowed = requires.positiveValues(of: "symptom"),
                    !allowed.isEmpty
                {
                    for signal in node.signals where signal.weight > 0 && signal.condition.testsOnly("symptom") {
                        for symptom in signal.condition.positiveValues(of: "symptom").subtracting(allowed).sorted() {
                            messages.append(
                                LintMessage(
                                    file: tree.file, line: signal.line,
                                    message: "signal on `symptom = \(symptom)` can never count: `requires:` allows only \(allowed.sorted().joined(separator: ", "))"))
                        }
                    }
                }
                if let requires = node.requires {
                    for symptom in requires.positiveValues(of: "symptom") {
                        uses[symptom, default: []].append((id, 0, false, tree.file, node.line))
                        mentioned.insert(symptom)
                    }
                }
                for signal in node.signals {
                    mentioned.formUnion(signal.condition.comparedValues(of: "symptom"))
                    guard signal.weight > 0 else { continue }
                    let pure = signal.condition.testsOnly("symptom")
                    for symptom in signal.condition.positiveValues(of: "symptom") {
                        uses[symptom, default: []].append((id, signal.weight, pure, tree.file, signal.line))
                    }
                }
            }
        }

        // Every message's symptom leads to some diagnosis.
        var reported: Set<String> = []
        for (index, row) in table.rows.enumerated() {
            guard let symptom = row.symptom, !mentioned.contains(symptom), reported.insert(symptom).inserted else { continue }
            messages.append(
                LintMessage(
                    file: table.files[index], line: row.line,
                    message: "symptom `\(symptom)` of `\(row.text)` leads to no diagnosis: no tree tests it"))
        }

        // Every catalogue signal that is a message can lead to its own row's id, and no tree gives
        // its symptom more weight toward another id the catalogue does not list it for.
        let symptomsOfEntry = Dictionary(
            catalog.entries.map { ($0.id, Set(signalStrings(of: $0).flatMap { table.symptoms(in: $0) })) },
            uniquingKeysWith: { first, _ in first })
        for entry in catalog.entries {
            for signal in signalStrings(of: entry) {
                let symptoms = table.symptoms(in: signal)
                guard !symptoms.isEmpty else { continue }
                let own = symptoms.flatMap { uses[$0] ?? [] }.filter { $0.id == entry.id }
                if own.isEmpty {
                    messages.append(
                        LintMessage(
                            file: catalogFile, line: entry.line,
                            message: "signal `\(signal)` of `\(entry.id)` (symptom \(symptoms.joined(separator: ", "))) leads to no `\(entry.id)` node"))
                    continue
                }
                // The owner's best use may need context (`and`); another id's use needs none.
                let ownWeight = own.map(\.weight).max() ?? 0
                for symptom in symptoms {
                    for use in uses[symptom] ?? [] where use.id != entry.id && use.pure {
                        let weight = use.weight
                        guard weight > ownWeight, !(symptomsOfEntry[use.id] ?? []).contains(symptom) else { continue }
                        messages.append(
                            LintMessage(
                                file: use.file, line: use.line,
                                message: "`symptom = \(symptom)` weighs +\(weight) toward `\(use.id)`, more than toward "
                                    + "`\(entry.id)` (+\(ownWeight)), whose catalogue signal `\(signal)` it is; "
                                    + "`\(use.id)`'s catalogue row does not list it"))
                    }
                }
            }
        }
        return messages
    }

    /// The backticked strings of a catalogue row's signals column.
    func signalStrings(of entry: DiagnosisCatalog.Entry) -> [String] {
        entry.signals.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 && !$0.element.isEmpty }.map { String($0.element) }
    }
}
