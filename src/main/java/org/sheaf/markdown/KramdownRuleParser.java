package org.sheaf.markdown;

import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Horizontal rules as kramdown's GFM parser reads them, in place of flexmark's own parser.
 *
 * <p>A rule never interrupts a paragraph: right after a paragraph line {@code ***} and
 * {@code ___} stay text of the paragraph, but {@code * * *} and {@code - - -} look like a list
 * item, which ends the paragraph, and are then a rule, not the list flexmark would make of them.
 * Nor does a rule end a list item or block quote whose paragraph it could continue lazily
 * ({@code * item} then {@code ***} at the margin): kramdown reads it as a line of that paragraph.
 * kramdown's own parser ({@code input: kramdown}) ends a paragraph at no list item, so there
 * no rule at all interrupts one.
 */
final class KramdownRuleParser {
    static final Pattern RULE = Pattern.compile("(?:(?:\\*[ \\t]*){3,}|(?:_[ \\t]*){3,}|(?:-[ \\t]*){3,})");
    private static final Pattern SPACED_RULE = Pattern.compile(" {0,3}([-*])[ \\t]+(?:\\1[ \\t]*){2,}");

    /** kramdown's {@code HR_START}: a rule after at most three spaces, from where a list reads its line. */
    private static final Pattern RULE_LINE = Pattern.compile(" {0,3}([-*_])[ \\t]*\\1[ \\t]*\\1(?:\\1|[ \\t])*\\s*");

    private KramdownRuleParser() {
    }

    /**
     * Whether the state's line, from where the containers around a list leave it, ends the list
     * after a blank line: kramdown's list stops at a line that reads as a rule there, even one
     * indented to an item's content ({@code - a}, a blank line, {@code   ---}), before it looks
     * at the line's indent. The rule then follows the list.
     */
    static boolean endsListAfterBlank(ParserState state) {
        return RULE_LINE.matcher(state.getLine().subSequence(state.getIndex())).matches();
    }

    /**
     * Whether the rule's line starts the next item of the bullet list {@code matched} is, right
     * after a line of the list: kramdown's list reads such a line ({@code - ---}, {@code * * *})
     * as an item before it looks for a rule, and stops at a rule only after a blank line. The
     * rule is then the item's content.
     */
    private static boolean startsNextItem(ParserState state, MatchedBlockParser matched) {
        BasedSequence line = state.getLine();
        int marker = state.getNextNonSpaceIndex();
        if (!(matched.getBlockParser().getBlock() instanceof BulletList) || marker + 1 >= line.length()
                || line.charAt(marker + 1) != ' ' && line.charAt(marker + 1) != '\t') {
            return false;
        }
        return !HeadingStartFactory.followsBlankLine(line.getBaseSequence(), line.getStartOffset());
    }

    /** Registers the parser with flexmark, ahead of its list parser. */
    static final class Factory extends BlockStartFactory {
        @Override
        BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
            BasedSequence line = state.getLine();
            BasedSequence rule = line.subSequence(state.getNextNonSpaceIndex()).trimEnd();
            if (state.getIndent() >= 4 || !RULE.matcher(rule).matches()) {
                return BlockStart.none();
            }
            if (matched.getBlockParser().isParagraphParser()) {
                if (!MarkdownRenderer.GFM_INPUT.get(state.getProperties())
                        || !SPACED_RULE.matcher(line.subSequence(state.getIndex()).trimEnd()).matches()) {
                    return BlockStart.none();
                }
            } else if (state.getActiveBlockParser().isParagraphParser()) {
                return BlockStart.none(); // a lazy line of the open paragraph
            } else if (startsNextItem(state, matched)) {
                return BlockStart.none();
            }
            ThematicBreak block = new ThematicBreak(line.subSequence(state.getIndex()).trimEnd());
            return BlockStart.of(BoundedBlockParser.ofLine(block, line)).atIndex(line.length());
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return Set.of(KramdownLazyContainers.ListFactory.class);
        }
    }
}
