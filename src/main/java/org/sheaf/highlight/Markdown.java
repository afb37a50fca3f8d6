package org.sheaf.highlight;

import static org.sheaf.highlight.Grammar.groups;
import static org.sheaf.highlight.TokenType.*;

import java.util.regex.Matcher;

/**
 * Markdown as Rouge colours it: front matter as YAML, headings, list and quote marks, emphasis,
 * code spans and blocks (a fenced block in its own language), links and images, and inline HTML.
 */
final class Markdown extends Language {
    private static final Grammar GRAMMAR = new Grammar();
    private static final Language YAML = new Yaml();
    private static final Language HTML = new Html();

    static {
        GRAMMAR.state("root")
                .rule("\\A(---)(\\n)((?s:.*?\\n))(---)(?=\\n|\\z)", Markdown::frontMatter)
                .rule("^(\\s*)(```|~~~)([^\\n]*\\n)((?s:.*?))(^[ \\t]*\\2)", Markdown::fence)
                .rule("^#(?!#).*", GENERIC_HEADING)
                .rule("^##+.*", GENERIC_SUBHEADING)
                .rule("^[^\\s\\n][^\\n]*\\n(?:=+|-+)[ \\t]*\\n", GENERIC_HEADING)
                .rule("^\\s*(?:-{3,}|\\*{3,}|_{3,})[ \\t]*\\n", PUNCTUATION)
                .rule("^\\s*(?:[*+-]|\\d+\\.)(?=\\s)", PUNCTUATION)
                .rule("^\\s*>.*", GENERIC_TRACEBACK)
                .rule("\\n\\n(?:(?: {4}|\\t).*\\n)+\\n?", STRING_BACKTICK)
                .rule("^(\\[)([^\\]\\n]+)(\\]:)([ \\t]*)(\\S+)", groups(PUNCTUATION, STRING_SYMBOL, PUNCTUATION, TEXT,
                        STRING_OTHER))
                .rule("\\*\\*[^*\\n]+\\*\\*", GENERIC_STRONG)
                .rule("\\*[^*\\n]+\\*", GENERIC_EMPH)
                // Rouge's plain text runs over underscores, so `_a_` is emphasis only where a
                // token of its own has just ended: at a line's start, or after code, a star, a
                // link or a tag
                .rule("(?<![^\\n*`\\]>;])__(?:\\\\.|[^\\\\\\n])*?__", GENERIC_STRONG)
                .rule("(?<![^\\n*`\\]>;])_(?:\\\\.|[^\\\\\\n])*?_", GENERIC_EMPH)
                .rule("`[^`\\n]+`", STRING_BACKTICK)
                .rule("\\\\.", STRING_ESCAPE)
                .rule("<(?:https?|ftp|mailto):[^>\\s]+>", NAME_VARIABLE)
                .rule("</?[a-zA-Z][^>]*>", (m, lexing) -> lexing.delegateFresh(HTML, m.group()))
                // the spaces after a link are the link's, so an emphasis may start after them
                .rule("(!?\\[)([^\\]\\n]*)(\\]\\()([^)\\s]*)(?:(\\s+)(\"[^\"]*\"))?(\\))([ \\t]*)"
                        + "(__(?:\\\\.|[^\\\\\\n])*?__)?(_(?:\\\\.|[^\\\\\\n])*?_)?",
                        groups(PUNCTUATION, NAME_VARIABLE, PUNCTUATION, STRING_OTHER, TEXT, NAME_NAMESPACE, PUNCTUATION, TEXT,
                                GENERIC_STRONG, GENERIC_EMPH))
                .rule("(!?\\[)([^\\]\\n]*)(\\]\\[)([^\\]\\n]*)(\\])",
                        groups(PUNCTUATION, NAME_VARIABLE, PUNCTUATION, STRING_SYMBOL, PUNCTUATION))
                .rule("[^\\n*`\\\\\\[!<#>~_=+-]+|.|\\n", TEXT);
    }

    Markdown() {
        super("markdown", "md", "mkd");
    }

    @Override
    Grammar grammar() {
        return GRAMMAR;
    }

    private static void frontMatter(Matcher m, Lexing lexing) {
        lexing.emit(NAME_NAMESPACE, m.group(1));
        lexing.emit(TEXT, m.group(2));
        lexing.delegateFresh(YAML, m.group(3));
        lexing.emit(NAME_NAMESPACE, m.group(4));
    }

    private static void fence(Matcher m, Lexing lexing) {
        lexing.emit(TEXT, m.group(1));
        lexing.emit(PUNCTUATION, m.group(2));
        lexing.emit(NAME_LABEL, m.group(3));
        String language = m.group(3).strip();
        if (Highlighter.colours(language)) {
            lexing.delegateFresh(Highlighter.lexer(language), m.group(4));
        } else if (!language.isEmpty() && !Highlighter.knows(language)) {
            // Rouge marks a block in a language it does not know as one code string, up to its last line break
            String body = m.group(4);
            int end = body.endsWith("\n") ? body.length() - 1 : body.length();
            lexing.emit(STRING_BACKTICK, body.substring(0, end));
            lexing.emit(TEXT, body.substring(end));
        } else {
            lexing.emit(TEXT, m.group(4));
        }
        String close = m.group(5);
        int marker = close.indexOf(m.group(2));
        lexing.emit(TEXT, close.substring(0, marker));
        lexing.emit(PUNCTUATION, close.substring(marker));
    }
}
