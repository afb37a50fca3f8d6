package org.sheaf.highlight;

import static org.sheaf.highlight.Grammar.groups;
import static org.sheaf.highlight.Grammar.wordSet;
import static org.sheaf.highlight.TokenType.*;

import java.util.Set;
import java.util.regex.Matcher;

/**
 * JavaScript as Rouge colours it: declarations ({@code var}, {@code function}, {@code class}) apart
 * from other keywords, every name {@code nx}, the standard globals as builtins, quotes as
 * delimiters of their strings, template literals with {@code ${}} parts, an object literal's keys
 * as attributes and a statement's label as a label, and a {@code /} read as a regex where a value
 * is expected.
 */
class JavaScript extends Language {
    private static final String IDENT = "[$a-zA-Z_][\\w$]*";
    private static final Grammar GRAMMAR = grammar(false, JavaScript::name);

    /**
     * JavaScript's rules; TypeScript's add its decorators and an optional member's {@code ?:},
     * and name words through its own table.
     */
    static Grammar grammar(boolean typescript, Grammar.Action name) {
        Grammar g = new Grammar();
        String colon = typescript ? "\\??:" : ":";
        g.state("root")
                .rule("\\A#!.*\\n?", COMMENT_PREPROC);
        if (typescript) {
            g.state("root").rule("(@)(" + IDENT + ")", groups(PUNCTUATION, NAME_DECORATOR));
        }
        g.state("root")
                .include("common")
                .rule("\\{", typescript ? JavaScript::openBraceTyped : JavaScript::openBrace)
                .rule("\\}", PUNCTUATION, "#pop");
        g.state("object")
                .rule(IDENT + "(?=\\s*" + colon + "(?!:))", NAME_ATTRIBUTE)
                .include("root");
        g.state("common")
                .rule("\\s+", TEXT)
                .slashComments()
                .rule("\"", STRING_DELIMITER, "dq")
                .rule("'", STRING_DELIMITER, "sq")
                .rule("`", STRING_DOUBLE, "template")
                .rule("/(?![/*])", JavaScript::slash)
                .rule("0[xX][0-9a-fA-F]+", NUMBER_HEX)
                .rule("0[bB][01]+", NUMBER_BIN)
                .rule("0[oO][0-7]+", NUMBER_OCT)
                .rule("\\d+\\.\\d+(?:[eE]\\d+)?", NUMBER_FLOAT)
                .rule("\\d+", NUMBER_INTEGER)
                .rule(IDENT + "(?=\\s*" + colon + "(?!:))", label(name))
                .rule(IDENT, name)
                .rule(">>>=?|\\*\\*=?|&&=?|\\|\\|=?|\\?\\?=?|===?|!==?|=>|<<=?|>>=?|<=|>=|\\+\\+|--|[-+*/%&|^]=|[-+*/%&|^~<>=!]",
                        OPERATOR)
                .rule("\\.\\.\\.|\\?\\.|[()\\[\\];,.:?]", PUNCTUATION);
        g.state("dq")
                .rule("[^\"\\\\]+", STRING_DOUBLE)
                .rule("\\\\.|\\\\", STRING_ESCAPE)
                .rule("\"", STRING_DELIMITER, "#pop");
        g.state("sq")
                .rule("[^'\\\\]+", STRING_SINGLE)
                .rule("\\\\.|\\\\", STRING_ESCAPE)
                .rule("'", STRING_DELIMITER, "#pop");
        g.state("template")
                .rule("[^`\\\\$]+|\\$(?!\\{)", STRING_DOUBLE)
                .rule("\\\\.|\\\\", STRING_ESCAPE)
                .rule("\\$\\{", PUNCTUATION, "interpolation")
                .rule("`", STRING_DOUBLE, "#pop");
        g.state("interpolation")
                .rule("\\}", PUNCTUATION, "#pop")
                .rule("\\{", PUNCTUATION)
                .include("common");
        g.state("regex")
                .rule("[^/\\\\\\[\\n]+", STRING_REGEX)
                .rule("\\\\.", STRING_ESCAPE)
                .rule("\\[(?:[^\\]\\\\\\n]|\\\\.)*\\]", STRING_REGEX)
                .rule("/[a-z]*", STRING_REGEX, "#pop")
                .rule("", TEXT, "#pop");
        return g;
    }

    private static final Set<String> KEYWORDS = wordSet("await", "async", "break", "case", "catch", "continue", "debugger", "default",
            "delete", "do", "else", "export", "finally", "for", "from", "if", "import", "in", "instanceof", "new", "of",
            "return", "super", "switch", "this", "throw", "try", "typeof", "void", "while", "yield", "as");
    private static final Set<String> DECLARATIONS = wordSet("var", "let", "const", "function", "class", "extends", "static",
            "constructor", "get", "set", "with");
    private static final Set<String> RESERVED = wordSet("enum", "implements", "interface", "package", "private", "protected", "public");
    private static final Set<String> CONSTANTS = wordSet("true", "false", "null", "undefined", "NaN", "Infinity");
    private static final Set<String> BUILTINS = wordSet("Array", "Boolean", "Date", "Error", "Function", "Math", "Number", "Object",
            "RegExp", "String", "Symbol", "Map", "Set", "WeakMap", "WeakSet", "Promise", "Proxy", "Reflect",
            "ArrayBuffer", "DataView", "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array",
            "Int32Array", "Uint32Array", "Float32Array", "Float64Array", "window", "document", "navigator", "self",
            "eval", "isFinite", "isNaN", "parseFloat", "parseInt", "encodeURI", "decodeURI", "encodeURIComponent",
            "decodeURIComponent");

    JavaScript() {
        super("javascript", "js");
    }

    JavaScript(String name, String... aliases) {
        super(name, aliases);
    }

    @Override
    Grammar grammar() {
        return GRAMMAR;
    }

    static TokenType classify(String word) {
        if (KEYWORDS.contains(word)) {
            return KEYWORD;
        }
        if (DECLARATIONS.contains(word)) {
            return KEYWORD_DECLARATION;
        }
        if (RESERVED.contains(word)) {
            return KEYWORD_RESERVED;
        }
        if (CONSTANTS.contains(word)) {
            return KEYWORD_CONSTANT;
        }
        if (BUILTINS.contains(word)) {
            return NAME_BUILTIN;
        }
        return NAME_OTHER;
    }

    private static void name(Matcher m, Lexing lexing) {
        lexing.emit(classify(m.group()), m.group());
    }

    /**
     * A name before a colon labels a statement only where a statement starts; elsewhere (an
     * argument or parameter with a type after it) it is a name like any other.
     */
    private static Grammar.Action label(Grammar.Action name) {
        return (m, lexing) -> {
            Tokens.Last last = lexing.last();
            String v = last == null ? ";" : last.value();
            if (last == null || last.type() == PUNCTUATION && ";{}".indexOf(v.charAt(v.length() - 1)) >= 0) {
                lexing.emit(NAME_LABEL, m.group());
            } else {
                name.apply(m, lexing);
            }
        };
    }

    private static void openBrace(Matcher m, Lexing lexing) {
        openBrace(lexing, false);
    }

    /** In TypeScript a brace after a parameter's colon starts a type, written as a block is. */
    private static void openBraceTyped(Matcher m, Lexing lexing) {
        openBrace(lexing, true);
    }

    private static void openBrace(Lexing lexing, boolean typed) {
        Tokens.Last last = lexing.last();
        lexing.emit(PUNCTUATION, "{");
        boolean object = false;
        if (last != null) {
            String v = last.value();
            char c = v.charAt(v.length() - 1);
            boolean annotation = typed && c == ':' && !lexing.state().equals("object");
            object = last.type() == PUNCTUATION && "(,[:?{".indexOf(c) >= 0 && !annotation
                    || last.type() == OPERATOR && !v.equals("=>")
                    // after any keyword or declaration a value may start, so Rouge reads the
                    // brace as an object's (`export default {`, `const { a: b } = c`)
                    || last.type() == KEYWORD || last.type() == KEYWORD_DECLARATION;
        }
        lexing.push(object ? "object" : "root");
    }

    /** A value may start here: nothing before, an operator, opening punctuation or a keyword. */
    static boolean valueExpected(Lexing lexing) {
        Tokens.Last last = lexing.last();
        if (last == null) {
            return true;
        }
        String v = last.value();
        char c = v.charAt(v.length() - 1);
        return switch (last.type()) {
            case OPERATOR, KEYWORD, KEYWORD_DECLARATION -> true;
            case PUNCTUATION -> c != ')' && c != ']' && c != '}';
            default -> last.type().name().startsWith("COMMENT");
        };
    }

    private static void slash(Matcher m, Lexing lexing) {
        if (valueExpected(lexing)) {
            lexing.emit(STRING_REGEX, "/");
            lexing.push("regex");
        } else if (lexing.continuesWith("=")) {
            lexing.emit(OPERATOR, "/=");
            lexing.moveTo(lexing.position() + 1);
        } else {
            lexing.emit(OPERATOR, "/");
        }
    }
}
