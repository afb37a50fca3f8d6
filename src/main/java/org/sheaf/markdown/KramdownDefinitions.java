package org.sheaf.markdown;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.util.Parsing;
import com.vladsch.flexmark.ext.abbreviation.AbbreviationBlock;
import com.vladsch.flexmark.ext.abbreviation.AbbreviationExtension;
import com.vladsch.flexmark.ext.abbreviation.internal.AbbreviationBlockParser;
import com.vladsch.flexmark.ext.abbreviation.internal.AbbreviationNodePostProcessor;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.footnotes.internal.FootnoteBlockParser;
import com.vladsch.flexmark.ext.footnotes.internal.FootnoteLinkRefProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.BlockParser;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.ParagraphParser;
import com.vladsch.flexmark.parser.internal.BlockStartImpl;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.DoNotDecorate;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.dependency.LastDependent;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sheaf.markdown.KramdownLazyContainers.LazyContainer;

/**
 * flexmark's footnote and abbreviation extensions, their definitions read where kramdown reads
 * them: a definition ({@code [^1]: note}, {@code *[HTML]: ...}) starts a block only where a
 * paragraph does not go on, as kramdown's paragraph ends only at a blank line or a block that may
 * interrupt it, which a definition is not. On the line right after a paragraph's text (in a
 * list item or a block quote too, lazily) the definition is text of that paragraph.
 *
 * <p>Each stands in for flexmark's extension of the same name in a parser's extensions: the
 * same options, the same footnote references and abbreviation matching, the definition
 * parsers screened ({@link ScreenedStartFactory}).
 */
abstract class KramdownDefinitions implements Parser.ParserExtension {
    /** The indent, in columns, that kramdown wants on the lines of a footnote definition after its first. */
    private static final int NOTE_INDENT = 4;

    /** A setext heading's underline as kramdown reads one, any run of {@code =} and {@code -}, its line's end spaces trimmed. */
    private static final Pattern SETEXT_UNDERLINE = Pattern.compile("[-=]+[ \\t\\r\\f\\u000B]*");

    /**
     * How a link definition's line starts ({@code [name]: }), as kramdown reads one; not a
     * footnote definition's ({@code [^name]: }), which in a paragraph (a table's row) is its text.
     */
    private static final Pattern LINK_DEFINITION = Pattern.compile(" {0,3}\\[(?!\\^)[^\\]\\n]+\\]:");

    /** How an abbreviation definition starts, as kramdown reads one: {@code *[}, its name, {@code ]:}. */
    private static final Pattern ABBREVIATION = Pattern.compile("\\*\\[.+?]:");

    private final Parser.ParserExtension flexmark;

    private KramdownDefinitions(Parser.ParserExtension flexmark) {
        this.flexmark = flexmark;
    }

    /** flexmark's footnotes, a definition never on a paragraph's next line. */
    static Parser.ParserExtension footnotes() {
        return new Footnotes();
    }

    /** flexmark's abbreviations, a definition never on a paragraph's next line. */
    static Parser.ParserExtension abbreviations() {
        return new Abbreviations();
    }

    @Override
    public final void parserOptions(MutableDataHolder options) {
        flexmark.parserOptions(options);
    }

    /**
     * Whether a definition that starts with {@code opening} may start on the current line: only
     * a line that starts so, and not where it would go on a paragraph. Link definitions are a
     * paragraph to flexmark until it closes, but blocks of their own to kramdown, so a definition
     * may follow them. Other lines are turned away first: a paragraph of many link definitions
     * would otherwise be read again for each of its lines.
     */
    private static boolean outsideParagraph(ParserState state, MatchedBlockParser matched, String opening) {
        BasedSequence line = state.getLine();
        int start = state.getNextNonSpaceIndex();
        if (!line.subSequence(Math.min(start, line.length())).startsWith(opening)) {
            return false; // flexmark's factory would start nothing here
        }
        if (!matched.getBlockParser().isParagraphParser()) {
            return true;
        }
        List<BasedSequence> lines = matched.getParagraphLines();
        if (lines == null) {
            return false;
        }
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!LINK_DEFINITION.matcher(lines.get(i)).lookingAt()) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code start}, a block quote or a list item that starts on a footnote definition's own
     * line, with the paragraph of the text after its marker started in it too ({@link NoteLead})
     * when that text starts with a letter: flexmark asks no factory about such text, not even
     * {@link NoteTexts}, and its own paragraph would take the next line lazily, where kramdown's
     * note has ended.
     */
    static BlockStart withNoteLead(BlockStart start, ParserState state, MatchedBlockParser matched) {
        Block container = matched.getBlockParser().getBlock();
        if (container instanceof Document || !(start instanceof BlockStartImpl found) || found.isReplaceActiveBlockParser()) {
            return start;
        }
        IndentedNote note = enclosingNote(state, container);
        if (note == null || !note.awaitsText(state, container)) {
            return start;
        }
        BasedSequence line = state.getLine();
        int index = found.getNewIndex();
        int column = found.getNewColumn();
        if (index < 0) {
            index = indexAtColumn(line, column);
        } else {
            column = columnAtIndex(line, index);
        }
        int text = index;
        while (text < line.length() && (line.charAt(text) == ' ' || line.charAt(text) == '\t')) {
            text++;
        }
        if (text >= line.length() || !Parsing.isLetter(line, text) || columnAtIndex(line, text) - column >= NOTE_INDENT) {
            return start; // flexmark asks the factories about this text, and NoteTexts starts the paragraph
        }
        BlockParser[] parsers = Arrays.copyOf(found.getBlockParsers(), found.getBlockParsers().length + 1);
        parsers[parsers.length - 1] = note.startLead();
        return BlockStart.of(parsers).atIndex(text);
    }

    /** The footnote definition {@code container} is or lies in, or null when it lies in none. */
    private static IndentedNote enclosingNote(ParserState state, Block container) {
        for (Node node = container; node instanceof Block block && !(node instanceof Document); node = node.getParent()) {
            if (state.getActiveBlockParser(block) instanceof IndentedNote note) {
                return note;
            }
        }
        return null;
    }

    /** The column {@code index} of {@code line} is at, a tab reaching the next multiple of four. */
    private static int columnAtIndex(BasedSequence line, int index) {
        int column = 0;
        for (int i = 0; i < index; i++) {
            column = line.charAt(i) == '\t' ? column + 4 - column % 4 : column + 1;
        }
        return column;
    }

    /** The index of the first character of {@code line} at or past {@code column}. */
    private static int indexAtColumn(BasedSequence line, int column) {
        int index = 0;
        for (int at = 0; index < line.length() && at < column; index++) {
            at = line.charAt(index) == '\t' ? at + 4 - at % 4 : at + 1;
        }
        return index;
    }

    /**
     * Whether kramdown reads a setext heading from this line, which it tries before a footnote or
     * abbreviation definition or an attribute list: a block boundary before the line, and under
     * it a line of {@code =} and {@code -} from the margin of the line's containers. Declined by
     * a definition's factory, the line starts a paragraph that the underline makes that heading.
     */
    static boolean headingFirst(ParserState state, MatchedBlockParser matched) {
        BasedSequence line = state.getLine();
        BasedSequence source = line.getBaseSequence();
        int lineEnd = source.indexOf('\n', line.getStartOffset());
        if (lineEnd < 0) {
            return false;
        }
        int nextEnd = source.indexOf('\n', lineEnd + 1);
        int underline = lineEnd + 1 + state.getIndex();
        int end = nextEnd < 0 ? source.length() : nextEnd;
        return underline < end && SETEXT_UNDERLINE.matcher(source.subSequence(underline, end)).matches()
                && atBlockBoundary(state, matched);
    }

    /**
     * Whether kramdown sees a block boundary before the line: first in its container, after a
     * blank line, a {@code ^} or an attribute list for the block after it. Not after link definitions,
     * which flexmark reads as an open paragraph, and kramdown as blocks that are no boundary.
     */
    private static boolean atBlockBoundary(ParserState state, MatchedBlockParser matched) {
        if (matched.getBlockParser().isParagraphParser()) {
            return false;
        }
        Node previous = matched.getBlockParser().getBlock().getLastChild();
        if (previous == null || previous instanceof KramdownEndOfBlock || previous instanceof AttributeListBlock list
                && list.definitionName() == null && KramdownAttributes.forNextBlock(list)) {
            return true;
        }
        BasedSequence source = state.getLine().getBaseSequence();
        int start = state.getLine().getStartOffset();
        int from = start - 1;
        while (from > 0 && source.charAt(from - 1) != '\n') {
            from--;
        }
        return from > 0 && source.subSequence(from, start).isBlank();
    }

    // flexmark loads one extension of a class and orders block parsers by their class, so each
    // extension and each parser factory has a class of its own

    private static final class Footnotes extends KramdownDefinitions {
        Footnotes() {
            super(FootnoteExtension.create());
        }

        @Override
        public void extend(Parser.Builder builder) {
            builder.customBlockParserFactory(new FootnoteStarts())
                    .customBlockParserFactory(new NoteTexts())
                    .linkRefProcessorFactory(new FootnoteLinkRefProcessor.Factory());
        }
    }

    private static final class Abbreviations extends KramdownDefinitions {
        Abbreviations() {
            super(AbbreviationExtension.create());
        }

        @Override
        public void extend(Parser.Builder builder) {
            builder.customBlockParserFactory(new AbbreviationStarts())
                    .postProcessorFactory(new TextAbbreviations());
        }
    }

    /**
     * Abbreviations marked as kramdown marks them: in any text but code and an image's
     * description, so in the text of links and of square brackets that refer to no link
     * definition too. flexmark's own factory leaves out the text of links, and, as it keeps track
     * of the nodes to leave out, also the text after a code span, autolink or footnote reference
     * up to the end of their parent; this one asks each text's ancestors instead.
     */
    private static final class TextAbbreviations extends NodePostProcessorFactory {
        TextAbbreviations() {
            super(false);
            addNodes(Text.class);
        }

        @Override
        public NodePostProcessor apply(Document document) {
            NodePostProcessor flexmark = new AbbreviationNodePostProcessor.Factory().apply(document);
            return new NodePostProcessor() {
                @Override
                public void process(NodeTracker state, Node node) {
                    if (marked(node)) {
                        flexmark.process(state, node);
                    }
                }
            };
        }

        /**
         * Whether abbreviations are marked in {@code text}: not inside code, an image, or a node
         * flexmark keeps undecorated ({@link DoNotDecorate}, as a footnote reference is).
         */
        private static boolean marked(Node text) {
            for (Node node = text.getParent(); node != null; node = node.getParent()) {
                if (node instanceof Image || node instanceof ImageRef || node instanceof Code || node instanceof DoNotDecorate) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final class FootnoteStarts extends ScreenedStartFactory {
        FootnoteStarts() {
            super(new FootnoteBlockParser.Factory());
        }

        @Override
        boolean mayStart(ParserState state, MatchedBlockParser matched) {
            return outsideParagraph(state, matched, "[^") && !tableFirst(state, matched) && !headingFirst(state, matched);
        }

        /**
         * The definition's parser, which goes on over lines indented by four columns. When the
         * text on its own line starts with a letter, the paragraph that text starts is started
         * with it ({@link NoteLead}): flexmark asks no factory about a line that starts so, not
         * even {@link NoteTexts}.
         */
        @Override
        BlockStart started(BlockStart start, ParserState state, MatchedBlockParser matched) {
            if (!(start instanceof BlockStartImpl found) || found.getBlockParsers().length != 1 || found.getNewIndex() < 0) {
                return start;
            }
            IndentedNote note = new IndentedNote(found.getBlockParsers()[0], state.getLineNumber());
            BasedSequence line = state.getLine();
            int text = found.getNewIndex();
            while (text < line.length() && (line.charAt(text) == ' ' || line.charAt(text) == '\t')) {
                text++;
            }
            if (text >= line.length() || !Parsing.isLetter(line, text)) {
                return BlockStart.of(note).atIndex(found.getNewIndex());
            }
            return BlockStart.of(note, note.startLead()).atIndex(text);
        }

        /**
         * Whether kramdown reads a table from this line on, which it tries before a footnote
         * definition: a block boundary before the line, and the lines from it to the next blank
         * line, attribute list or {@code ^} (the boundaries a table must end at) a table
         * ({@link KramdownPipeRows#readsAsTable}). Declined here, the line starts the paragraph
         * that {@link KramdownPipeRows} then reads as that table.
         */
        private static boolean tableFirst(ParserState state, MatchedBlockParser matched) {
            BasedSequence line = state.getLine();
            int prefix = state.getNextNonSpaceIndex();
            if (line.indexOf('|', prefix) < 0 || !atBlockBoundary(state, matched)) {
                return false;
            }
            List<BasedSequence> lines = new ArrayList<>();
            lines.add(line.subSequence(prefix));
            for (BasedSequence next : KramdownPipeRows.linesAfter(line, prefix)) {
                if (LazyContainer.isBoundary(next)) {
                    break;
                }
                lines.add(next);
            }
            return KramdownPipeRows.readsAsTable(lines);
        }
    }

    /**
     * A footnote definition that goes on over lines indented by four columns, a tab counting to
     * the next multiple of four as kramdown expands it: flexmark's parser skips four characters,
     * so it would take a tab and three letters after it as the indent. After an indented line it
     * goes on over any line up to a blank one, as kramdown's does: a line that starts a block
     * ({@code > quote}, {@code # heading}, a list) is that block inside the note, where flexmark
     * would end the note. Not a line that ends lazy lines in kramdown (an attribute list, a
     * {@code ^}, block-level HTML), nor one right after a blank line that is not indented.
     */
    private static final class IndentedNote extends WrappedBlockParser {
        /** The number of the definition's own line. */
        private final int ownLine;
        /** The paragraph of the definition's own line, or null while it has none. */
        private NoteLead lead;
        /** Whether a line indented by four columns came after the first line or the last blank one. */
        private boolean indented;

        IndentedNote(BlockParser flexmark, int ownLine) {
            super(flexmark);
            this.ownLine = ownLine;
        }

        /** The paragraph of the text on the definition's own line, to be started in the definition. */
        NoteLead startLead() {
            lead = new NoteLead();
            return lead;
        }

        /**
         * Whether the state is on the definition's own line and the text there starts a paragraph
         * in {@code container}, the note or a quote or list item the line starts in it, where no
         * block has started yet.
         */
        boolean awaitsText(ParserState state, Block container) {
            return state.getLineNumber() == ownLine && lead == null && !container.hasChildren();
        }

        @Override
        public BlockContinue tryContinue(ParserState state) {
            if (state.isBlank()) {
                indented = false;
                return flexmark.tryContinue(state);
            }
            if (state.getIndent() >= NOTE_INDENT) {
                indented = true;
                return BlockContinue.atColumn(state.getColumn() + NOTE_INDENT);
            }
            if (indented && !LazyContainer.endsLazyLines(state.getLine().subSequence(state.getIndex()))) {
                return BlockContinue.atIndex(state.getIndex());
            }
            if (lead != null) {
                lead.ended = true;
            }
            return BlockContinue.none();
        }
    }

    /**
     * The paragraph a footnote definition's own line starts, which takes no lazy line until the
     * definition has taken an indented one: flexmark continues an open paragraph with any line
     * that its containers let go and no block starts on, unless the paragraph's parser says it
     * is not one. So an unindented line right after the definition's first line is a block of
     * the page, as kramdown's definition takes lazy lines only after a line indented by four
     * columns.
     */
    private static final class NoteLead extends ParagraphParser {
        private boolean ended;

        @Override
        public boolean isParagraphParser() {
            return !ended;
        }
    }

    /**
     * Starts the paragraph of the text on a footnote definition's own line when no other block
     * starts there ({@link NoteLead}), in the place of flexmark's own paragraph, which would take
     * lazy lines. It is asked last, after every other factory, so that any block the text starts
     * (a list, a quote, code) comes first, and the paragraph starts inside them: the line after
     * {@code [^a]: > quoted} does not go on the quote either.
     */
    private static final class NoteTexts extends BlockStartFactory {
        @Override
        BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
            Block container = matched.getBlockParser().getBlock();
            if (state.isBlank() || container.hasChildren() || container instanceof Document) {
                return BlockStart.none(); // most lines: no block of a note's own line starts here
            }
            IndentedNote note = enclosingNote(state, container);
            if (note == null || !note.awaitsText(state, container)) {
                return BlockStart.none();
            }
            return BlockStart.of(note.startLead()).atIndex(state.getNextNonSpaceIndex());
        }

        @Override
        public Set<Class<?>> getAfterDependents() {
            return Set.of(LastDependent.class);
        }
    }

    private static final class AbbreviationStarts extends ScreenedStartFactory {
        AbbreviationStarts() {
            super(new AbbreviationBlockParser.Factory());
        }

        @Override
        boolean mayStart(ParserState state, MatchedBlockParser matched) {
            return outsideParagraph(state, matched, "*[") && !headingFirst(state, matched);
        }

        /**
         * flexmark's definition with its parts taken where they stand on the line: flexmark's
         * factory counts the line's indent twice, so in a quote or a list item, or after spaces,
         * the name it records misses its first letters and marks nothing. The name ends at the
         * first {@code ]:} and keeps its spaces, as in kramdown's pattern.
         */
        @Override
        BlockStart started(BlockStart start, ParserState state, MatchedBlockParser matched) {
            if (!(start instanceof BlockStartImpl found) || found.getBlockParsers().length != 1
                    || !(found.getBlockParsers()[0].getBlock() instanceof AbbreviationBlock block)) {
                return start;
            }
            BasedSequence definition = state.getLine().subSequence(state.getNextNonSpaceIndex());
            Matcher name = ABBREVIATION.matcher(definition);
            if (!name.lookingAt()) {
                return start;
            }
            block.setOpeningMarker(definition.subSequence(0, 2));
            block.setText(definition.subSequence(2, name.end() - 2));
            block.setClosingMarker(definition.subSequence(name.end() - 2, name.end()));
            BasedSequence expansion = definition.subSequence(name.end()).trim();
            // flexmark marks nothing for a definition without text, where kramdown marks the
            // name without a title: such a definition stands for itself with its ]:, a text
            // of no title (see untitled)
            block.setAbbreviation(expansion.isEmpty() ? block.getClosingMarker() : expansion);
            block.setCharsFromContent();
            return start;
        }
    }

    /** Whether an abbreviation's definition gives it no text, so that it has no title in kramdown. */
    static boolean untitled(AbbreviationBlock definition) {
        return definition.getAbbreviation().getStartOffset() == definition.getClosingMarker().getStartOffset();
    }
}
