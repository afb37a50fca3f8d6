package org.sheaf.serve;

import org.sheaf.content.JekyllFilters;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.sheaf.diag.Diagnostic;

/**
 * Adds the live-reload script, and the error overlay when the last build failed, to HTML pages
 * the dev server sends. Nothing else is changed, so a served page is the built page plus one
 * {@code <script>} (and one overlay {@code <div>}) before its last {@code </body>}, or at its end
 * when it has none.
 */
final class PageDecorator {
    /** The endpoint of the event stream the script listens to. */
    static final String EVENTS_PATH = "/__sheaf/events";

    /** The script added to every HTML page in serve mode; tests strip exactly this text. */
    static final String RELOAD_SCRIPT = "<script data-sheaf-reload>(function(){"
            + "var s=new EventSource(\"" + EVENTS_PATH + "\");"
            + "s.addEventListener(\"reload\",function(){location.reload();});"
            + "s.addEventListener(\"css\",function(){"
            + "document.querySelectorAll('link[rel~=\"stylesheet\"]').forEach(function(l){"
            + "var u=new URL(l.href);u.searchParams.set(\"sheaf-reload\",Date.now());l.href=u.href;});});"
            + "})();</script>";

    private PageDecorator() {
    }

    /** The page with the script, and with the overlay when {@code errors} is not empty. */
    static byte[] decorate(byte[] page, List<Diagnostic> errors) {
        String html = new String(page, StandardCharsets.UTF_8);
        String addition = (errors.isEmpty() ? "" : overlay(errors)) + RELOAD_SCRIPT;
        int at = html.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
        String result = at < 0 ? html + addition : html.substring(0, at) + addition + html.substring(at);
        return result.getBytes(StandardCharsets.UTF_8);
    }

    /** The whole page shown when no build has succeeded yet. */
    static byte[] errorPage(List<Diagnostic> errors) {
        return decorate(("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>sheaf: build failed</title>"
                + "</head><body></body></html>\n").getBytes(StandardCharsets.UTF_8), errors);
    }

    /** The overlay: every diagnostic as printed in the terminal, HTML-escaped. */
    static String overlay(List<Diagnostic> errors) {
        StringBuilder text = new StringBuilder();
        for (Diagnostic diagnostic : errors) {
            text.append(JekyllFilters.xmlEscape(diagnostic.format())).append('\n');
        }
        return "<div id=\"sheaf-errors\" style=\"position:fixed;inset:0;z-index:2147483647;overflow:auto;"
                + "background:rgba(20,20,20,.94);color:#fdd;font:14px/1.5 monospace;padding:2em;margin:0\">"
                + "<p style=\"color:#fff;font-weight:bold;margin:0 0 1em\">sheaf: the last edit broke the build;"
                + " showing the last good site</p><pre style=\"white-space:pre-wrap;margin:0\">" + text
                + "</pre></div>";
    }
}
