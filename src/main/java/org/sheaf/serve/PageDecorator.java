package org.sheaf.serve;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.sheaf.diag.Diagnostic;
import org.sheaf.jekyll.Html;

/**
 * Adds the live-reload script, and the error overlay when the last build failed, to HTML pages
 * the dev server sends. Nothing else is changed, so a served page is the built page plus one
 * {@code <script>} (and the overlay's {@code <style>} and {@code <div>}) before its last
 * {@code </body>}, or at its end when it has none.
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

    /**
     * The overlay's own styles. The page's stylesheet must not reach into the overlay (a site's
     * {@code pre} background under the overlay's light text made it unreadable), so every element
     * of it is first reset with {@code all: initial}, then styled; each rule names the overlay's
     * id and is {@code !important}, which outranks any rule of the site that is not both.
     */
    static final String OVERLAY_STYLE = "<style data-sheaf-errors>"
            + "#sheaf-errors,#sheaf-errors *{all:initial!important}"
            + "#sheaf-errors{display:block!important;position:fixed!important;inset:0!important;"
            + "z-index:2147483647!important;overflow:auto!important;box-sizing:border-box!important;"
            + "padding:2em!important;background:rgba(20,20,20,.96)!important;color:#fdd!important;"
            + "font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,\"Liberation Mono\",monospace!important;"
            + "text-align:left!important;direction:ltr!important}"
            + "#sheaf-errors p,#sheaf-errors pre{display:block!important;margin:0 0 1em!important;color:inherit!important;"
            + "font:inherit!important;white-space:pre-wrap!important;overflow-wrap:anywhere!important}"
            + "#sheaf-errors p{color:#fff!important;font-weight:bold!important}"
            + "</style>";

    /** The overlay: every diagnostic as printed in the terminal, HTML-escaped, after its styles. */
    static String overlay(List<Diagnostic> errors) {
        StringBuilder text = new StringBuilder();
        for (Diagnostic diagnostic : errors) {
            text.append(Html.escape(diagnostic.format())).append('\n');
        }
        return OVERLAY_STYLE + "<div id=\"sheaf-errors\" role=\"alert\">"
                + "<p>sheaf: the last edit broke the build; showing the last good site</p><pre>" + text
                + "</pre></div>";
    }
}
