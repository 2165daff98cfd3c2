import Foundation
import MinutesImport
import Registry

/// The questions `minutes import --write` asks in a terminal, one draft at a time: write
/// it (j), leave it out (n), or correct it (ä) and be asked again. Lines come from
/// `Console.readLine`, so a test can type them.
struct DraftQuestions {
    let registry: Registry

    /// The plan as corrected, and the drafts left out (with those `skipped` already);
    /// nil when the input ends before every draft is answered.
    func ask(_ plan: ImportPlan, skipped: Set<Int>) -> (plan: ImportPlan, skipped: Set<Int>)? {
        var plan = plan
        var left = skipped
        let names = plan.names(registry: registry)
        for number in plan.drafts.map(\.number) where !skipped.contains(number) {
            var answered = false
            while !answered {
                let draft = plan.drafts[number - 1]
                Console.write("\n" + plan.review(of: draft, names: names) + "Skriv? [J/n/ä] ")
                guard let answer = Console.readLine() else { return nil }
                switch Text.fold(answer.trimmingCharacters(in: .whitespaces)) {
                case "", "j", "ja": answered = true
                case "n", "nej":
                    left.insert(number)
                    answered = true
                case "a", "andra":
                    guard let corrected = correct(draft, in: plan) else { return nil }
                    plan = corrected
                default: Console.write("Svara j (skriv), n (hoppa över) eller ä (ändra).\n")
                }
            }
        }
        return (plan, left)
    }

    /// Asks which field and its new value, and makes the correction; a mistake is shown
    /// and the draft is asked about again. Nil when the input ends.
    func correct(_ draft: Draft, in plan: ImportPlan) -> ImportPlan? {
        let fields = draft.correctableFields.map(\.name)
        let marked = draft.inferredMarks.map(\.field).filter { !fields.contains($0) }
        Console.write("Fält (\((fields + marked).joined(separator: ", "))): ")
        guard let field = Console.readLine()?.trimmingCharacters(in: .whitespaces) else { return nil }
        Console.write(
            "Nytt värde (tomt: värdet stämmer, ta bort tolkningen; sluta med \(Inferred.marker.dropFirst()) "
                + "för att behålla den): ")
        guard let value = Console.readLine()?.trimmingCharacters(in: .whitespaces) else { return nil }
        do {
            let correction =
                value.isEmpty
                ? try Correction(confirming: "\(draft.number).\(field)")
                : try Correction(parsing: "\(draft.number).\(field)=\(value)")
            return try plan.correcting([correction], registry: registry)
        } catch {
            Console.write("Går inte: \(error.description)\n")
            return plan
        }
    }
}
