import Registry
import RegistryData
import Testing

/// The real registry in `Data/` passes the validator: what `samverkan validate` checks.
@Suite struct DataValidationTests {
    @Test func realRegistryHasNoErrors() {
        let diagnostics = Registry.familjenHelsingborg.validate()
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.description).joined(separator: "\n"))")
        #expect(!Registry.familjenHelsingborg.hasErrors)
    }

    @Test func everyDiagnosticOnTheRealDataPointsIntoData() {
        for diagnostic in Registry.familjenHelsingborg.validate() {
            #expect(diagnostic.location.path.hasPrefix("Data/"), "\(diagnostic)")
        }
    }

    @Test func everyRecordIsLocatedInData() {
        let registry = Registry.familjenHelsingborg
        #expect(registry.recordCount > 0)
        #expect(!registry.sourceFiles.isEmpty)
        #expect(
            registry.sourceFiles.allSatisfy { $0.hasPrefix("Data/") && $0.hasSuffix(".swift") },
            "\(registry.sourceFiles)")
    }

    @Test func summaryOfTheRealDataMatchesItsDiagnostics() {
        let registry = Registry.familjenHelsingborg
        let diagnostics = registry.validate()
        let summary = registry.validationSummary(of: diagnostics)
        if diagnostics.isEmpty {
            #expect(
                summary == "No problems found in \(registry.recordCount) records; "
                    + "\(registry.inferredCount) facts marked inferred.")
        } else {
            #expect(
                summary.hasSuffix(
                    " in \(registry.sourceFiles.count) files; \(registry.inferredCount) facts marked inferred"
                ))
        }
    }
}
