package org.sheaf.highlight;

import static org.sheaf.highlight.Grammar.groups;
import static org.sheaf.highlight.Grammar.wordSet;
import static org.sheaf.highlight.TokenType.*;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kotlin as Rouge colours it: declarations ({@code class}, {@code val}) apart from other keywords,
 * a declared property as a property, every capitalised name as a class, a lower-case name about to
 * be called or given a lambda as a function, strings whole (templates included), annotations and
 * labels as decorators, and most operators as punctuation.
 */
final class Kotlin extends Language {
    private static final Grammar GRAMMAR = new Grammar();
    private static final String IDENT = "(?:[a-zA-Z_][a-zA-Z0-9_]*|`[^`\\n]+`)";
    private static final Set<String> KEYWORDS = wordSet("abstract", "annotation", "as", "break", "by",
            "catch", "companion", "const", "constructor", "continue", "crossinline", "do", "dynamic", "else",
            "enum", "external", "false", "final", "finally", "for", "get", "if", "import", "in", "infix", "inline",
            "inner", "internal", "is", "lateinit", "noinline", "null", "open", "operator", "out", "override",
            "package", "private", "protected", "public", "reified", "return", "sealed", "set", "super", "suspend",
            "tailrec", "this", "throw", "true", "try", "typealias", "vararg", "when", "where", "while", "fun",
            "class", "interface", "object", "val", "var");
    private static final Pattern CALL = Pattern.compile("\\s*[({]");

    static {
        Grammar g = GRAMMAR;
        g.state("root")
                .rule("\\s+", TEXT)
                .slashComments()
                .rule("(package|import)(\\s+)(\\w+(?:\\.\\w+)*(?:\\.\\*)?)", groups(KEYWORD, TEXT, NAME_NAMESPACE))
                .rule("\"\"\"(?s:.*?)\"\"\"", STRING)
                .rule("\"(?:[^\"\\\\\\n]|\\\\.)*\"", STRING)
                .rule("'(?:\\\\u[0-9a-fA-F]{4}|\\\\.|[^\\\\'\\n])'", STRING_CHAR)
                .rule("0[xX][0-9a-fA-F_]+[uU]?L?", NUMBER_HEX)
                .rule("0[bB][01_]+[uU]?L?", NUMBER_BIN)
                .rule("(?:\\d[\\d_]*)?\\.\\d[\\d_]*(?:[eE][+-]?\\d+)?[fF]?|\\d[\\d_]*(?:[eE][+-]?\\d+[fF]?|[fF])",
                        NUMBER_FLOAT)
                .rule("\\d[\\d_]*[uU]?L?", NUMBER_INTEGER)
                .rule("(return|break|continue)(@" + IDENT + ")", groups(KEYWORD, NAME_DECORATOR))
                .rule("@(?=" + IDENT + ":)", ERROR)
                .rule("@" + IDENT, NAME_DECORATOR)
                .rule(IDENT + "@", NAME_DECORATOR)
                .rule("data\\s+class\\b", KEYWORD_DECLARATION)
                .rule("(companion)(\\s+)(object)\\b", groups(KEYWORD, TEXT, KEYWORD))
                .rule("(object)(\\s+)(?=[^\\w\\s])", groups(KEYWORD_DECLARATION, TEXT), "object-name")
                .rule("(class|interface|object)(\\s+)(" + IDENT + ")", groups(KEYWORD_DECLARATION, TEXT, NAME_CLASS))
                .rule("(class)(?=\\s*[;)}\\n]|$)", KEYWORD)
                .rule("(?:class|interface|object)\\b", KEYWORD_DECLARATION)
                .rule("(val|var)(\\s+)(" + IDENT + ")", groups(KEYWORD_DECLARATION, TEXT, NAME_PROPERTY))
                .rule("(val|var)(\\s*)(\\()", groups(KEYWORD_DECLARATION, TEXT, PUNCTUATION), "destructuring")
                .rule("fun\\b", KEYWORD, "function")
                .rule(IDENT, Kotlin::name)
                .rule("\\?\\.|\\?:|!!|\\.\\.|::", OPERATOR)
                .rule("[-+*/%=<>!&|^~?:;,.(){}\\[\\]]", PUNCTUATION)
                .rule("@", ERROR);
        // Rouge expects a name after object and marks what stands there instead as errors
        g.state("object-name")
                .rule(IDENT, NAME_CLASS, "#pop")
                .rule("[^\\w]", ERROR);
        g.state("destructuring")
                .rule("\\s+", TEXT)
                .rule(IDENT, NAME_PROPERTY)
                .rule(",", PUNCTUATION)
                .rule("\\)", PUNCTUATION, "#pop")
                .rule("", TEXT, "#pop");
        g.state("function")
                .rule("\\s+", TEXT)
                .rule("<", PUNCTUATION, "generics")
                .rule("(" + IDENT + ")(\\.)", groups(NAME_CLASS, PUNCTUATION))
                .rule(IDENT, NAME_FUNCTION, "#pop")
                .rule("", TEXT, "#pop");
        g.state("generics")
                .rule(">", PUNCTUATION, "#pop")
                .include("root");
    }

    Kotlin() {
        super("kotlin");
    }

    @Override
    Grammar grammar() {
        return GRAMMAR;
    }

    private static void name(Matcher m, Lexing lexing) {
        String word = m.group();
        TokenType type;
        if (KEYWORDS.contains(word)) {
            type = KEYWORD;
        } else if (Character.isUpperCase(word.charAt(0))) {
            type = NAME_CLASS;
        } else if (lexing.ahead(CALL)) {
            type = NAME_FUNCTION;
        } else {
            type = NAME;
        }
        lexing.emit(type, word);
    }
}
