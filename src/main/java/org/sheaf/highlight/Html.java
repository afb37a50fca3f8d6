package org.sheaf.highlight;

import static org.sheaf.highlight.TokenType.*;

import java.util.regex.Matcher;

/**
 * HTML as Rouge colours it: tags with their angle brackets, attributes with their {@code =},
 * values as strings, entities, comments, and the contents of {@code <script>} and
 * {@code <style>} coloured as JavaScript and CSS.
 */
final class Html extends Language {
    private static final Grammar GRAMMAR = new Grammar();
    private static final Language JAVASCRIPT = new JavaScript();
    private static final Language CSS = new Css();

    static {
        Grammar g = GRAMMAR;
        markup(g);
        g.state("root")
                .rule("<\\s*script\\s*", NAME_TAG, "script-content", "attributes")
                .rule("<\\s*style\\s*", NAME_TAG, "style-content", "attributes")
                .include("markup");
        g.state("script-content")
                .rule("(?s)(.*?)(<\\s*/\\s*script\\s*>)", (m, lexing) -> content(m, lexing, JAVASCRIPT), "#pop")
                .rule("(?s).+", (m, lexing) -> lexing.delegateFresh(JAVASCRIPT, m.group()), "#pop");
        g.state("style-content")
                .rule("(?s)(.*?)(<\\s*/\\s*style\\s*>)", (m, lexing) -> content(m, lexing, CSS), "#pop")
                .rule("(?s).+", (m, lexing) -> lexing.delegateFresh(CSS, m.group()), "#pop");
    }

    /** The states HTML and XML share: text, entities, comments, tags and their attributes. */
    static void markup(Grammar g) {
        g.state("markup")
                .rule("[^<&]+", TEXT)
                .rule("&\\S*?;", NAME_ENTITY)
                .rule("<!\\[CDATA\\[(?s:.*?)\\]\\]>", COMMENT_PREPROC)
                .rule("<!--(?s:.*?)(?:-->|\\z)", COMMENT)
                .rule("<\\?(?s:.*?)(?:\\?>|\\z)", COMMENT_PREPROC)
                .rule("<![^>]*>", COMMENT_PREPROC)
                .rule("<\\s*/\\s*[\\w:.-]+\\s*>", NAME_TAG)
                .rule("<", NAME_TAG, "tag");
        g.state("tag")
                .rule("\\s+", TEXT)
                .rule("[\\w:.-]+", NAME_TAG, "#pop", "attributes")
                .rule("", TEXT, "#pop", "attributes");
        g.state("attributes")
                .rule("\\s+", TEXT)
                .rule("[\\w:.*#-]+\\s*=\\s*", NAME_ATTRIBUTE, "value")
                .rule("[\\w:.*#-]+", NAME_ATTRIBUTE)
                .rule("/?\\s*>", NAME_TAG, "#pop");
        // a quoted value is a state of its own so that a value cut by embedded code (PHP's
        // <?= ?> inside an attribute) goes on as a string after it
        g.state("value")
                .rule("\"", STRING, "#pop", "dq-value")
                .rule("'", STRING, "#pop", "sq-value")
                .rule("[^\\s>]+", STRING, "#pop")
                .rule("", TEXT, "#pop");
        g.state("dq-value")
                .rule("[^\"]+", STRING)
                .rule("\"", STRING, "#pop");
        g.state("sq-value")
                .rule("[^']+", STRING)
                .rule("'", STRING, "#pop");
    }

    Html() {
        super("html");
    }

    @Override
    Grammar grammar() {
        return GRAMMAR;
    }

    private static void content(Matcher m, Lexing lexing, Language language) {
        lexing.delegateFresh(language, m.group(1));
        lexing.emit(NAME_TAG, m.group(2));
    }
}
