package org.sheaf.highlight;

import static org.sheaf.highlight.Grammar.BLOCK_COMMENT;
import static org.sheaf.highlight.Grammar.groups;
import static org.sheaf.highlight.Grammar.wordSet;
import static org.sheaf.highlight.TokenType.*;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private static final Pattern CONSTANT = Pattern.compile("(?i:true|false|null)|(?:PHP|E)_[A-Z0-9_]+");
    private static final Set<String> BUILTIN = wordSet("strlen", "count", "implode", "explode",
            "str_replace", "sprintf", "printf", "json_encode", "json_decode", "in_array", "array_keys",
            "array_values", "array_merge", "array_filter", "array_map", "array_key_exists", "array_push",
            "array_slice", "is_array", "is_null", "is_string", "is_numeric", "trim", "strtolower", "strtoupper",
            "ucfirst", "ucwords", "substr", "strpos", "date", "time", "file_get_contents", "file_put_contents",
            "header", "preg_match", "preg_replace", "var_dump", "print_r", "htmlspecialchars", "intval",
            "urlencode", "session_start", "define", "function_exists", "sort", "usort", "round", "max", "min",
            "number_format", "mysqli_connect", "md5", "rand", "nl2br", "compact", "extract",
            "abs", "addslashes", "array_column", "array_combine", "array_diff", "array_fill", "array_flip",
            "array_intersect", "array_key_first", "array_key_last", "array_pop", "array_reduce",
            "array_reverse", "array_search", "array_shift", "array_splice", "array_sum", "array_unique",
            "array_unshift", "array_walk", "arsort", "asort", "base64_decode", "base64_encode", "basename",
            "boolval", "call_user_func", "call_user_func_array", "ceil", "checkdate", "chr", "class_exists",
            "curl_close", "curl_exec", "curl_init", "curl_setopt", "current", "date_default_timezone_set",
            "dirname", "each", "end", "error_log", "error_reporting", "exec", "fclose", "fgets", "file",
            "file_exists", "filter_var", "floatval", "floor", "fopen", "fread", "func_get_args", "fwrite",
            "get_class", "getenv", "gettype", "glob", "hash", "headers_sent", "html_entity_decode",
            "htmlentities", "http_response_code", "ini_get", "ini_set", "intdiv", "is_bool", "is_callable",
            "is_dir", "is_file", "is_int", "is_object", "iterator_to_array", "join", "json_last_error", "key",
            "krsort", "ksort", "lcfirst", "lcg_value", "ltrim", "mail", "mb_strlen", "mb_strtolower",
            "mb_substr", "method_exists", "microtime", "mkdir", "mktime", "mt_rand", "next", "ob_get_clean",
            "ob_start", "ord", "parse_url", "password_hash", "password_verify", "pathinfo", "phpversion",
            "pow", "preg_match_all", "preg_quote", "preg_replace_callback", "preg_split", "prev",
            "property_exists", "random_int", "range", "rawurlencode", "realpath", "reset", "rsort", "rtrim",
            "serialize", "session_destroy", "set_error_handler", "setcookie", "settype", "sha1", "shell_exec",
            "shuffle", "sizeof", "sleep", "spl_autoload_register", "sqrt", "str_pad", "str_repeat",
            "str_split", "strcmp", "strip_tags", "stripos", "stripslashes", "strrev", "strrpos", "strstr",
            "strtotime", "strval", "substr_count", "trigger_error", "uasort", "uksort", "uniqid", "unlink",
            "unserialize", "urldecode", "usleep", "var_export", "version_compare", "wordwrap");
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
                .rule("(namespace)(\\s+)(" + QUALIFIED + ")", groups(KEYWORD_NAMESPACE, TEXT, NAME_NAMESPACE))
                .rule("(use)(\\s+)(" + QUALIFIED + ")", groups(KEYWORD_NAMESPACE, TEXT, NAME_CLASS))
                .rule("(class|interface|trait|extends|implements)(\\s+)(" + QUALIFIED + ")",
                        groups(KEYWORD_DECLARATION, TEXT, NAME_CLASS))
                .rule("(const)(\\s+)(" + IDENT + ")", groups(KEYWORD, TEXT, NAME_CONSTANT))
                .rule("(new)(\\s+)(" + QUALIFIED + ")", groups(KEYWORD, TEXT, NAME_CLASS))
                .rule("(?:function|fn)\\b", KEYWORD, "signature")
                .rule("(\\??->)(\\s*)(" + IDENT + ")(?=\\s*\\()", groups(OPERATOR, TEXT, NAME_FUNCTION))
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

    private static TokenType classify(String word, Lexing lexing) {
        if (CONSTANT.matcher(word).matches()) {
            return KEYWORD_CONSTANT;
        } else if (KEYWORDS.contains(word)) {
            return KEYWORD;
        } else if (BUILTIN.contains(word)) {
            return NAME_BUILTIN;
        } else if (lexing.ahead(CALL)) {
            return NAME_FUNCTION;
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
}
