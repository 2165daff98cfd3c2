import ExportFiles
import Foundation
import HTTPTypes
import HummingbirdCore
import Pages

/// The headers that tell a browser what a page may do.
public enum SecurityHeaders {
    /// Nothing but the pages' one inline style sheet and one inline script, named by the
    /// SHA-256 of their text as the page frame renders it (`PageAssets.style`, `PageAssets.script`),
    /// so a change to either changes the policy with it, and the search page's fetch of its
    /// index from the site itself. No other source of anything, no `<base>`, no form
    /// targets, no framing. `deploy/nginx.conf` sends the same string (`SiteMapTests.nginxSendsTheServersContentSecurityPolicy`).
    public static let contentSecurityPolicy =
        "default-src 'none'; style-src '\(hash(PageAssets.style))'; script-src '\(hash(PageAssets.script))'; "
        + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

    /// Links from the pages lead to calendar apps and other sites, which need not know
    /// which page the visitor came from.
    public static let referrerPolicy = "no-referrer"

    /// `sha256-BASE64` as CSP writes a hash source.
    static func hash(_ text: String) -> String {
        "sha256-" + Data(Fingerprint.sha256(Array(text.utf8))).base64EncodedString()
    }

    /// Adds `Content-Security-Policy`, `Referrer-Policy` and `X-Content-Type-Options` to
    /// every answer that is not a feed, a change log or the API: the pages (also their 304s
    /// and HEADs) and the plain-text errors.
    static func add(to response: inout Response, path: String) {
        guard !ServerResponder.isFeedOrAPI(path) else { return }
        response.headers[.contentSecurityPolicy] = contentSecurityPolicy
        response.headers[.referrerPolicy] = referrerPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
    }
}

extension HTTPField.Name {
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
}
