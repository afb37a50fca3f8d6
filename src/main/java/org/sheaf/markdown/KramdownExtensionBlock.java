package org.sheaf.markdown;

import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * kramdown's block extensions, each on lines of its own: {@code {::comment}} up to
 * {@code {:/comment}} (or {@code {:/}}) is written as an HTML comment, {@code {::nomarkdown}} up
 * to its stop tag as its text, unchanged, and {@code {::options ... /}} as nothing (sheaf takes
 * its options from {@code _config.yml} only). In a block quote or list item the stop tag and the
 * lines before it are read inside that container, its markers and indent taken off, or as they are
 * on the lazy lines kramdown reads into it (a quote's up to a blank line); the container stays open
 * over them ({@link KramdownLazyContainers}). An extension without its stop tag, or of another
 * name, is text, as kramdown leaves it.
 */
final class KramdownExtensionBlock extends Block {
    private static final Pattern START = Pattern.compile(" {0,3}\\{::(comment|nomarkdown|options)(?:\\s[^}]*?)?(/)?\\}[ \\t]*");

    /** What the extension writes: a comment, raw text, or nothing. */
    enum Kind { COMMENT, RAW, NOTHING }

    private final Kind kind;
    private final String body;

    private KramdownExtensionBlock(BasedSequence chars, Kind kind, String body) {
        super(chars);
        this.kind = kind;
        this.body = body;
    }

    Kind kind() {
        return kind;
    }

    /** The text between the start and stop tags, without the line break before the stop tag. */
    String body() {
        return body;
    }

    @Override
    public BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }

    /** A span extension ({@code {::comment}x{:/comment}}): what it writes, as written. */
    static final class Span extends com.vladsch.flexmark.util.ast.Node {
        private final String html;

        Span(BasedSequence chars, String html) {
            super(chars);
            this.html = html;
        }

        String html() {
            return html;
        }

        @Override
        public BasedSequence[] getSegments() {
            return EMPTY_SEGMENTS;
        }
    }

    private static final Pattern SPAN_START = Pattern.compile("\\{::(comment|nomarkdown)(?:\\s[^}]*?)?\\}");

    /**
     * The span extension at the start of {@code text}: a comment, or raw text, up to its stop tag;
     * null when none starts there or its stop tag is missing (kramdown then leaves it as text).
     */
    static Span span(BasedSequence text) {
        Matcher m = SPAN_START.matcher(text);
        if (!m.lookingAt()) {
            return null;
        }
        Matcher stop = Pattern.compile("\\{:/(?:" + m.group(1) + ")?\\}").matcher(text);
        if (!stop.find(m.end())) {
            return null;
        }
        String body = text.subSequence(m.end(), stop.start()).toString();
        return new Span(text.subSequence(0, stop.end()), m.group(1).equals("comment") ? "<!-- " + body + " -->" : body);
    }

    /** Registers the extensions with flexmark: they start a block, never interrupt a paragraph. */
    static final class Factory extends BlockStartFactory {
        @Override
        BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
            BasedSequence line = state.getLine();
            int first = state.getNextNonSpaceIndex();
            if (state.getIndent() >= 4 || first >= line.length() || line.charAt(first) != '{'
                    || matched.getBlockParser().isParagraphParser()) {
                return BlockStart.none();
            }
            BasedSequence tag = line.subSequence(state.getIndex()).trimEnd();
            Matcher m = START.matcher(tag);
            if (!m.matches()) {
                return BlockStart.none();
            }
            String name = m.group(1);
            BasedSequence all = line.getBaseSequence();
            int bodyStart = line.getEndOffset();
            if (bodyStart < all.length() && all.charAt(bodyStart) == '\n') {
                bodyStart++;
            }
            if (name.equals("options")) {
                if (m.group(2) == null) {
                    return BlockStart.none();
                }
                KramdownExtensionBlock block = new KramdownExtensionBlock(tag, Kind.NOTHING, "");
                return BlockStart.of(new BoundedBlockParser(block, bodyStart)).atIndex(line.length());
            }
            if (m.group(2) != null) {
                return BlockStart.none();
            }
            Pattern stop = Pattern.compile(" {0,3}\\{:/(?:" + name + ")?\\}[ \\t]*");
            KramdownContainerLines containers = KramdownContainerLines.around(line.subSequence(0, state.getIndex()));
            StringBuilder body = new StringBuilder();
            int at = bodyStart;
            int end = -1;
            while (at < all.length() && end < 0) {
                int lineEnd = all.indexOf('\n', at);
                int next = lineEnd < 0 ? all.length() : lineEnd + 1;
                String text = all.subSequence(at, lineEnd < 0 ? all.length() : lineEnd).toString();
                String inside = containers.inside(text);
                if (inside == null) {
                    return BlockStart.none();
                }
                if (stop.matcher(inside).matches()) {
                    end = next;
                } else {
                    body.append(at > bodyStart ? "\n" : "").append(inside);
                }
                at = next;
            }
            if (end < 0) {
                return BlockStart.none();
            }
            KramdownExtensionBlock block = new KramdownExtensionBlock(all.subSequence(line.getStartOffset(),
                    end), name.equals("comment") ? Kind.COMMENT : Kind.RAW, body.toString());
            return BlockStart.of(new BoundedBlockParser(block, end)).atIndex(line.length());
        }
    }
}
