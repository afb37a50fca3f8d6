package org.sheaf.highlight;

import static org.sheaf.highlight.Grammar.groups;
import static org.sheaf.highlight.Grammar.wordSet;
import static org.sheaf.highlight.TokenType.*;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rust as Rouge colours it: attributes and macro calls as decorators, a path's leading segments as
 * namespaces, lifetimes as variables, a field after its dot as a property and a method call with
 * its dot as a function, {@code ->} and {@code =>} as keywords, and the prelude's types and traits
 * as builtins.
 */
final class Rust extends Language {
    private static final Grammar GRAMMAR = new Grammar();
    private static final String IDENT = "[a-zA-Z_][a-zA-Z0-9_]*";
    private static final String INT_SUFFIX = "(?:_?[iu](?:8|16|32|64|128|size))?";
    private static final String FLOAT_SUFFIX = "(?:_?f(?:32|64))";
    private static final String EXPONENT = "[eE][+-]?[\\d_]+";
    private static final Set<String> KEYWORDS = wordSet("as", "async", "await", "break", "const",
            "continue", "crate", "dyn", "else", "enum", "extern", "false", "fn", "for", "if", "impl", "in", "let",
            "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "self", "Self", "static", "struct",
            "super", "trait", "true", "type", "unsafe", "use", "where", "while", "yield", "box", "union", "try",
            "abstract", "become", "do", "final", "macro", "override", "priv", "typeof", "unsized", "virtual");
    private static final Set<String> BUILTINS = wordSet("Option", "Result", "Vec", "String", "Box", "Rc",
            "Arc", "Some", "None", "Ok", "Err", "Default", "Clone", "Copy", "Send", "Sync", "Sized", "Unpin",
            "Iterator", "IntoIterator", "ExactSizeIterator", "DoubleEndedIterator", "Extend", "Fn", "FnMut",
            "FnOnce", "Drop", "PartialEq", "Eq", "PartialOrd", "Ord", "AsRef", "AsMut", "Into", "From", "i8", "i16",
            "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize", "f32", "f64", "char",
            "bool", "str");
    private static final Pattern CALL = Pattern.compile("\\s*\\(");

    static {
        Grammar g = GRAMMAR;
        g.state("root")
                .rule("\\s+", TEXT)
                .rule("//[/!](?!/).*", COMMENT_DOC)
                .slashComments()
                .rule("#!?\\[", NAME_DECORATOR, "attribute")
                .rule("b?r(#*)\"(?s:.*?)\"\\1", STRING)
                .rule("b?\"", STRING, "string")
                .rule("b?'(?:\\\\u\\{[0-9a-fA-F_]+\\}|\\\\x[0-9a-fA-F]{2}|\\\\.|[^\\\\'])'", STRING_CHAR)
                .rule("'static\\b", KEYWORD)
                .rule("'" + IDENT, NAME_VARIABLE)
                .rule("0x[0-9a-fA-F_]+" + INT_SUFFIX + "|0o[0-7_]+" + INT_SUFFIX + "|0b[01_]+" + INT_SUFFIX, NUMBER_INTEGER)
                .rule("\\d[\\d_]*(?:\\.\\d[\\d_]*(?:" + EXPONENT + ")?" + FLOAT_SUFFIX + "?|" + EXPONENT + FLOAT_SUFFIX
                        + "?|" + FLOAT_SUFFIX + "|\\.(?![.\\w]))", NUMBER_FLOAT)
                .rule("\\d[\\d_]*" + INT_SUFFIX, NUMBER_INTEGER)
                .rule("(fn)(\\s+)(" + IDENT + ")(?=\\s*\\()", groups(KEYWORD, TEXT, NAME_FUNCTION))
                .rule(IDENT + "!(?!=)(?=\\s*[(\\[{])", NAME_DECORATOR, "macro-open")
                .rule(IDENT + "!(?!=)", NAME_DECORATOR)
                .rule("\\.\\.\\.|\\.\\.=?", OPERATOR)
                .rule("\\.await\\b", KEYWORD)
                .rule("\\." + IDENT + "(?=\\s*\\()", NAME_FUNCTION)
                .rule("\\." + IDENT, NAME_PROPERTY)
                .rule("\\.\\d+", NAME_ATTRIBUTE)
                .rule(IDENT + "(?=::)", Rust::pathSegment)
                .rule(IDENT, Rust::name)
                .rule("->|=>", KEYWORD)
                .rule("::|[|(){}\\[\\];,:.]", PUNCTUATION)
                .rule("[-+*/%=<>!&^?@~]", OPERATOR);
        // inside a macro's arguments Rouge reads true and false as constants
        g.state("macro-open")
                .rule("\\s+", TEXT)
                .rule("[(\\[{]", PUNCTUATION, "#pop", "macro");
        g.state("macro")
                .rule("[(\\[{]", PUNCTUATION, "#push")
                .rule("[)\\]}]", PUNCTUATION, "#pop")
                .rule("(?:true|false)\\b", KEYWORD_CONSTANT)
                .include("root");
        g.state("attribute")
                .rule("\\s+", TEXT)
                .rule("\"", STRING, "string")
                .rule("\\]", NAME_DECORATOR, "#pop")
                .rule("[^\\s\"\\]]+", NAME_DECORATOR);
        g.state("string")
                .rule("[^\"\\\\]+", STRING)
                .rule("\\\\(?:[nrt\\\\0'\"]|x[0-9a-fA-F]{2}|u\\{[0-9a-fA-F_]+\\})", STRING_ESCAPE)
                .rule("\\\\", STRING)
                .rule("\"", STRING, "#pop");
    }

    Rust() {
        // rustdoc's fence attributes are aliases of Rouge's, so ```rust,no_run is Rust
        super("rust", "rs", "rust,no_run", "rs,no_run", "rust,ignore", "rs,ignore", "rust,should_panic", "rs,should_panic");
    }

    @Override
    Grammar grammar() {
        return GRAMMAR;
    }

    private static void pathSegment(Matcher m, Lexing lexing) {
        lexing.emit(KEYWORDS.contains(m.group()) ? KEYWORD : NAME_NAMESPACE, m.group());
    }

    /** A name about to be called is a function, whatever else it is. */
    private static void name(Matcher m, Lexing lexing) {
        String word = m.group();
        TokenType type;
        if (KEYWORDS.contains(word)) {
            type = KEYWORD;
        } else if (lexing.ahead(CALL)) {
            type = NAME_FUNCTION;
        } else if (BUILTINS.contains(word)) {
            type = NAME_BUILTIN;
        } else {
            type = NAME;
        }
        lexing.emit(type, word);
    }
}
