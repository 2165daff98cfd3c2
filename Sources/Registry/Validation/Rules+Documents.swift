// Rules about the documents facts are cited from.

extension Rules {
    static var documents: [Rule] {
        [Rule("document-urls", documentURLs)]
    }

    /// A document's address, when given, is an http or https URL with no spaces.
    static func documentURLs(_ registry: Registry) -> [Diagnostic] {
        registry.documents.compactMap { document in
            guard let url = document.url, !isWebAddress(url) else { return nil }
            return .error(
                "\(document.label) url '\(url)' is not an http(s) address without spaces",
                at: document.location)
        }
    }

    static func isWebAddress(_ text: String) -> Bool {
        let rest: Substring
        if text.hasPrefix("https://") {
            rest = text.dropFirst(8)
        } else if text.hasPrefix("http://") {
            rest = text.dropFirst(7)
        } else {
            return false
        }
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return !host.isEmpty
            && text.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 0x20 && $0.value != 0x7F }
    }
}
