import Foundation

/// What the server adds to every HTML page it sends, and only there (the built site never holds it): a script
/// that listens to `ReloadEvents` and reloads the page or shows the build's errors, and, while the last build
/// failed, the overlay that lists them, drawn by the server so it is there before any script runs.
public enum LiveReload {
    /// The path of the event stream; the site never has a file there (relmap writes no name starting with `_`
    /// at its top, and the server refuses names starting with a dot).
    public static let eventsPath = "/_relmap/events"
    /// The id of the overlay element.
    public static let overlayID = "relmap-serve-overlay"
    /// Marks the added markup, so it can be found (and tests can tell it from the page).
    public static let marker = "<!-- relmap serve: live reload -->"

    /// `html` with the overlay (when `status` has errors) and the script inserted before its last `</body>`, or
    /// at its end when it has none.
    public static func inject(into html: Data, status: PreviewStatus) -> Data {
        let addition = Data(snippet(status: status).utf8)
        let closing = Array("</body>".utf8)
        let bytes = [UInt8](html)
        var index = bytes.count - closing.count
        while index >= 0 {
            if zip(bytes[index..<index + closing.count], closing).allSatisfy({ lowercased($0) == $1 }) {
                return Data(bytes[..<index]) + addition + Data(bytes[index...])
            }
            index -= 1
        }
        return html + addition
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (65...90).contains(byte) ? byte + 32 : byte
    }

    /// The markup added to a page.
    static func snippet(status: PreviewStatus) -> String {
        "\(marker)\n" + (status.hasErrors ? overlay(status) : "") + "<script>\n" + script(status: status) + "</script>\n"
    }

    /// The overlay: a panel over the top of the page that says the page is the last good build and lists the
    /// errors, one per line, with a button that hides it until the next build.
    static func overlay(_ status: PreviewStatus) -> String {
        let heading = "relmap serve: the build stopped at “\(status.failedStep ?? "a step")”. This page is from the last good build; "
            + "it reloads once the errors are fixed."
        return """
            <div id="\(overlayID)" role="alert" style="\(overlayStyle)">\
            <button type="button" onclick="this.parentNode.hidden=true" style="\(buttonStyle)">Hide</button>\
            <p style="margin:0 0 .5em;font-weight:bold">\(escaped(heading))</p>\
            <pre style="\(preStyle)">\(status.errors.map(escaped).joined(separator: "\n"))</pre></div>

            """
    }

    static let overlayStyle = "position:fixed;top:0;left:0;right:0;z-index:2147483647;max-height:60vh;overflow:auto;"
        + "box-sizing:border-box;margin:0;padding:.75em 1em;background:#fff4f4;color:#1b1b1b;border-bottom:4px solid #b00020;"
        + "font:15px/1.45 system-ui,sans-serif;text-align:left;box-shadow:0 2px 12px rgba(0,0,0,.3)"
    static let buttonStyle = "float:right;margin-left:1em;font:inherit;padding:.1em .7em;cursor:pointer"
    static let preStyle = "margin:0;white-space:pre-wrap;overflow-wrap:anywhere;font:14px/1.45 ui-monospace,monospace;color:#8a0016"

    /// The script: connects to the event stream, reloads on `reload` or when the status names a newer build
    /// than the page's (a save while the page was loading), and otherwise redraws the overlay from the status.
    /// The errors are set as text, never as markup.
    static func script(status: PreviewStatus) -> String {
        """
        (function () {
          "use strict";
          var build = \(status.build);
          var styles = { box: "\(overlayStyle)", button: "\(buttonStyle)", pre: "\(preStyle)" };
          function show(status) {
            var old = document.getElementById("\(overlayID)");
            if (old) old.parentNode.removeChild(old);
            if (!status.errors || status.errors.length === 0) return;
            var box = document.createElement("div");
            box.id = "\(overlayID)";
            box.setAttribute("role", "alert");
            box.setAttribute("style", styles.box);
            var hide = document.createElement("button");
            hide.type = "button";
            hide.textContent = "Hide";
            hide.setAttribute("style", styles.button);
            hide.onclick = function () { box.hidden = true; };
            var heading = document.createElement("p");
            heading.setAttribute("style", "margin:0 0 .5em;font-weight:bold");
            heading.textContent = "relmap serve: the build stopped at \\u201c" + (status.failedStep || "a step") +
              "\\u201d. This page is from the last good build; it reloads once the errors are fixed.";
            var list = document.createElement("pre");
            list.setAttribute("style", styles.pre);
            list.textContent = status.errors.join("\\n");
            box.appendChild(hide);
            box.appendChild(heading);
            box.appendChild(list);
            document.body.appendChild(box);
          }
          if (!window.EventSource) return;
          var source = new EventSource("\(eventsPath)");
          source.addEventListener("reload", function () { source.close(); location.reload(); });
          source.addEventListener("status", function (event) {
            var status = JSON.parse(event.data);
            if (status.build !== build && status.errors.length === 0) { source.close(); location.reload(); return; }
            show(status);
          });
          window.addEventListener("pagehide", function () { source.close(); });
        })();

        """
    }

    /// Text made safe inside HTML elements (not attributes).
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.append(character)
            }
        }
        return result
    }
}
