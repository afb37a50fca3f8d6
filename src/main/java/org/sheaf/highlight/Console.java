package org.sheaf.highlight;

import static org.sheaf.highlight.TokenType.*;

import java.util.regex.Matcher;

/**
 * A shell session as Rouge's {@code console} colours it: a line that starts with a prompt
 * ({@code $}, {@code #}, {@code >}, or {@code user@host:~$}) is the prompt and a command
 * coloured as shell; any other line is the command's output.
 */
final class Console extends Language {
    private static final Grammar GRAMMAR = new Grammar();
    private static final Language SHELL = new Shell();

    static {
        GRAMMAR.state("root")
                .rule("^([^\\s]*[$#>])([ \\t]+)(.*)(\\n?)", Console::command)
                .rule("^.*\\n?", GENERIC_OUTPUT);
    }

    Console() {
        super("console", "terminal", "shell_session", "shell-session");
    }

    @Override
    Grammar grammar() {
        return GRAMMAR;
    }

    private static void command(Matcher m, Lexing lexing) {
        lexing.emit(GENERIC_PROMPT, m.group(1));
        lexing.emit(WHITESPACE, m.group(2));
        lexing.delegate(SHELL, m.group(3) + m.group(4));
    }
}
