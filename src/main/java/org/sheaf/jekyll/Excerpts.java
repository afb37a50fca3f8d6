package org.sheaf.jekyll;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jekyll's excerpt of a document: the body up to the first excerpt separator, made to stand on its
 * own as Jekyll makes it ({@code Jekyll::Excerpt#extract_excerpt}). A Liquid block the separator
 * cuts is closed after the excerpt, so that {@code {% highlight %}} code with a blank line in it
 * still renders; and the Markdown link and footnote definitions below the separator that the
 * excerpt uses ({@code [text][ref]}, {@code [^1]}) are copied after it, so its links resolve.
 */
public final class Excerpts {
    /** A Liquid tag and its name, across lines, as Jekyll finds them. */
    private static final Pattern TAG = Pattern.compile("\\{%-?\\s*(\\w+)\\s*.*?-?%\\}", Pattern.DOTALL);
    /** A link or footnote definition on a line of its own: its label and the rest of the line. */
    private static final Pattern DEFINITION = Pattern.compile("^ {0,3}(\\[[^\\]]+\\])(:.+)$",
            Pattern.MULTILINE | Pattern.UNIX_LINES);
    /** The tags with a body and an end tag: Liquid's and Jekyll's {@code highlight}. */
    private static final Set<String> BLOCKS = Set.of("capture", "case", "comment", "for", "if", "ifchanged", "raw",
            "tablerow", "unless", "highlight");

    private Excerpts() {
    }

    /**
     * An excerpt's text and whether blocks the separator cut had to be closed (Jekyll warns of it).
     */
    public record Excerpt(String text, boolean closedBlocks) {
    }

    /**
     * The excerpt of {@code body} cut at the first {@code separator}; the whole body when the
     * separator is not in it or ends it.
     */
    public static Excerpt of(String body, String separator) {
        int at = separator.isEmpty() ? -1 : body.indexOf(separator);
        if (at < 0) {
            return new Excerpt(body, false);
        }
        String head = body.substring(0, at);
        String tail = body.substring(at + separator.length());
        if (tail.isEmpty()) {
            return new Excerpt(head, false);
        }
        String closed = head.contains("{%") ? withBlocksClosed(head) : head;
        List<String> definitions = new ArrayList<>();
        // the pattern is tried at every character of the tail; every definition holds "]:", which
        // most tails lack
        if (tail.contains("]:")) {
            Matcher definition = DEFINITION.matcher(tail);
            while (definition.find()) {
                if (head.contains(definition.group(1))) {
                    definitions.add(definition.group(1) + definition.group(2));
                }
            }
        }
        String text = definitions.isEmpty() ? closed : closed + "\n\n" + String.join("\n", definitions);
        return new Excerpt(text, closed.length() != head.length());
    }

    /** {@code head} with an end tag added for each block tag whose end tag it lacks, innermost first. */
    private static String withBlocksClosed(String head) {
        List<String> names = new ArrayList<>();
        Matcher tag = TAG.matcher(head);
        while (tag.find()) {
            names.add(tag.group(1));
        }
        StringBuilder closed = new StringBuilder(head);
        for (int i = names.size() - 1; i >= 0; i--) {
            String name = names.get(i);
            if (BLOCKS.contains(name) && !endTag(name).matcher(closed).find()) {
                closed.append("\n{% end").append(name).append(" %}");
            }
        }
        return closed.toString();
    }

    private static Pattern endTag(String name) {
        return Pattern.compile("\\{%-?\\s*end" + name + ".*?\\s*-?%\\}", Pattern.DOTALL);
    }
}
