package org.sheaf.highlight;

import static org.sheaf.highlight.Grammar.BLOCK_COMMENT;
import static org.sheaf.highlight.Grammar.groups;
import static org.sheaf.highlight.Grammar.wordSet;
import static org.sheaf.highlight.TokenType.*;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * PHP as Rouge colours it. A text with a {@code <?} in it is a template: HTML around
 * {@code <?php ... ?>} blocks; any other text is PHP throughout. Variables, declarations, the
 * functions of PHP's library as builtins, a function's parameter and return types as types, names
 * by their case (a capitalised name is a class, an all-capitals one a constant), and a bare
 * {@code .} read as a number, as Rouge reads it.
 */
final class Php extends Language {
    private static final Grammar GRAMMAR = new Grammar();
    private static final Language HTML = new Html();
    private static final String IDENT = "[a-zA-Z_\\x7f-\\uffff][\\w\\x7f-\\uffff]*";
    private static final String QUALIFIED = IDENT + "(?:\\\\" + IDENT + ")*";
    private static final Set<String> KEYWORDS = wordSet("abstract", "and", "array", "as", "break", "case",
            "catch", "clone", "const", "continue", "declare", "default", "die", "do", "echo", "else", "elseif",
            "empty", "enddeclare", "endfor", "endforeach", "endif", "endswitch", "endwhile", "eval", "exit",
            "final", "finally", "fn", "for", "foreach", "function", "global", "goto", "if", "include",
            "include_once", "instanceof", "insteadof", "isset", "list", "match", "new", "or", "parent", "print",
            "private", "protected", "public", "readonly", "require", "require_once", "return", "self", "static",
            "switch", "throw", "try", "unset", "use", "var", "while", "xor", "yield", "__CLASS__", "__DIR__",
            "__FILE__", "__FUNCTION__", "__LINE__", "__METHOD__", "__NAMESPACE__", "__TRAIT__");
    /** The keywords in lowercase: PHP's keywords have no case ({@code ECHO}, {@code __class__}), as Rouge reads them. */
    private static final Set<String> ANY_CASE = KEYWORDS.stream().map(word -> word.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
    private static final Pattern CONSTANT = Pattern.compile("(?i:true|false|null)|(?:PHP|E)_[A-Z0-9_]+");
    /** PHP's library functions, lowercase: a call of one is a builtin, whatever its case. */
    private static final Set<String> BUILTIN = functions();
    private static final Pattern CALL = Pattern.compile("\\s*\\(");
    private static final Pattern PROPERTY = Pattern.compile("\\s+\\$");
    private static final Pattern CAPITALS = Pattern.compile("[A-Z][A-Z0-9]*_[A-Z0-9_]*|[A-Z]{2,}[A-Z0-9]*");
    private static final Set<String> MODIFIER = wordSet("private", "protected", "public", "readonly");

    static {
        Grammar g = GRAMMAR;
        g.state("root")
                .rule("\\A", (m, lexing) -> lexing.push(lexing.text().contains("<?") ? "template" : "php"));
        g.state("template")
                .rule("<\\?(?:php|=)?", COMMENT_PREPROC, "php")
                .rule("(?s).+?(?=<\\?|\\z)", (m, lexing) -> lexing.delegate(HTML, m.group()));
        g.state("php")
                .rule("\\?>", COMMENT_PREPROC, "#pop")
                .include("code");
        g.state("code")
                .rule("\\s+", TEXT)
                .rule("(?://|#).*?(?=\\?>|$)", COMMENT_SINGLE)
                .rule("/\\*\\*(?!/)(?s:.*?)(?:\\*/|\\z)", COMMENT_DOC)
                .rule(BLOCK_COMMENT, COMMENT_MULTILINE)
                .rule("<<<[ \\t]*([\"']?)(" + IDENT + ")\\1\\n(?s:.*?)\\n[ \\t]*\\2\\b;?", STRING_HEREDOC)
                .rule("\\$+" + IDENT, NAME_VARIABLE)
                .rule("((?i:namespace))(\\s+)(" + QUALIFIED + ")", groups(KEYWORD_NAMESPACE, TEXT, NAME_NAMESPACE))
                .rule("((?i:use))(\\s+)(" + QUALIFIED + ")", groups(KEYWORD_NAMESPACE, TEXT, NAME_CLASS))
                .rule("((?i:class|interface|trait|extends|implements))(\\s+)(" + QUALIFIED + ")",
                        groups(KEYWORD_DECLARATION, TEXT, NAME_CLASS))
                .rule("((?i:const))(\\s+)(" + IDENT + ")", groups(KEYWORD, TEXT, NAME_CONSTANT))
                .rule("((?i:new))(\\s+)(" + QUALIFIED + ")", groups(KEYWORD, TEXT, NAME_CLASS))
                .rule("(?i:function|fn)\\b", KEYWORD, "signature")
                .rule("(\\??->)(\\s*)(" + IDENT + ")(?=\\s*\\()", Php::methodCall)
                .rule("(\\??->)(\\s*)(" + IDENT + ")", groups(OPERATOR, TEXT, NAME))
                .rule("(::)(class)\\b", groups(OPERATOR, NAME))
                .rule("'(?:[^'\\\\]|\\\\.)*'", STRING_SINGLE)
                .rule("\"", STRING_DOUBLE, "dq")
                .rule("0[xX][0-9a-fA-F_]+", NUMBER_HEX)
                .rule("0[bB][01_]+", NUMBER_BIN)
                .rule("0[0-7_]+", NUMBER_OCT)
                .rule("\\.\\.\\.", PUNCTUATION)
                .rule("(?:\\d[\\d_]*)?\\.[\\d_]*", NUMBER_FLOAT)
                .rule("\\d[\\d_]*", NUMBER_INTEGER)
                .rule(QUALIFIED, Php::name)
                .rule("[-+*/%=<>!&|^~?:@]", OPERATOR)
                .rule("[()\\[\\]{};,]", PUNCTUATION);
        g.state("signature")
                .rule("\\s+", TEXT)
                .rule("&", OPERATOR)
                .rule(IDENT, NAME)
                .rule("\\(", PUNCTUATION, "#pop", "returns", "parameters")
                .rule("", TEXT, "#pop");
        g.state("parameters")
                .rule("\\)", PUNCTUATION, "#pop")
                .rule("\\??" + QUALIFIED, Php::parameterWord)
                .include("code");
        g.state("returns")
                .rule("(\\s*)(use)(\\s*)(\\()", groups(TEXT, KEYWORD, TEXT, PUNCTUATION), "parameters")
                .rule("(\\s*)(:)(\\s*)(\\??" + QUALIFIED + ")", groups(TEXT, PUNCTUATION, TEXT, KEYWORD_TYPE), "#pop")
                .rule("", TEXT, "#pop");
        g.state("dq")
                .rule("[^\"\\\\${]+", STRING_DOUBLE)
                .rule("\\\\(?:[nrtvef\\\\$\"]|x[0-9a-fA-F]{1,2}|[0-7]{1,3}|u\\{[0-9a-fA-F]+\\})", STRING_ESCAPE)
                .rule("\\{(?=\\$)", STRING_INTERPOL, "interpolation")
                .rule("\\$" + IDENT + "(?:\\[[^\\]\"]*\\]|->" + IDENT + ")?", NAME_VARIABLE)
                .rule("\"", STRING_DOUBLE, "#pop")
                .rule("[\\\\${]", STRING_DOUBLE);
        g.state("interpolation")
                .rule("\\}", STRING_INTERPOL, "#pop")
                .include("code");
    }

    Php() {
        super("php");
    }

    @Override
    Grammar grammar() {
        return GRAMMAR;
    }

    /** A property's type stands between its modifiers and its variable. */
    private static void name(Matcher m, Lexing lexing) {
        String word = m.group();
        Tokens.Last last = lexing.last();
        boolean property = last != null && last.type() == KEYWORD && MODIFIER.contains(last.value())
                && !MODIFIER.contains(word) && !word.equals("static") && !word.equals("function")
                && lexing.ahead(PROPERTY);
        lexing.emit(property ? KEYWORD_TYPE : classify(word, lexing), word);
    }

    /** A method called is named as any call is: a keyword, a library function's name, or a function. */
    private static void methodCall(Matcher m, Lexing lexing) {
        lexing.emit(OPERATOR, m.group(1));
        lexing.emit(TEXT, m.group(2));
        String word = m.group(3);
        boolean keyword = ANY_CASE.contains(word.toLowerCase(Locale.ROOT));
        lexing.emit(keyword ? KEYWORD : BUILTIN.contains(word.toLowerCase(Locale.ROOT)) ? NAME_BUILTIN : NAME_FUNCTION,
                word);
    }

    private static TokenType classify(String word, Lexing lexing) {
        if (CONSTANT.matcher(word).matches()) {
            return KEYWORD_CONSTANT;
        } else if (ANY_CASE.contains(word.toLowerCase(Locale.ROOT))) {
            return KEYWORD;
        } else if (lexing.ahead(CALL)) {
            // only a call names a library function: a bare word (a constant's name) does not
            return BUILTIN.contains(word.toLowerCase(Locale.ROOT)) ? NAME_BUILTIN : NAME_FUNCTION;
        } else if (CAPITALS.matcher(word).matches()) {
            return NAME_CONSTANT;
        }
        return Character.isUpperCase(word.charAt(0)) ? NAME_CLASS : NAME;
    }

    /**
     * A parameter's first word, after any modifier, is its type; other words in the list (a
     * second type of a union, a default value) read as they do in code.
     */
    private static void parameterWord(Matcher m, Lexing lexing) {
        String word = m.group();
        Tokens.Last last = lexing.last();
        boolean first = last != null
                && (last.type() == PUNCTUATION && (last.value().endsWith("(") || last.value().endsWith(","))
                        || last.type() == KEYWORD && MODIFIER.contains(last.value()));
        if (first && !MODIFIER.contains(word)) {
            lexing.emit(KEYWORD_TYPE, word);
            return;
        }
        if (word.startsWith("?")) {
            lexing.emit(OPERATOR, "?");
            word = word.substring(1);
        }
        lexing.emit(classify(word, lexing), word);
    }

    private static Set<String> functions() {
        try (InputStream in = Php.class.getResourceAsStream("php-functions.txt")) {
            if (in == null) {
                throw new IllegalStateException("php-functions.txt is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
