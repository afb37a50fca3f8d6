package org.sheaf.highlight;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A language's lexer as a state machine: named states, each an ordered list of rules. At each
 * position the rules of the state on top of the stack are tried in order; the first whose pattern
 * matches there emits its tokens and may change the stack. Where no rule matches, one character
 * becomes an {@link TokenType#ERROR} token, as Rouge does.
 *
 * <p>Patterns read as Ruby's do: {@code ^} and {@code $} at every line, and only {@code \n} ends a
 * line (so {@code .} matches a {@code \r}, which keeps a CRLF file's {@code \r} inside a line
 * comment as Rouge keeps it). Built once per language and read-only afterwards, so thread-safe.
 */
final class Grammar {
    private static final int FLAGS = Pattern.MULTILINE | Pattern.UNIX_LINES;
    /** A {@code /* *}{@code /} comment; an unclosed one runs to the end of the text. */
    static final String BLOCK_COMMENT = "/\\*(?s:.*?)(?:\\*/|\\z)";

    /** What a rule does with its match. */
    @FunctionalInterface
    interface Action {
        void apply(Matcher match, Lexing lexing);
    }

    /** One rule: a pattern, what it emits, and stack changes ({@code #pop}, {@code #pop:N}, {@code #push}, a state). */
    record Rule(Pattern pattern, Action action, List<String> next, String include) {
    }

    private final Map<String, List<Rule>> states = new HashMap<>();

    /** The rules of a state, created empty the first time it is named. */
    State state(String name) {
        return new State(states.computeIfAbsent(name, k -> new ArrayList<>()));
    }

    List<Rule> rules(String state) {
        List<Rule> rules = states.get(state);
        if (rules == null) {
            throw new IllegalStateException("no state " + state);
        }
        return rules;
    }

    /** Emits the whole match as one token. */
    static Action token(TokenType type) {
        return (m, lexing) -> lexing.emit(type, m.group());
    }

    /** Emits each capture group as a token of its type; absent or empty groups emit nothing. */
    static Action groups(TokenType... types) {
        return (m, lexing) -> {
            for (int i = 0; i < types.length; i++) {
                lexing.emit(types[i], m.group(i + 1));
            }
        };
    }

    /** Builds a state's rules in order. */
    static final class State {
        private final List<Rule> rules;

        private State(List<Rule> rules) {
            this.rules = rules;
        }

        State rule(String regex, TokenType type, String... next) {
            return rule(regex, token(type), next);
        }

        State rule(String regex, Action action, String... next) {
            rules.add(new Rule(Pattern.compile(regex, FLAGS), action, List.of(next), null));
            return this;
        }

        /** The {@code //} line and {@code /* *}{@code /} block comments the C family shares. */
        State slashComments() {
            return slashComments(TokenType.COMMENT_SINGLE, TokenType.COMMENT_MULTILINE);
        }

        State slashComments(TokenType line, TokenType block) {
            return rule("//.*", line).rule(BLOCK_COMMENT, block);
        }

        /** Tries the rules of another state here, as if written in place. */
        State include(String state) {
            rules.add(new Rule(null, null, List.of(), state));
            return this;
        }
    }

    /** A regex alternative matching any of the words whole (not followed by a word character). */
    static String words(String... words) {
        return "(?:" + String.join("|", words) + ")\\b";
    }

    /**
     * The words as a set, for an action that classifies a name it has matched whole: a lookup
     * where a {@link #words} pattern would run a regex per name. Repeats are allowed.
     */
    static Set<String> wordSet(String... words) {
        return Set.copyOf(Arrays.asList(words));
    }
}
