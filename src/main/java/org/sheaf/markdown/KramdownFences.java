package org.sheaf.markdown;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.BlockParser;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.FencedCodeBlockParser;
import com.vladsch.flexmark.parser.internal.BlockContinueImpl;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Set;

/**
 * Fenced code as kramdown's GFM parser reads it: a fence opens only when its closing fence follows
 * among the lines of the block quote or list item it is in (a quote's up to a blank line). Without
 * one, kramdown reads the opening line as text and the lines after it as Markdown, where flexmark
 * runs the code to the end of its container.
 *
 * <p>Whether a fence closes is known only once its container's lines are read, which flexmark does
 * as it parses: the renderer parses again with each opening line that closed nothing refused
 * ({@link #REFUSED}, {@link #refuseUnclosed}), until every fence closes. A page without such a
 * fence is parsed once.
 *
 * <p>kramdown takes a fence's lines as they stand in its container: spaces before a fenced line
 * stay on it, however far the fence itself is indented ({@code   ```} over {@code   code} is the
 * code {@code   code}), where CommonMark takes up to the fence's indentation off each line.
 */
final class KramdownFences {
    /** Document offsets of the lines that open no fence, each where its line starts. */
    static final DataKey<Set<Integer>> REFUSED = new DataKey<>("KRAMDOWN_REFUSED_FENCES", Set.of());

    private KramdownFences() {
    }

    /** Replaces flexmark's fenced code parser with one that opens no fence on a refused line. */
    static Parser.Builder install(Parser.Builder builder) {
        builder.set(Parser.FENCED_CODE_BLOCK_PARSER, false);
        return builder.customBlockParserFactory(new Factory());
    }

    /** Whether {@code markdown} may hold a fence at all. */
    static boolean mayHold(String markdown) {
        return markdown.contains("```") || markdown.contains("~~~");
    }

    /**
     * The lines of {@code document} that opened a fence its container ended before a closing
     * fence, added to {@code refused}; whether there was any.
     */
    static boolean refuseUnclosed(Document document, Set<Integer> refused) {
        boolean any = false;
        for (Node node : Descendants.blocksOf(document)) {
            if (node instanceof FencedCodeBlock fence && fence.getClosingMarker().isEmpty()) {
                any |= refused.add(lineStart(fence.getChars()));
            }
        }
        return any;
    }

    private static int lineStart(BasedSequence chars) {
        BasedSequence all = chars.getBaseSequence();
        int start = chars.getStartOffset();
        while (start > 0 && all.charAt(start - 1) != '\n') {
            start--;
        }
        return start;
    }

    /**
     * flexmark's fenced code parser, never asked about a refused line, whose fences keep the
     * spaces of their lines.
     */
    static final class Factory extends ScreenedStartFactory {
        Factory() {
            super(new FencedCodeBlockParser.Factory());
        }

        @Override
        BlockStart started(BlockStart start) {
            return WrappedBlockParser.wrapping(start, KeptIndentation::new);
        }

        @Override
        boolean mayStart(ParserState state, MatchedBlockParser matched) {
            Set<Integer> refused = REFUSED.get(state.getProperties());
            return refused.isEmpty() || !refused.contains(state.getLine().getStartOffset());
        }
    }

    /** A fence that takes each of its lines whole from where its containers leave it. */
    private static final class KeptIndentation extends WrappedBlockParser {
        KeptIndentation(BlockParser flexmark) {
            super(flexmark);
        }

        @Override
        public BlockContinue tryContinue(ParserState state) {
            BlockContinue next = flexmark.tryContinue(state);
            // flexmark continues a fence it has not closed past up to the fence's indentation;
            // whether it closed shows only through flexmark's implementation
            boolean closed = next instanceof BlockContinueImpl found && found.isFinalize();
            return closed ? next : BlockContinue.atIndex(state.getIndex());
        }
    }
}
