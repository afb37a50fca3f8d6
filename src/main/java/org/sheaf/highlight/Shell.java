package org.sheaf.highlight;

import static org.sheaf.highlight.Grammar.groups;
import static org.sheaf.highlight.Grammar.words;
import static org.sheaf.highlight.TokenType.*;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shell (sh, bash) as Rouge colours it: keywords and common commands with the spaces after them,
 * options ({@code -x}, {@code --name}), variables and {@code ${...}} expansions, command
 * substitution, arithmetic, quoted strings, heredocs, and words otherwise left plain.
 */
final class Shell extends Language {
    private static final Grammar GRAMMAR = new Grammar();
    private static final String KEYWORDS = "(?:if|fi|else|while|do|done|for|then|return|function|case|select|continue|until"
            + "|esac|elif|in)";
    private static final String BUILTINS = "(?:alias|bg|bind|break|builtin|caller|cd|command|compgen|complete|declare|dirs"
            + "|disown|echo|enable|eval|exec|exit|export|false|fc|fg|getopts|hash|help|history|jobs|kill|let|local|logout"
            + "|popd|printf|pushd|pwd|read|readonly|set|shift|shopt|source|suspend|test|time|times|trap|true|type"
            + "|typeset|ulimit|umask|unalias|unset|wait|ls|cat|grep|sed|awk|wc|sort|uniq|head|tail|cut|tr|mkdir|rm|cp|mv"
            + "|ln|chmod|chown|touch|date|sleep|sudo|tar|gzip|install|env|tee|nohup|df|du|basename|dirname|seq|yes"
            + "|printenv|dir|whoami|id|groups|hostname|uname|chgrp|chroot|dd|fmt|fold|join|nice|nl|od|paste|pr|ptx|shred"
            + "|split|stat|stty|sum|sync|tac|timeout|tsort|tty|unexpand|unlink|users|vdir|who|base64|cksum|comm|csplit"
            + "|expand|expr|factor|hostid|link|logname|md5sum|mkfifo|mknod|mktemp|nproc|numfmt|pathchk|readlink|realpath"
            + "|rmdir|runcon|sha1sum|truncate|sha224sum|sha256sum|sha384sum|sha512sum|shuf|stdbuf|chcon|dircolors|b2sum"
            + "|base32|arch|mapfile|uptime|gunzip)";

    static {
        Grammar g = GRAMMAR;
        g.state("root")
                .include("basic")
                .rule("`", STRING_BACKTICK, "backticks")
                .include("data")
                .include("interpolation");
        g.state("basic")
                .rule("\\bcase\\b", KEYWORD, "case")
                .rule("\\b" + KEYWORDS + "\\s*\\b", KEYWORD)
                .rule("\\b" + BUILTINS + "\\s*\\b(?![.-])", NAME_BUILTIN)
                // `.` alone is the shell's name for `source`
                .rule("\\.(?=\\s)", NAME_BUILTIN)
                .rule("#.*", COMMENT)
                .rule("(\\b\\w+)(\\s*)(\\+?=)", groups(NAME_VARIABLE, TEXT, OPERATOR))
                .rule("(?<=\\s|^)--?[\\w-]+", NAME_TAG)
                .rule("\\n", Shell::newline)
                .rule("(<<-?)(\\s*)(['\"]?)(\\w+)(\\3)", Shell::heredoc)
                .rule("\\[\\[|\\]\\]|=\\(|[\\[\\]{}()=]|>>?|&&|\\|\\||(?<![^\\s])!", OPERATOR)
                .rule("\\*", KEYWORD);
        g.state("data")
                .rule("\\$?\"", STRING_DOUBLE, "dq")
                .rule("\\$'", STRING_SINGLE, "ansi")
                // a quote left open runs on over the lines after it (in a session, over the next commands)
                .rule("'", STRING_SINGLE, "sq")
                .rule(";+", PUNCTUATION)
                .rule("[ \\t\\r\\f]+", TEXT)
                .rule("\\\\.", STRING_ESCAPE)
                .rule("[^=\\s\\[\\]{}()$\"'`\\\\<&|;*]+", TEXT)
                .rule("[<&|]", TEXT);
        g.state("dq")
                .rule("(?:\\$#?)?\"", STRING_DOUBLE, "#pop")
                .rule("\\\\[\"$`\\\\]", STRING_ESCAPE)
                .rule("[^\"\\\\$`]+|\\\\", STRING_DOUBLE)
                .rule("`", STRING_BACKTICK, "backticks")
                .include("interpolation");
        g.state("sq")
                .rule("[^']+", STRING_SINGLE)
                .rule("'", STRING_SINGLE, "#pop");
        g.state("ansi")
                .rule("\\\\.", STRING_ESCAPE)
                .rule("[^'\\\\]+", STRING_SINGLE)
                .rule("'", STRING_SINGLE, "#pop");
        g.state("interpolation")
                .rule("\\$\\(\\(", KEYWORD, "math")
                .rule("\\$\\(", STRING_INTERPOL, "paren")
                .rule("\\$\\{#?", KEYWORD, "parameter")
                .rule("\\$#?(?:\\w+|.)", NAME_VARIABLE)
                .rule("\\$", TEXT);
        g.state("parameter")
                .rule("\\}", KEYWORD, "#pop")
                .rule("\\w+", NAME_VARIABLE, "#pop", "parameter-rest")
                .include("parameter-rest");
        g.state("parameter-rest")
                .rule("\\}", KEYWORD, "#pop")
                .rule(":[-=+?]?", KEYWORD)
                .rule("\\$(?:\\w+|[?#@*!$0-9-])", NAME_VARIABLE)
                .rule("\\w+", NAME_VARIABLE)
                .rule("[^}$:]+|\\$", PUNCTUATION);
        g.state("case")
                .rule("\\besac\\b", KEYWORD, "#pop")
                .rule("\\)", PUNCTUATION)
                .include("root");
        g.state("paren")
                .rule("\\)", STRING_INTERPOL, "#pop")
                .include("root");
        g.state("math")
                .rule("\\)\\)", KEYWORD, "#pop")
                .rule("\\*\\*|\\|\\||<<|>>|[-+*/%^|&<>!=]", OPERATOR)
                .rule("\\d+#?\\w*", NUMBER)
                .include("root");
        g.state("backticks")
                .rule("`", STRING_BACKTICK, "#pop")
                .include("root");
        g.state("heredoc")
                .include("interpolation")
                .rule("[^$]+", STRING_HEREDOC);
    }

    Shell() {
        super("shell", "bash", "zsh", "ksh", "sh");
    }

    @Override
    Grammar grammar() {
        return GRAMMAR;
    }

    private static void heredoc(Matcher m, Lexing lexing) {
        lexing.emit(OPERATOR, m.group(1));
        lexing.emit(TEXT, m.group(2));
        lexing.emit(NAME_CONSTANT, m.group(3) + m.group(4) + m.group(5));
        lexing.memory.put("heredoc", new String[] {m.group(1), m.group(3), m.group(4)});
    }

    private static final Shell SHELL = new Shell();

    /** A line break, after which the body of a heredoc opened on the line follows. */
    private static void newline(Matcher m, Lexing lexing) {
        String[] doc = (String[]) lexing.memory.remove("heredoc");
        if (doc == null) {
            lexing.emit(TEXT, "\n");
            return;
        }
        String text = lexing.text();
        Pattern end = Pattern.compile("^" + (doc[0].equals("<<-") ? "\\t*" : "") + Pattern.quote(doc[2]) + "$\\n?",
                Pattern.MULTILINE);
        Matcher t = end.matcher(text).region(m.end(), text.length());
        int bodyEnd = t.find() ? t.start() : text.length();
        lexing.emit(STRING_HEREDOC, "\n");
        String body = text.substring(m.end(), bodyEnd);
        if (doc[1].equals("'")) {
            lexing.emit(STRING_HEREDOC, body);
        } else {
            SHELL.start(lexing.out(), "heredoc").run(body);
        }
        if (bodyEnd < text.length()) {
            lexing.emit(NAME_CONSTANT, t.group());
            lexing.moveTo(t.end());
        } else {
            lexing.moveTo(text.length());
        }
    }
}
