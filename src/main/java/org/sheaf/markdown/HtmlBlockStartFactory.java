package org.sheaf.markdown;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.HtmlBlockParser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.mappers.SpecialLeadInHandler;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * flexmark's HTML block parser, except that a {@code <script>} line does not interrupt a
 * paragraph. CommonMark starts an HTML block at {@code <script} even inside a paragraph; kramdown
 * ends a paragraph lazily at block-level HTML but exempts {@code script} along with the span-level
 * elements, so the script tag jekyll-gist writes on the line after a sentence stays in that
 * sentence's paragraph.
 */
final class HtmlBlockStartFactory implements CustomBlockParserFactory {
    private static final Pattern SCRIPT = Pattern.compile("^<script(?:[\\s>]|$)", Pattern.CASE_INSENSITIVE);

    private final HtmlBlockParser.Factory flexmark = new HtmlBlockParser.Factory();

    /** Replaces flexmark's HTML block parser with this one in {@code builder}. */
    static Parser.Builder install(Parser.Builder builder) {
        builder.set(Parser.HTML_BLOCK_PARSER, false);
        return builder.customBlockParserFactory(new HtmlBlockStartFactory());
    }

    /** Whether {@code line} from {@code start} opens a script element. */
    static boolean opensScript(BasedSequence line, int start) {
        return start < line.length() && line.charAt(start) == '<' && SCRIPT.matcher(line.subSequence(start)).find();
    }

    @Override
    public BlockParserFactory apply(DataHolder options) {
        BlockParserFactory html = flexmark.apply(options);
        return (ParserState state, MatchedBlockParser matched) -> {
            if (matched.getBlockParser().isParagraphParser() && opensScript(state.getLine(), state.getNextNonSpaceIndex())) {
                return BlockStart.none();
            }
            return html.tryStart(state, matched);
        };
    }

    @Override
    public Set<Class<?>> getAfterDependents() {
        return flexmark.getAfterDependents();
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
        return flexmark.getBeforeDependents();
    }

    @Override
    public boolean affectsGlobalScope() {
        return flexmark.affectsGlobalScope();
    }

    @Override
    public SpecialLeadInHandler getLeadInHandler(DataHolder options) {
        return flexmark.getLeadInHandler(options);
    }
}
