package org.sheaf.liquid;

import java.util.regex.Pattern;
import liqp.TemplateContext;
import liqp.nodes.LNode;
import liquid.parser.v4.LiquidParser;

/**
 * Ruby Liquid's blank blocks. A block tag ({@code if}, {@code unless}, {@code case}, {@code for})
 * whose bodies hold only white space and tags that print nothing
 * ({@code assign}, {@code capture}, {@code comment}, other blank blocks) is blank, and the block
 * around it drops what it renders: its tags still run, but the line breaks and indentation between
 * them are not written. Themes lean on it, putting each {@code assign} on a line of its own inside
 * an {@code if}; and a {@code capture} of such a block is empty in Jekyll, so a test such as
 * {@code {% if captured == "" %}} turns out as it does there. Liqp has no such rule and writes the
 * white space.
 */
final class BlankBlocks {
    /** Ruby's {@code /\A\s*\z/}: white space is space, tab, line feed, carriage return, form feed and vertical tab. */
    private static final Pattern WHITE_SPACE = Pattern.compile("[ \\t\\n\\r\\f\\u000B]*");

    private BlankBlocks() {
    }

    /** Whether {@code atom} is a block tag that is blank, whose output Ruby Liquid drops. */
    static boolean isDropped(LiquidParser.AtomContext atom) {
        if (!(atom instanceof LiquidParser.Atom_tagContext tagAtom)) {
            return false;
        }
        LiquidParser.TagContext tag = tagAtom.tag();
        boolean block = tag.if_tag() != null || tag.unless_tag() != null || tag.case_tag() != null
                || tag.for_tag() != null;
        return block && isBlank(tag);
    }

    /** {@code node}, rendered for what it does, its output dropped. */
    static LNode dropped(LNode node) {
        return new Dropped(node);
    }

    private static boolean isBlank(LiquidParser.BlockContext block) {
        if (block == null) {
            return true;
        }
        for (LiquidParser.AtomContext atom : block.atom()) {
            if (!isBlank(atom)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(LiquidParser.AtomContext atom) {
        if (atom instanceof LiquidParser.Atom_othersContext text) {
            return WHITE_SPACE.matcher(text.getText()).matches();
        }
        if (atom instanceof LiquidParser.Atom_assignmentContext) {
            return true;
        }
        if (atom instanceof LiquidParser.Atom_tagContext tag) {
            return isBlank(tag.tag());
        }
        return false;
    }

    /**
     * Ruby Liquid's {@code blank?} of a tag: {@code assign}, {@code capture} and {@code comment}
     * print nothing; a {@code raw} block is blank when empty; a block tag when all its bodies are
     * blank (for {@code case}, the text before the first {@code when} too); any other tag
     * ({@code include}, {@code cycle}, {@code increment}, {@code break}, {@code tablerow}, which
     * writes its rows and cells whatever its body, a plugin's) is not.
     */
    private static boolean isBlank(LiquidParser.TagContext tag) {
        if (tag.comment_tag() != null || tag.capture_tag() != null || tag.empty_tag() != null) {
            return true;
        }
        if (tag.raw_tag() != null) {
            LiquidParser.Raw_bodyContext body = tag.raw_tag().raw_body();
            return body == null || body.getText().isEmpty();
        }
        if (tag.if_tag() != null) {
            LiquidParser.If_tagContext ifTag = tag.if_tag();
            if (!isBlank(ifTag.block())) {
                return false;
            }
            for (LiquidParser.Elsif_tagContext elsif : ifTag.elsif_tag()) {
                if (!isBlank(elsif.block())) {
                    return false;
                }
            }
            return ifTag.else_tag() == null || isBlank(ifTag.else_tag().block());
        }
        if (tag.unless_tag() != null) {
            LiquidParser.Unless_tagContext unless = tag.unless_tag();
            return isBlank(unless.block()) && (unless.else_tag() == null || isBlank(unless.else_tag().block()));
        }
        if (tag.case_tag() != null) {
            LiquidParser.Case_tagContext caseTag = tag.case_tag();
            if (caseTag.other() != null && !WHITE_SPACE.matcher(caseTag.other().getText()).matches()) {
                return false;
            }
            for (LiquidParser.When_tagContext when : caseTag.when_tag()) {
                if (!isBlank(when.block())) {
                    return false;
                }
            }
            return caseTag.else_tag() == null || isBlank(caseTag.else_tag().block());
        }
        if (tag.for_tag() != null) {
            LiquidParser.For_tagContext forTag = tag.for_tag();
            if (forTag.for_array() != null) {
                for (LiquidParser.BlockContext body : forTag.for_array().for_block().block()) {
                    if (!isBlank(body)) {
                        return false;
                    }
                }
                return true;
            }
            return forTag.for_range() != null && isBlank(forTag.for_range().block());
        }
        return false;
    }

    /** A blank block: rendered, so its {@code assign}s take effect, and nothing written. */
    private record Dropped(LNode node) implements LNode {
        @Override
        public Object render(TemplateContext context) {
            node.render(context);
            return "";
        }
    }
}
