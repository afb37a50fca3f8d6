package org.sheaf.highlight;

import static org.sheaf.highlight.Grammar.groups;
import static org.sheaf.highlight.Grammar.wordSet;
import static org.sheaf.highlight.TokenType.*;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * YAML as Rouge colours it: keys {@code na}, indicators ({@code :}, {@code -}, brackets, block
 * scalar marks) {@code pi}, plain scalars {@code s} (a bare number {@code m}, {@code true},
 * {@code false} and {@code null} {@code no}), the items of flow collections {@code nv}, anchors,
 * aliases and tags, and quoted scalars whose spaces Rouge writes as {@code nv}.
 */
final class Yaml extends Language {
    private static final Grammar GRAMMAR = new Grammar();
    private static final String FIRST = "(?:[^\\s#'\"\\[\\]{},:!&*|>%@`?-]|[?:-](?=\\S))";
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final Pattern DOCUMENT_MARKER = Pattern.compile("(?:---|\\.\\.\\.)(?=\\s|\\z)");
    private static final Pattern BLOCK_SCALAR_REST = Pattern.compile("([ \\t]*)(#.*)?");
    private static final Set<String> CONSTANTS = wordSet("true", "false", "null", "True", "False", "Null", "TRUE",
            "FALSE", "NULL");

    static {
        Grammar g = GRAMMAR;
        g.state("root")
                .rule("^(?:---|\\.\\.\\.)(?=\\s|\\z)", Yaml::marker)
                .rule("^(%YAML)( +)(\\d+\\.\\d+)", groups(NAME_TAG, TEXT, TokenType.NUMBER))
                .rule("^(%TAG)( +)(!|![\\w-]*!)( +)(!|!?[\\w;/?:@&=+$,.!~*'()\\[\\]%-]+)",
                        groups(NAME_TAG, TEXT, KEYWORD_TYPE, TEXT, KEYWORD_TYPE))
                // YAML forbids tabs; Rouge takes one between tokens for an error
                .rule(" +|\\n|^\\t+", TEXT)
                .rule("\\t+", ERROR)
                .rule("(?<=^|\\s)#.*", COMMENT_SINGLE)
                .rule(FIRST + "[^\\n]*", Yaml::keyOrPlain)
                .rule("[-?](?=[ \\t]|$)", PUNCTUATION_INDICATOR)
                .rule("(?<=^[ \\t]{0,200}):(?=[ \\t]|$)", PUNCTUATION_INDICATOR)
                .rule("[|>][-+]?\\d*(?=[ \\t]|$)", Yaml::blockScalar)
                .include("nodes");
        g.state("nodes")
                .rule("&[^\\s,\\[\\]{}]+", NAME_LABEL)
                .rule("\\*[^\\s,\\[\\]{}]+", NAME_VARIABLE)
                .rule("![^\\s,\\[\\]{}]*", KEYWORD_TYPE)
                .rule("\"", STRING_DOUBLE, "dq")
                .rule("'", STRING_SINGLE, "sq")
                .rule("[\\[{]", PUNCTUATION_INDICATOR, "flow");
        g.state("flow")
                .rule("\\s+", TEXT)
                .rule("(?<=\\s)#.*", COMMENT_SINGLE)
                .rule("[\\]}]", PUNCTUATION_INDICATOR, "#pop")
                .rule("[,:?]", PUNCTUATION_INDICATOR)
                .include("nodes")
                .rule("(?:[^\\s,\\[\\]{}:'\"#]|:(?=[^\\s,\\]}]))(?:[^\\n,\\[\\]{}:]|:(?=[^\\s,\\]}]))*?(?=\\s*(?:[,\\]}:]|$))",
                        NAME_VARIABLE);
        g.state("dq")
                .rule("\"", STRING, "#pop")
                .include("quoted-spaces")
                .rule("\\\\(?:[0abt\\tn\\nvfre \"\\\\N_LP]|x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})", STRING_ESCAPE)
                .rule("[^ \\t\\n\\r\\f\\x0B\"\\\\]+", STRING);
        g.state("sq")
                .include("quoted-spaces")
                .rule("\\\\'", STRING_ESCAPE)
                .rule("'", STRING, "#pop")
                .rule("[^\\s']+", STRING);
        // spaces inside a quoted scalar are coloured, but not those that begin or end one of its
        // lines, nor its line breaks
        g.state("quoted-spaces")
                .rule("^ +", TEXT)
                .rule(" +$", TEXT)
                .rule("\\n+", TEXT)
                .rule(" +", NAME_VARIABLE);
    }

    Yaml() {
        super("yaml", "yml");
    }

    @Override
    Grammar grammar() {
        return GRAMMAR;
    }

    /** {@code ---} or {@code ...} at the start of a line: a document marker (after a block scalar, see {@link #blockScalar}). */
    private static void marker(Matcher m, Lexing lexing) {
        lexing.emit(NAME_NAMESPACE, m.group());
    }

    /**
     * The rest of a line that starts like a scalar: a key up to the first colon followed by a
     * space or the line's end, else a plain scalar up to a comment. Found by scanning, not by one
     * pattern, so a very long line costs no stack.
     */
    private static void keyOrPlain(Matcher m, Lexing lexing) {
        String line = m.group();
        int comment = line.length();
        for (int i = 1; i < line.length(); i++) {
            if (line.charAt(i) == '#' && line.charAt(i - 1) == ' ') {
                comment = i;
                break;
            }
        }
        for (int j = 0; j < comment; j++) {
            if (line.charAt(j) == ':' && (j + 1 == line.length() || line.charAt(j + 1) == ' ' || line.charAt(j + 1) == '\t')) {
                int keyEnd = j;
                while (keyEnd > 0 && (line.charAt(keyEnd - 1) == ' ' || line.charAt(keyEnd - 1) == '\t')) {
                    keyEnd--;
                }
                lexing.emit(NAME_ATTRIBUTE, line.substring(0, keyEnd));
                lexing.emit(TEXT, line.substring(keyEnd, j));
                lexing.emit(PUNCTUATION_INDICATOR, ":");
                lexing.moveTo(m.start() + j + 1);
                return;
            }
        }
        int end = comment;
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        String value = line.substring(0, end);
        if (value.indexOf('\t') >= 0) {
            withTabs(value, lexing);
        } else {
            plain(value, lexing);
        }
        lexing.moveTo(m.start() + end);
    }

    private static void plain(String value, Lexing lexing) {
        TokenType type = NUMBER.matcher(value).matches() ? TokenType.NUMBER
                : CONSTANTS.contains(value) ? NAME_CONSTANT : STRING;
        lexing.emit(type, value);
    }

    /** Rouge's tokens of a plain scalar with a tab in it. */
    private static final Pattern TABBED_PARTS = Pattern.compile("(\t)|(true|false|null)|[^\\s:]+| +|:\\S*|[\\s\\S]");

    /**
     * A plain scalar with tabs in it, as Rouge reads one word at a time: each tab an error, a
     * {@code true}, {@code false} or {@code null} a constant, the rest string (a number too,
     * which Rouge takes only when the line ends right after it). The scalar goes on past a tab,
     * and a {@code #} after a tab is part of it.
     */
    private static void withTabs(String value, Lexing lexing) {
        Matcher part = TABBED_PARTS.matcher(value);
        while (part.find()) {
            lexing.emit(part.group(1) != null ? ERROR : part.group(2) != null ? NAME_CONSTANT : STRING, part.group());
        }
    }

    /** A {@code |} or {@code >} block scalar: the lines indented under its key are its text. */
    private static void blockScalar(Matcher m, Lexing lexing) {
        lexing.emit(PUNCTUATION_INDICATOR, m.group());
        String text = lexing.text();
        int lineStart = text.lastIndexOf('\n', m.start() - 1) + 1;
        int parent = 0;
        while (lineStart + parent < text.length() && text.charAt(lineStart + parent) == ' ') {
            parent++;
        }
        int at = m.end();
        int eol = text.indexOf('\n', at);
        if (eol < 0) {
            return;
        }
        String rest = text.substring(at, eol);
        Matcher comment = BLOCK_SCALAR_REST.matcher(rest);
        if (!comment.matches()) {
            // more text on the indicator's line: not a block scalar after all
            return;
        }
        lexing.emit(TEXT, comment.group(1));
        lexing.emit(COMMENT_SINGLE, comment.group(2));
        at = eol;
        while (at < text.length()) {
            int next = text.indexOf('\n', at + 1);
            int end = next < 0 ? text.length() : next;
            String line = text.substring(at + 1, end);
            int indent = 0;
            while (indent < line.length() && line.charAt(indent) == ' ') {
                indent++;
            }
            if (indent < line.length() && indent <= parent) {
                if (indent == 0 && DOCUMENT_MARKER.matcher(line).lookingAt()) {
                    // Rouge reads a marker line right after a block scalar as one more string
                    lexing.emit(TEXT, "\n");
                    lexing.emit(STRING, line);
                    at = end;
                }
                break;
            }
            lexing.emit(TEXT, "\n" + line.substring(0, indent));
            lexing.emit(STRING, line.substring(indent));
            at = end;
            if (next < 0) {
                break;
            }
        }
        lexing.moveTo(at);
    }
}
