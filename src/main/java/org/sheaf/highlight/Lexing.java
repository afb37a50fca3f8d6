package org.sheaf.highlight;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of a {@link Grammar} over a text: the position, the state stack and the tokens found.
 * Rules' actions use it to emit tokens, move the stack and hand text to another language. Not
 * thread-safe; one per run.
 */
final class Lexing {
    /** Zero-length matches in a row allowed before a character is given up as an error, as in Rouge. */
    private static final int MAX_NULL_STEPS = 5;

    private final Grammar grammar;
    private final Tokens out;
    private final Deque<String> stack = new ArrayDeque<>();
    private final Map<Grammar.Rule, Matcher> matchers = new IdentityHashMap<>();
    private final Map<Language, Lexing> delegates = new HashMap<>();
    /** The states being included while one step tries its rules; emptied before each step. */
    private final List<String> including = new ArrayList<>();
    /** Per-run memory a language's actions may keep (heredoc ends, a tag's name). */
    final Map<String, Object> memory = new HashMap<>();
    private String text = "";
    private int position;
    private int nullSteps;

    Lexing(Grammar grammar, Tokens out, String start) {
        this.grammar = grammar;
        this.out = out;
        stack.push(start);
    }

    /** Lexes the text from the current state on; the stack carries over to the next call. */
    void run(String input) {
        text = input;
        position = 0;
        matchers.clear();
        while (position < text.length()) {
            including.clear();
            if (!step(stack.peek())) {
                int next = text.offsetByCodePoints(position, 1);
                out.add(TokenType.ERROR, text.substring(position, next));
                position = next;
            }
        }
    }

    private boolean step(String state) {
        for (Grammar.Rule rule : grammar.rules(state)) {
            if (rule.include() != null) {
                if (!including.contains(rule.include())) {
                    including.add(rule.include());
                    if (step(rule.include())) {
                        return true;
                    }
                    including.remove(including.size() - 1);
                }
                continue;
            }
            Matcher m = matchers.computeIfAbsent(rule, r -> r.pattern().matcher(text)
                    .useTransparentBounds(true).useAnchoringBounds(false));
            m.region(position, text.length());
            if (!m.lookingAt()) {
                continue;
            }
            if (m.end() == position) {
                if (++nullSteps > MAX_NULL_STEPS) {
                    nullSteps = 0;
                    return false;
                }
            } else {
                nullSteps = 0;
            }
            position = m.end();
            rule.action().apply(m, this);
            for (String next : rule.next()) {
                change(next);
            }
            return true;
        }
        return false;
    }

    private void change(String next) {
        if (next.equals("#pop")) {
            pop(1);
        } else if (next.startsWith("#pop:")) {
            pop(Integer.parseInt(next.substring(5)));
        } else if (next.equals("#push")) {
            stack.push(stack.peek());
        } else {
            stack.push(next);
        }
    }

    void emit(TokenType type, String value) {
        if (value != null) {
            out.add(type, value);
        }
    }

    void push(String state) {
        stack.push(state);
    }

    /** Pops states, never the first one. */
    void pop(int times) {
        for (int i = 0; i < times && stack.size() > 1; i++) {
            stack.pop();
        }
    }

    /** The last token emitted that is not whitespace, or null. */
    Tokens.Last last() {
        return out.lastSignificant();
    }

    boolean spaceBefore(int at) {
        return at > 0 && Character.isWhitespace(text.charAt(at - 1));
    }

    boolean spaceAt(int at) {
        return at >= text.length() || Character.isWhitespace(text.charAt(at));
    }

    /** The whole text of this run. */
    String text() {
        return text;
    }

    Tokens out() {
        return out;
    }

    String state() {
        return stack.peek();
    }

    int depth() {
        return stack.size();
    }

    /** Whether the text goes on with the prefix where the run stands; reads in place, copying nothing. */
    boolean continuesWith(String prefix) {
        return text.startsWith(prefix, position);
    }

    /** Whether the pattern matches at the position the run has reached, consuming nothing. */
    boolean ahead(Pattern pattern) {
        return pattern.matcher(text).region(position, text.length()).lookingAt();
    }

    /** Moves the position back (or on) so a rule may consume less or more than it matched. */
    void moveTo(int newPosition) {
        position = newPosition;
    }

    int position() {
        return position;
    }

    /**
     * Lexes text with another language, its tokens joining this run's. The other language's state
     * carries over between calls within this run, as Rouge's delegation continues its lexer.
     */
    void delegate(Language language, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        delegates.computeIfAbsent(language, l -> l.start(out)).run(value);
    }

    /** Lexes text with a fresh run of another language. */
    void delegateFresh(Language language, String value) {
        if (value != null && !value.isEmpty()) {
            language.start(out).run(value);
        }
    }
}
