/// The smallest HTML toolkit that is still safe: escaping, and the page frame every page
/// shares (inline CSS, one tiny inline script, no external assets).
enum HTML {
    /// Escapes text for element content and double-quoted attribute values.
    static func escape(_ text: some StringProtocol) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// A whole document: `title` is plain text, `body` is HTML built by the page builders.
    static func document(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="sv">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>\(style)</style>
        </head>
        <body>
        \(body)
        <script>\(script)</script>
        </body>
        </html>

        """
    }

    /// System fonts only; one column that reads on a phone and widens on a desk.
    static let style = """
        :root{color-scheme:light dark;--fg:#1d1d1f;--bg:#fff;--muted:#5f6368;--line:#d9dce1;\
        --accent:#0b5cad;--card:#f5f7fa}\
        @media (prefers-color-scheme:dark){:root{--fg:#eceff3;--bg:#15171a;--muted:#a4abb5;\
        --line:#343a42;--accent:#7db7ff;--card:#1e2227}}\
        *{box-sizing:border-box}\
        body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;\
        color:var(--fg);background:var(--bg)}\
        header,main,footer{max-width:52rem;margin:0 auto;padding:0 1rem}\
        header{padding-top:1rem}h1{font-size:1.6rem;margin:.5rem 0}h2{font-size:1.25rem;\
        margin:2rem 0 .5rem;border-bottom:1px solid var(--line);padding-bottom:.25rem}\
        h3{font-size:1.05rem;margin:0}a{color:var(--accent)}\
        .muted{color:var(--muted);font-size:.9rem}\
        ul.plain{list-style:none;padding:0;margin:0}\
        ul.plain>li{padding:.6rem 0;border-bottom:1px solid var(--line)}\
        .feed{background:var(--card);border:1px solid var(--line);border-radius:.5rem;\
        padding:.75rem;margin:.5rem 0}\
        .feed p{margin:.25rem 0}\
        .row{display:flex;gap:.5rem;flex-wrap:wrap;align-items:center;margin-top:.5rem}\
        .row input{flex:1 1 12rem;min-width:0;font:inherit;font-size:.85rem;padding:.4rem;\
        border:1px solid var(--line);border-radius:.35rem;background:var(--bg);color:var(--fg)}\
        .button{display:inline-block;padding:.45rem .8rem;border-radius:.35rem;border:0;\
        background:var(--accent);color:var(--bg);font:inherit;font-weight:600;\
        text-decoration:none;cursor:pointer}\
        button.button{background:transparent;color:var(--accent);border:1px solid var(--accent)}\
        .status{display:inline-block;font-size:.8rem;padding:0 .4rem;border-radius:1rem;\
        border:1px solid var(--line)}\
        .status-active{border-color:#2e7d32}.status-proposed{border-color:#b26a00}\
        table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.4rem .3rem;\
        border-bottom:1px solid var(--line);vertical-align:top}\
        .when{white-space:nowrap;font-variant-numeric:tabular-nums}\
        .cancelled{text-decoration:line-through}\
        footer{margin:2rem auto;color:var(--muted);font-size:.85rem}\
        details{margin:.5rem 0}summary{cursor:pointer;font-weight:600}\
        nav.jump{max-width:52rem;margin:0 auto;padding:0 1rem;display:flex;flex-wrap:wrap;gap:.4rem}\
        nav.jump a{padding:.3rem .7rem;border:1px solid var(--line);border-radius:1rem;\
        text-decoration:none;font-size:.9rem}
        """

    /// The copy buttons: the clipboard API where the page is a secure context, selecting
    /// the text field (so a long press copies it) everywhere else.
    static let script = """
        document.querySelectorAll("button[data-copy]").forEach(function(b){\
        b.addEventListener("click",function(){\
        var i=document.getElementById(b.getAttribute("data-copy"));\
        function done(){b.textContent="Kopierad";setTimeout(function(){b.textContent="Kopiera"},2000)}\
        if(navigator.clipboard&&window.isSecureContext){navigator.clipboard.writeText(i.value).then(done)}\
        else{i.focus();i.select();try{document.execCommand("copy");done()}catch(e){}}})});
        """
}

/// The pages' one inline style sheet and one inline script, exactly as every page embeds
/// them: the server names them by hash in its Content-Security-Policy.
public enum PageAssets {
    public static let style = HTML.style
    public static let script = HTML.script
}
