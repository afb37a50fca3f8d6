package org.sheaf.highlight;

import static org.sheaf.highlight.Grammar.groups;
import static org.sheaf.highlight.Grammar.words;
import static org.sheaf.highlight.TokenType.*;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Java as Rouge colours it: modifiers and declarations {@code kd}, primitive types {@code kt},
 * capitalised names as classes and all-capital ones as constants, a member after {@code .} as
 * {@code na}, a name being declared before {@code (} as a function, annotations, and all
 * punctuation as operators.
 */
final class Java extends Language {
    private static final Grammar GRAMMAR = new Grammar();
    private static final String DIGITS = "(?:[0-9]_+[0-9]|[0-9])+";
    private static final Pattern CAPITALS = Pattern.compile("[A-Z][A-Z0-9_]*");

    static {
        GRAMMAR.state("root")
                .rule("\\s+", TEXT)
                .slashComments()
                .rule("(package|import)(\\s+)([\\w.]+\\*?)", groups(KEYWORD_NAMESPACE, TEXT, NAME_NAMESPACE))
                .rule("@[a-zA-Z_][\\w.]*", NAME_DECORATOR)
                .rule("(\\.)(\\s*)([a-zA-Z_]\\w*)", groups(OPERATOR, TEXT, NAME_ATTRIBUTE))
                .rule("(?:assert|break|case|catch|continue|default|do|else|finally|for|if|goto|instanceof|new|return"
                        + "|switch|this|throw|try|while)\\b", KEYWORD)
                // the name after `class` or `interface` is a class's, whatever its case
                .rule("(class|interface)(\\s+)([a-zA-Z_]\\w*)", groups(KEYWORD_DECLARATION, TEXT, NAME_CLASS))
                .rule(words("public", "private", "protected", "static", "final", "abstract", "class", "interface", "enum",
                        "implements", "extends", "throws", "super", "const", "synchronized", "transient", "volatile", "native", "strictfp"),
                        KEYWORD_DECLARATION)
                .rule(words("boolean", "byte", "char", "double", "float", "int", "long", "short", "void", "var"), KEYWORD_TYPE)
                .rule(words("true", "false", "null"), KEYWORD_CONSTANT)
                .rule("[a-zA-Z_]\\w*:", NAME_LABEL)
                .rule("[a-zA-Z_$][\\w$]*(?=\\s*\\()", Java::call)
                .rule("[A-Z][A-Z0-9_]*\\b", NAME_CONSTANT)
                .rule("[A-Z][\\w$]*", NAME_CLASS)
                .rule("[a-zA-Z_$][\\w$]*", NAME)
                .rule("'(?:\\\\.|[^'\\\\\\n]++)+'", STRING_CHAR)
                .rule("\"(?:[^\"\\\\]++|\\\\.)*+\"", STRING)
                // numbers as Rouge reads them: a float has digits on both sides of its point and an
                // unsigned exponent; only a decimal takes a suffix `L`; underscores only between digits
                .rule(DIGITS + "\\." + DIGITS + "(?:[eE]" + DIGITS + ")?[fd]?", NUMBER_FLOAT)
                .rule("0[bB](?:[01]_+[01]|[01])+", NUMBER_BIN)
                .rule("0[xX](?:[0-9a-fA-F]_+[0-9a-fA-F]|[0-9a-fA-F])+", NUMBER_HEX)
                .rule("0(?:[0-7]_+[0-7]|[0-7])+", NUMBER_OCT)
                .rule(DIGITS + "L?", NUMBER_INTEGER)
                .rule("[~^*!%&\\[\\](){}<>|+=:;,/?-]+|\\.\\.\\.|\\.", OPERATOR);
    }

    Java() {
        super("java");
    }

    @Override
    Grammar grammar() {
        return GRAMMAR;
    }

    /** A name before {@code (}: declared (after a type or modifier) it is a function, else a plain name. */
    private static void call(Matcher m, Lexing lexing) {
        Tokens.Last last = lexing.last();
        boolean declared = last != null && switch (last.type()) {
            case KEYWORD_DECLARATION, KEYWORD_TYPE, NAME_CLASS, NAME, NAME_CONSTANT -> true;
            case OPERATOR -> last.value().endsWith(">") || last.value().endsWith("[]");
            default -> false;
        };
        String word = m.group();
        if (declared) {
            lexing.emit(NAME_FUNCTION, word);
        } else if (CAPITALS.matcher(word).matches()) {
            lexing.emit(NAME_CONSTANT, word);
        } else {
            lexing.emit(Character.isUpperCase(word.charAt(0)) ? NAME_CLASS : NAME, word);
        }
    }
}
