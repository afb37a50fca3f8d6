package org.sheaf.highlight;

import static org.sheaf.highlight.Grammar.groups;
import static org.sheaf.highlight.Grammar.wordSet;
import static org.sheaf.highlight.TokenType.*;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Swift as Rouge colours it: declarations and modifiers ({@code func}, {@code private}) apart from
 * other keywords, attributes as declarations, every capitalised name as a type, a name bound by
 * {@code let} or {@code var} or standing before a colon (a parameter, an argument's label) as a
 * variable, and string interpolation {@code \( )} marked as an escape.
 */
final class Swift extends Language {
    private static final Grammar GRAMMAR = new Grammar();
    private static final String IDENT = "(?:[a-zA-Z_][a-zA-Z0-9_]*|`[^`\\n]+`)";
    private static final Set<String> KEYWORDS = wordSet("as", "async", "await", "break", "case", "catch",
            "continue", "default", "defer", "do", "else", "fallthrough", "for", "get", "guard", "if", "in",
            "inout", "is", "let", "mutating", "nonmutating", "operator", "override", "repeat", "rethrows",
            "return", "self", "Self", "set", "super", "switch", "throw", "throws", "try", "unowned", "var", "weak",
            "where", "while", "willSet", "didSet");
    private static final Set<String> DECLARATIONS = wordSet("associatedtype", "class", "convenience",
            "deinit", "dynamic", "enum", "extension", "fileprivate", "final", "func", "import", "indirect", "init",
            "internal", "lazy", "open", "private", "protocol", "public", "required", "some", "static", "struct",
            "subscript", "typealias");
    private static final Set<String> CONSTANTS = wordSet("nil", "true", "false");
    private static final Pattern LABEL = Pattern.compile("\\s*:(?!:)");
    private static final Pattern CALL = Pattern.compile("\\(");

    static {
        Grammar g = GRAMMAR;
        // A compiler directive (#if, #else, #endif, #warning) is a whole line of its own, but only
        // where Rouge is at a line's start: the text's first line, or after a run of whitespace
        // that starts with a line break, or after a line comment. Whitespace that starts with
        // spaces (a line with trailing spaces) does not count, and the # is then an error.
        g.state("bol")
                .rule("#.*", COMMENT_PREPROC)
                .rule("\\s+", TEXT)
                .rule(Grammar.BLOCK_COMMENT, COMMENT_MULTILINE)
                .rule("", TEXT, "#pop");
        g.state("root")
                .rule("\\n+", TEXT, "bol")
                .rule("//.*", COMMENT_SINGLE, "bol")
                .rule("\\s+", TEXT)
                .rule(Grammar.BLOCK_COMMENT, COMMENT_MULTILINE)
                .rule("\"\"\"", STRING, "triple")
                .rule("\"", STRING, "string")
                .rule("0x[0-9a-fA-F_]+", NUMBER_HEX)
                .rule("0b[01_]+", NUMBER_BIN)
                .rule("0o[0-7_]+", NUMBER_OCT)
                .rule("\\d[\\d_]*(?:\\.\\d[\\d_]*(?:[eE][+-]?\\d+)?|[eE][+-]?\\d+)", NUMBER_FLOAT)
                .rule("\\d[\\d_]*", NUMBER_INTEGER)
                .rule("\\$\\d+", NAME_VARIABLE)
                .rule("@" + IDENT, KEYWORD_DECLARATION)
                .rule("#available\\([^)]+\\)", KEYWORD_DECLARATION)
                .rule("(#(?:selector|keyPath)\\()([^)]+?(?:[(].*?[)])?)(\\))",
                        groups(KEYWORD_DECLARATION, NAME_FUNCTION, KEYWORD_DECLARATION))
                .rule("#(?:line|file|column|function|dsohandle)", KEYWORD_DECLARATION)
                .rule("private\\(set\\)", KEYWORD_DECLARATION)
                .rule("(as|try)([?!])", KEYWORD)
                .rule("(let|var)(\\s+)(" + IDENT + ")", groups(KEYWORD, TEXT, NAME_VARIABLE))
                .rule("(let|var)(\\s*)(\\()", groups(KEYWORD, TEXT, PUNCTUATION), "bindings")
                .rule("(func)(\\s+)(" + IDENT + ")", groups(KEYWORD_DECLARATION, TEXT, NAME_FUNCTION))
                .rule(IDENT, Swift::name)
                .rule("->|\\.\\.[.<]|[-+*/%=<>!&|^~.]", OPERATOR)
                .rule("[?(){}\\[\\],:;]", PUNCTUATION);
        g.state("bindings")
                .rule("\\s+", TEXT)
                .rule(IDENT, NAME_VARIABLE)
                .rule(",", PUNCTUATION)
                .rule("\\)", PUNCTUATION, "#pop")
                .rule("", TEXT, "#pop");
        g.state("string")
                .rule("[^\"\\\\\\n]+", STRING)
                .include("escapes")
                .rule("\"", STRING, "#pop")
                .rule("\\n", STRING, "#pop");
        g.state("triple")
                .rule("[^\"\\\\]+|\"(?!\"\")", STRING)
                .include("escapes")
                .rule("\"\"\"", STRING, "#pop");
        g.state("escapes")
                .rule("\\\\\\(", STRING_ESCAPE, "interpolation")
                .rule("\\\\(?:[0\\\\tnr\"']|u\\{[0-9a-fA-F]{1,8}\\})", STRING_ESCAPE)
                .rule("\\\\", STRING);
        g.state("interpolation")
                .rule("\\)", STRING_ESCAPE, "#pop")
                .rule("\\(", PUNCTUATION, "parenthesis")
                .include("root");
        g.state("parenthesis")
                .rule("\\)", PUNCTUATION, "#pop")
                .rule("\\(", PUNCTUATION, "#push")
                .include("root");
    }

    Swift() {
        super("swift");
    }

    @Override
    Grammar grammar() {
        return GRAMMAR;
    }

    /** Rouge starts Swift at the start of a line, where a directive may stand. */
    @Override
    Lexing start(Tokens out) {
        Lexing lexing = super.start(out);
        lexing.push("bol");
        return lexing;
    }

    private static void name(Matcher m, Lexing lexing) {
        String word = m.group();
        TokenType type;
        boolean call = lexing.ahead(CALL);
        if ((word.equals("init") || word.equals("subscript")) && call) {
            type = NAME_FUNCTION;
        } else if (CONSTANTS.contains(word)) {
            type = KEYWORD_CONSTANT;
        } else if (KEYWORDS.contains(word)) {
            type = KEYWORD;
        } else if (DECLARATIONS.contains(word)) {
            type = KEYWORD_DECLARATION;
        } else if (Character.isUpperCase(word.charAt(0))) {
            type = KEYWORD_TYPE;
        } else if (lexing.ahead(LABEL)) {
            type = NAME_VARIABLE;
        } else if (call) {
            type = NAME_FUNCTION;
        } else {
            type = NAME;
        }
        lexing.emit(type, word);
    }
}
