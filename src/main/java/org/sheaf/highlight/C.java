package org.sheaf.highlight;

import static org.sheaf.highlight.Grammar.BLOCK_COMMENT;
import static org.sheaf.highlight.Grammar.groups;
import static org.sheaf.highlight.TokenType.*;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * C as Rouge colours it: preprocessor lines (an include's file apart), keywords, types, a
 * function's name where it is defined or declared, labels, characters and strings with escapes.
 * {@link Cpp} adds C++'s words to the same rules.
 */
class C extends Language {
    private static final Grammar GRAMMAR = grammar(false);
    /** Types, qualifiers and stars only: what may stand before a function's name on its line. */
    private static final Pattern DECLARATION_PREFIX = Pattern.compile("[ \\t]*(?:(?:[a-zA-Z_]\\w*|\\*)[ \\t]*)+");
    private static final Set<String> STATEMENT_WORDS = Set.of("return", "else", "case");

    static final String KEYWORDS = "auto|break|case|const|continue|default|do|else|enum|extern|for|goto|if|register|restrict"
            + "|return|sizeof|static|struct|switch|typedef|union|volatile|while|_Alignas|_Alignof|_Noreturn"
            + "|_Static_assert|_Thread_local";
    static final String TYPES = "int|long|float|short|double|char|unsigned|signed|void|_Bool|_Complex|_Imaginary|FILE"
            + "|size_t|ssize_t|ptrdiff_t|wchar_t|u?int(?:8|16|32|64|ptr|max)_t|u?int_(?:least|fast)(?:8|16|32|64)_t|off_t"
            + "|time_t|va_list|intptr_t|uintptr_t|bool";

    C() {
        super("c");
    }

    C(String name, String... aliases) {
        super(name, aliases);
    }

    @Override
    Grammar grammar() {
        return GRAMMAR;
    }

    /** The rules of C, or of C++ when {@code cpp}: the two differ in their words and in what a function is. */
    static Grammar grammar(boolean cpp) {
        Grammar g = new Grammar();
        String keywords = cpp ? KEYWORDS + "|asm|catch|class|const_cast|constexpr|decltype|delete|dynamic_cast|explicit"
                + "|export|friend|mutable|namespace|new|noexcept|operator|private|protected|public|reinterpret_cast"
                + "|static_assert|static_cast|template|this|throw|try|typeid|typename|using|virtual|override|final"
                + "|co_await|co_return|co_yield|concept|requires|alignas|alignof|thread_local|char8_t"
                : KEYWORDS;
        String types = cpp ? TYPES : TYPES.replace("|bool", "");
        g.state("root")
                .rule("^([ \\t]*)(#[ \\t]*include)([ \\t]*)(<[^>\\n]*>|\"[^\"\\n]*\")(.*\\n?)",
                        groups(TEXT, COMMENT_PREPROC, TEXT, COMMENT_PREPROC_FILE, COMMENT_PREPROC))
                .rule("^[ \\t]*#", COMMENT_PREPROC, "preprocessor")
                .rule("\\s+", TEXT)
                .slashComments()
                .rule("^([ \\t]*)([a-zA-Z_]\\w*:)(?!:)", groups(TEXT, NAME_LABEL))
                .rule(cpp ? "(typename|class)(\\s+)([a-zA-Z_]\\w*)(?:(\\s*)(>)|(?=\\s*[,=]))" : "(?!)",
                        groups(KEYWORD, TEXT, NAME_CLASS, TEXT, PUNCTUATION))
                .rule(cpp ? "(class|struct)(\\s+)([a-zA-Z_]\\w*)" : "(?!)", groups(KEYWORD, TEXT, NAME_CLASS))
                .rule("case\\b", KEYWORD, "case")
                .rule("(?:" + keywords + ")\\b", KEYWORD)
                .rule("inline\\b", KEYWORD_RESERVED)
                .rule("(?:" + types + ")\\b", KEYWORD_TYPE)
                .rule("(?:NULL|true|false" + (cpp ? "|nullptr" : "") + ")\\b", NAME_BUILTIN)
                .rule("[a-zA-Z_]\\w*(?=\\s*\\()", cpp ? C::cppCall : C::call)
                .rule("(?:L|u8|u|U)?\"", STRING, "string")
                .rule("(?:L|u8|u|U)?'(?:\\\\.|\\\\[0-7]{1,3}|\\\\x[0-9a-fA-F]+|[^'\\\\\\n])'", STRING_CHAR)
                .rule("[a-zA-Z_]\\w*", NAME)
                .rule("0[xX][0-9a-fA-F]+[uUlL]*", NUMBER_HEX)
                .rule("0[0-7]+[uUlL]*", NUMBER_OCT)
                .rule(cpp ? "(?:\\d+\\.\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?[fFlL]?|\\d+[eE][+-]?\\d+[fFlL]?"
                        // a C float, as Rouge reads it, has an exponent; `1.5` is two integers and a point
                        : "(?:\\d+\\.\\d*|\\.?\\d+)[eE][+-]?\\d+[lLuU]*", NUMBER_FLOAT)
                .rule("\\d+[uUlL]*", NUMBER_INTEGER)
                .rule("::|->|\\+\\+|--|<<=?|>>=?|&&|\\|\\||[-+*/%&|^!=<>]=|[-+*/%&|^!=<>~?:]", OPERATOR)
                .rule("[()\\[\\]{},;.]", PUNCTUATION);
        // the colon that ends a case label is punctuation, not the operator of `?:`
        g.state("case")
                .rule("::", OPERATOR)
                .rule(":", PUNCTUATION, "#pop")
                .include("root");
        g.state("preprocessor")
                .rule(BLOCK_COMMENT, COMMENT_MULTILINE)
                .rule("//.*", COMMENT_SINGLE)
                .rule("\\\\\\n|[^\\n/\\\\]+|/|\\\\", COMMENT_PREPROC)
                .rule("\\n", COMMENT_PREPROC, "#pop");
        g.state("string")
                .rule("\"", STRING, "#pop")
                .rule("\\\\(?:[\\\\abfnrtv\"'?]|x[0-9a-fA-F]+|[0-7]{1,3}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})", STRING_ESCAPE)
                .rule("[^\\\\\"\\n]+|\\\\\\n|\\\\", STRING);
        return g;
    }

    /** Whether the names before this one on its line are only types, qualifiers and stars. */
    private static boolean declaration(Lexing lexing, int start) {
        String text = lexing.text();
        int lineStart = text.lastIndexOf('\n', start - 1) + 1;
        String before = text.substring(lineStart, start);
        if (before.isBlank() && lineStart > 0) {
            // the return type may stand alone on the line before (`int\nmain(void)`)
            before = text.substring(text.lastIndexOf('\n', lineStart - 2) + 1, lineStart - 1);
        }
        return DECLARATION_PREFIX.matcher(before).matches() && !STATEMENT_WORDS.contains(before.strip());
    }

    private static void call(Matcher m, Lexing lexing) {
        lexing.emit(declaration(lexing, m.start()) ? NAME_FUNCTION : NAME, m.group());
    }

    /** C++ as Rouge reads it names a function only until the first block opens. */
    private static void cppCall(Matcher m, Lexing lexing) {
        boolean early = lexing.text().lastIndexOf('{', m.start()) < 0;
        lexing.emit(early && declaration(lexing, m.start()) ? NAME_FUNCTION : NAME, m.group());
    }
}
