package org.sheaf.markdown;

import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a line that is only a kramdown attribute list ({@code {: ...}}) or attribute list
 * definition ({@code {:name: ...}}). Such a line ends a paragraph instead of continuing it, as
 * in kramdown; at a block boundary over a setext underline it is the heading's text.
 */
final class AttributeListBlockParser {
    private static final Pattern DEFINITION = Pattern.compile("\\{:(\\w[\\w-]*):(.*)}\\s*");
    private static final Pattern LIST = Pattern.compile("\\{:(?![:/])(.*)}\\s*");

    private AttributeListBlockParser() {
    }

    /** Registers the parser with flexmark. */
    static final class Factory extends BlockStartFactory {
        @Override
        BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
            if (state.getIndent() >= 4 || KramdownDefinitions.headingFirst(state, matched)) {
                return BlockStart.none(); // kramdown reads a setext heading before an attribute list
            }
            BasedSequence line = state.getLine();
            BasedSequence rest = line.subSequence(state.getNextNonSpaceIndex());
            Matcher definition = DEFINITION.matcher(rest);
            AttributeListBlock node;
            if (definition.matches()) {
                node = new AttributeListBlock(rest.trimEnd(), definition.group(1),
                        AttributeList.parse(definition.group(2)));
            } else {
                Matcher list = LIST.matcher(rest);
                if (!list.matches()) {
                    return BlockStart.none();
                }
                node = new AttributeListBlock(rest.trimEnd(), null, AttributeList.parse(list.group(1)));
            }
            return BlockStart.of(BoundedBlockParser.ofLine(node, line)).atIndex(line.length());
        }
    }
}
