package org.sheaf.highlight;

import static org.sheaf.highlight.Grammar.groups;
import static org.sheaf.highlight.TokenType.*;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ruby as Rouge colours it: keywords, Kernel's methods as builtins, constants, symbols (a hash
 * key's {@code name: } with its space), strings with {@code #{}} interpolation, percent literals,
 * heredocs, and a {@code /} read as a regex where a value is expected.
 */
final class Ruby extends Language {
    private static final Grammar GRAMMAR = new Grammar();
    private static final String KEYWORDS = "(?:alias|begin|BEGIN|break|case|do|else|elsif|end|END|ensure|for|if|in|next"
            + "|redo|rescue|raise|retry|return|super|then|undef|unless|until|when|while|yield)\\b|defined\\?";
    private static final String PSEUDO = "(?:loop|include|extend|attr|private|protected|public|module_function"
            + "|alias_method|catch|throw|nil|true|false|__FILE__|__LINE__)\\b";
    private static final String BUILTINS = longestFirst("__id__ __send__ abort ancestors at_exit attr_accessor attr_reader "
            + "attr_writer autoload binding block_given? callcc caller chomp chomp! chop chop! class_eval class_variables "
            + "clone const_defined? const_get const_missing const_set constants display dup eql? equal? eval exec exit "
            + "exit! fail fork format freeze frozen? getc gets global_variables gsub gsub! hash id included_modules inspect "
            + "instance_eval instance_method instance_methods instance_of? instance_variable_get instance_variable_set "
            + "instance_variables is_a? iterator? kind_of? lambda load local_variables method method_defined? "
            + "method_missing methods module_eval name object_id open p print printf private_class_method "
            + "private_instance_methods private_method_defined? private_methods proc protected_instance_methods "
            + "protected_method_defined? protected_methods public_class_method public_instance_methods "
            + "public_method_defined? public_methods putc puts rand readline readlines require require_relative "
            + "respond_to? scan select self send set_trace_func singleton_methods sleep split sprintf srand sub sub! "
            + "syscall system taint tainted? test to_a to_s trace_var trap untaint untrace_var warn");
    private static final String OPERATOR_NAMES = "(?:===?|<=>|=~|!=|!~|\\[\\]=?|\\+@?|-@?|\\*\\*?|/|%|<<|>>|<=?|>=?|!|~|&|\\||\\^)";
    private static final Pattern HEREDOC = Pattern.compile("<<([-~]?)([\"'`]?)([A-Za-z_]\\w*)\\2");
    private static final String PAIRS = "([({\\[<])|([^\\w\\s])";

    static {
        Grammar g = GRAMMAR;
        g.state("root")
                .rule("^__END__\\n?(?s:.*)", COMMENT_PREPROC)
                .rule("^=begin\\b(?s:.*?)(?:^=end\\b.*|\\z)", COMMENT_MULTILINE)
                .rule("#.*", COMMENT_SINGLE)
                .rule("\\n", Ruby::newline)
                .rule("[ \\t\\r\\f]+|\\s", TEXT)
                .rule("<<[-~]?([\"'`]?)[A-Za-z_]\\w*\\1", Ruby::heredocOrShift)
                .rule("(def)(\\s+)", groups(KEYWORD, TEXT), "funcname")
                .rule("(class)(\\s+)", groups(KEYWORD, TEXT), "classname")
                .rule("(module)(\\s+)", groups(KEYWORD, TEXT), "modulename")
                .rule("(&?)(\\.)(\\s*)([a-zA-Z_]\\w*[?!]?)", groups(OPERATOR, PUNCTUATION, TEXT, NAME_FUNCTION))
                .rule("(::)([a-z_]\\w*[?!]?)", groups(OPERATOR, NAME))
                // a hash key or keyword argument is a symbol only when space follows its colon
                // (`a: 1`, not `a:1`, `Foo: 1` or `key:,`), as Rouge reads it
                .rule("[a-z_]\\w*[?!]?:\\s+", STRING_SYMBOL)
                .rule(KEYWORDS, KEYWORD)
                .rule(PSEUDO, KEYWORD_PSEUDO)
                .rule("(?:" + BUILTINS + ")(?![\\w?!])", NAME_BUILTIN)
                .rule("__\\w+__", NAME)
                .rule("[A-Z]\\w*", NAME_CONSTANT)
                .rule("[a-z_]\\w*[?!]?", NAME)
                .rule("@@\\w+", NAME_VARIABLE_CLASS)
                .rule("@\\w+", NAME_VARIABLE_INSTANCE)
                .rule("\\$(?:\\w+|[^\\w\\s])", NAME_VARIABLE_GLOBAL)
                .rule(":\"(?:[^\"\\\\]++|\\\\.)*+\"", STRING_SYMBOL)
                .rule(":(?:[a-zA-Z_]\\w*[?!=]?|\\[\\]=?|@@?\\w+|\\$\\w+)", STRING_SYMBOL)
                .rule("0[xX][0-9a-fA-F_]+", NUMBER_HEX)
                .rule("0[bB][01_]+", NUMBER_BIN)
                .rule("0[oO]?[0-7_]+", NUMBER_OCT)
                .rule("\\d[\\d_]*(?:\\.\\d[\\d_]*(?:[eE][+-]?\\d+)?|[eE][+-]?\\d+)", NUMBER_FLOAT)
                .rule("\\d[\\d_]*", NUMBER_INTEGER)
                .rule("'", STRING_SINGLE, "sq")
                .rule("\"", STRING_DOUBLE, "dq")
                .rule("`", STRING_BACKTICK, "bq")
                .rule("%[qQwWiIsrx]? \\S* ", Ruby::spacedPercent)
                .rule("%([qQwWiIsrx]?)(?:" + PAIRS + ")", Ruby::percent)
                .rule("/", Ruby::slash)
                .rule("\\?(?:\\\\.|[^\\s\\\\])(?![\\w])", Ruby::character)
                .rule("\\*\\*=?|<=>|===?|=~|!~|!=|=>|->|\\|\\|=?|&&=?|<<=?|>>=?|<=|>=|\\.\\.\\.?|::|[-+*/%&|^~<>=!]=?", OPERATOR)
                .rule("[?:]", PUNCTUATION)
                .rule("[(){}\\[\\],;.]", PUNCTUATION);
        g.state("funcname")
                .rule("(self|[A-Z]\\w*)(\\.)", groups(NAME_CLASS, OPERATOR))
                .rule("[a-zA-Z_]\\w*[?!]?", NAME_FUNCTION, "#pop")
                .rule(OPERATOR_NAMES, NAME_FUNCTION, "#pop")
                .rule("", TEXT, "#pop");
        g.state("classname")
                .rule("<<", OPERATOR, "#pop")
                .rule("[A-Z]\\w*(?:::[A-Z]\\w*)*", NAME_CLASS, "#pop")
                .rule("", TEXT, "#pop");
        g.state("modulename")
                .rule("[a-zA-Z_]\\w*(?:::\\w+)*", NAME_NAMESPACE, "#pop")
                .rule("", TEXT, "#pop");
        g.state("sq")
                .rule("[^'\\\\]+|\\\\.|\\\\", STRING_SINGLE)
                .rule("'", STRING_SINGLE, "#pop");
        g.state("dq")
                .rule("[^\"\\\\#]+|#(?!\\{)", STRING_DOUBLE)
                .include("escapes")
                .rule("\"", STRING_DOUBLE, "#pop");
        g.state("bq")
                .rule("[^`\\\\#]+|#(?!\\{)", STRING_BACKTICK)
                .include("escapes")
                .rule("`", STRING_BACKTICK, "#pop");
        g.state("escapes")
                .rule("\\\\(?:[0-7]{1,3}|x[0-9a-fA-F]{1,2}|u[0-9a-fA-F]{4}|u\\{[0-9a-fA-F ]+\\}|.|\\n)", STRING_ESCAPE)
                .rule("#\\{", STRING_INTERPOL, "interpolation");
        g.state("interpolation")
                .rule("\\}", STRING_INTERPOL, "#pop")
                .rule("\\{", PUNCTUATION, "braces")
                .include("root");
        g.state("braces")
                .rule("\\}", PUNCTUATION, "#pop")
                .rule("\\{", PUNCTUATION, "braces")
                .include("root");
        g.state("regex")
                .rule("[^/\\\\#]+|#(?!\\{)|\\\\.", STRING_REGEX)
                .rule("#\\{", STRING_INTERPOL, "interpolation")
                .rule("/[mixounse]*", STRING_REGEX, "#pop");
        g.state("heredoc")
                .rule("[^#\\\\]+|#(?!\\{)", STRING_HEREDOC)
                .include("escapes");
        g.state("heredoc-plain").rule("(?s).+", STRING_HEREDOC);
    }

    Ruby() {
        super("ruby", "rb");
    }

    @Override
    Grammar grammar() {
        return GRAMMAR;
    }

    private static String longestFirst(String words) {
        List<String> list = new ArrayList<>(List.of(words.split(" ")));
        list.sort((a, b) -> b.length() - a.length());
        return String.join("|", list.stream().map(Pattern::quote).toList());
    }

    /** A value may start here: nothing before, or an operator, opening punctuation or keyword. */
    private static boolean valueExpected(Lexing lexing, int start) {
        Tokens.Last last = lexing.last();
        if (last == null) {
            return true;
        }
        return switch (last.type()) {
            case OPERATOR, KEYWORD, KEYWORD_PSEUDO -> true;
            case PUNCTUATION -> !last.value().endsWith(")") && !last.value().endsWith("]") && !last.value().endsWith("}");
            case NAME, NAME_BUILTIN -> lexing.spaceBefore(start) && !lexing.spaceAt(start + 1);
            default -> false;
        };
    }

    private static void slash(Matcher m, Lexing lexing) {
        if (valueExpected(lexing, m.start())) {
            lexing.emit(STRING_REGEX, "/");
            lexing.push("regex");
        } else {
            lexing.emit(OPERATOR, "/");
        }
    }

    private static void character(Matcher m, Lexing lexing) {
        if (valueExpected(lexing, m.start())) {
            lexing.emit(STRING_CHAR, m.group());
        } else {
            lexing.emit(PUNCTUATION, "?");
            lexing.moveTo(m.start() + 1);
        }
    }

    /** Where a value starts, {@code % word } is a literal whose delimiter is a space, ending on its line. */
    private static void spacedPercent(Matcher m, Lexing lexing) {
        if (valueExpected(lexing, m.start())) {
            lexing.emit(STRING_OTHER, m.group());
        } else {
            lexing.emit(OPERATOR, "%");
            lexing.moveTo(m.start() + 1);
        }
    }

    private static void percent(Matcher m, Lexing lexing) {
        String kind = m.group(1);
        if (kind.isEmpty() && !valueExpected(lexing, m.start()) || m.group(3) != null && m.group(3).equals("=")) {
            lexing.emit(OPERATOR, "%");
            lexing.moveTo(m.start() + 1);
            return;
        }
        char open = m.group(2) != null ? m.group(2).charAt(0) : m.group(3).charAt(0);
        char close = switch (open) {
            case '(' -> ')';
            case '[' -> ']';
            case '{' -> '}';
            case '<' -> '>';
            default -> open;
        };
        TokenType type = switch (kind) {
            case "r" -> STRING_REGEX;
            case "s" -> STRING_SYMBOL;
            default -> STRING_OTHER;
        };
        boolean interpolates = kind.isEmpty() || kind.equals("Q") || kind.equals("W") || kind.equals("I")
                || kind.equals("r") || kind.equals("x");
        String text = lexing.text();
        int i = m.end();
        int depth = 1;
        lexing.emit(type, m.group());
        int chunk = i;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                if (kind.equals("r") && interpolates) {
                    lexing.emit(type, text.substring(chunk, i));
                    lexing.emit(STRING_ESCAPE, text.substring(i, i + 2));
                    chunk = i + 2;
                }
                i += 2;
                continue;
            }
            if (interpolates && c == '#' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                lexing.emit(type, text.substring(chunk, i));
                int end = interpolationEnd(text, i + 2);
                lexing.emit(STRING_INTERPOL, "#{");
                lexing.delegateFresh(RUBY, text.substring(i + 2, end));
                if (end < text.length()) {
                    lexing.emit(STRING_INTERPOL, "}");
                }
                i = Math.min(text.length(), end + 1);
                chunk = i;
                continue;
            }
            if (c == close && open != close && --depth == 0 || c == close && open == close) {
                i++;
                if (kind.equals("r")) {
                    while (i < text.length() && "mixounse".indexOf(text.charAt(i)) >= 0) {
                        i++;
                    }
                }
                break;
            }
            if (c == open && open != close) {
                depth++;
            }
            i++;
        }
        lexing.emit(type, text.substring(chunk, Math.min(i, text.length())));
        lexing.moveTo(Math.min(i, text.length()));
    }

    private static final Ruby RUBY = new Ruby();

    private static int interpolationEnd(String text, int from) {
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return text.length();
    }

    private static void heredocOrShift(Matcher m, Lexing lexing) {
        boolean heredoc = valueExpected(lexing, m.start()) || lexing.spaceBefore(m.start());
        if (!heredoc) {
            lexing.emit(OPERATOR, "<<");
            lexing.moveTo(m.start() + 2);
            return;
        }
        Matcher h = HEREDOC.matcher(m.group());
        h.matches();
        lexing.emit(OPERATOR, "<<" + h.group(1));
        lexing.emit(NAME_CONSTANT, m.group().substring(2 + h.group(1).length()));
        @SuppressWarnings("unchecked")
        List<String[]> pending = (List<String[]>) lexing.memory.computeIfAbsent("heredocs", k -> new ArrayList<String[]>());
        pending.add(new String[] {h.group(1), h.group(2), h.group(3)});
    }

    /** A line break, after which the bodies of the heredocs opened on the line follow. */
    private static void newline(Matcher m, Lexing lexing) {
        @SuppressWarnings("unchecked")
        List<String[]> pending = (List<String[]>) lexing.memory.get("heredocs");
        if (pending == null || pending.isEmpty()) {
            lexing.emit(TEXT, "\n");
            return;
        }
        String text = lexing.text();
        int at = m.end();
        for (String[] doc : pending) {
            boolean indented = !doc[0].isEmpty();
            Matcher t = Pattern.compile((indented ? "[ \\t]*" : "") + Pattern.quote(doc[2]) + "$", Pattern.MULTILINE)
                    .matcher(text);
            int bodyStart = at;
            int line = at;
            int termEnd = -1;
            while (line < text.length()) {
                int lineEnd = text.indexOf('\n', line);
                if (lineEnd < 0) {
                    lineEnd = text.length();
                }
                if (t.region(line, lineEnd).matches()) {
                    termEnd = lineEnd;
                    break;
                }
                line = lineEnd + 1;
            }
            String body = text.substring(bodyStart, Math.min(line, text.length()));
            lexing.emit(STRING_HEREDOC, "\n");
            if (doc[1].equals("'")) {
                lexing.emit(STRING_HEREDOC, body);
            } else {
                Lexing inner = RUBY.start(lexing.out(), "heredoc");
                inner.run(body);
            }
            if (termEnd < 0) {
                at = text.length();
                break;
            }
            lexing.emit(NAME_CONSTANT, text.substring(line, termEnd));
            at = termEnd;
            if (pending.indexOf(doc) < pending.size() - 1) {
                at = Math.min(text.length(), termEnd + 1);
            }
        }
        pending.clear();
        lexing.moveTo(at);
    }
}
