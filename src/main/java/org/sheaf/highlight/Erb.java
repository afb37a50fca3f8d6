package org.sheaf.highlight;

import static org.sheaf.highlight.TokenType.*;

/**
 * ERB as Rouge colours it: HTML with {@code <% %>} tags of Ruby. The tags are preprocessor marks,
 * a {@code <%# %>} tag is a comment, and the Ruby of all the tags is lexed as one program, so a
 * block opened in one tag and closed in another reads as Ruby reads it.
 */
final class Erb extends Language {
    private static final Grammar GRAMMAR = new Grammar();
    private static final Language HTML = new Html();
    private static final Language RUBY = new Ruby();

    static {
        Grammar g = GRAMMAR;
        g.state("root")
                .rule("<%#(?s:.*?)(?:%>|\\z)", COMMENT)
                .rule("<%[-=%]?", COMMENT_PREPROC, "ruby")
                .rule("(?s).+?(?=<%|\\z)", (m, lexing) -> lexing.delegate(HTML, m.group()));
        g.state("ruby")
                .rule("(?s)(.*?)(-?%>)", (m, lexing) -> {
                    lexing.delegate(RUBY, m.group(1));
                    lexing.emit(COMMENT_PREPROC, m.group(2));
                }, "#pop")
                .rule("(?s).+", (m, lexing) -> lexing.delegate(RUBY, m.group()), "#pop");
    }

    Erb() {
        super("erb", "eruby", "rhtml");
    }

    @Override
    Grammar grammar() {
        return GRAMMAR;
    }
}
