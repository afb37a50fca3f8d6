package org.sheaf.markdown;

import com.vladsch.flexmark.ast.util.ReferenceRepository;
import com.vladsch.flexmark.ext.abbreviation.AbbreviationExtension;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.definition.DefinitionExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.typographic.TypographicExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.ParserEmulationProfile;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.KeepType;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sheaf.highlight.Highlighting;

/**
 * Markdown to HTML as Jekyll 4.3 renders it: by default kramdown with its GFM parser (heading
 * ids, smart quotes and dashes, tables, footnotes, definition lists, abbreviations, attribute
 * lists, {@code {:toc}}, raw HTML blocks, math, task lists, kramdown's list and emphasis rules,
 * Rouge's code block markup); with the CommonMark flavour, CommonMark as
 * jekyll-commonmark gives it, with the GFM extensions and options the site's {@code commonmark:} names.
 *
 * <p>Thread-safe: the flexmark parser and renderer are built once, here, and every call to
 * {@link #render} works on its own document. Build one per site build and share it.
 */
public final class MarkdownRenderer {
    /** The most parses of one page that closing its fences may take ({@link #withClosedFences}). */
    private static final int FENCE_PARSES = 8;
    /**
     * The most times {@link KramdownListNesting} reads a page: each reading leaves the lines
     * inside an item whose own line it indents to the next, which reads them in the items the
     * parse with those spaces finds; lines still left after the last stay as flexmark reads them.
     */
    private static final int NESTING_PASSES = 3;

    /**
     * Whether the kramdown flavour reads pages as kramdown's GFM parser ({@code input: GFM}) or as
     * its own ({@code input: kramdown}), for the parts of the parser that differ.
     */
    static final DataKey<Boolean> GFM_INPUT = new DataKey<>("KRAMDOWN_GFM_INPUT", true);

    private final MarkdownOptions options;
    private final Parser parser;
    /** The parser for documents that define no abbreviation ({@code *[name]: ...}). */
    private final Parser parserWithoutAbbreviations;
    private final HtmlRenderer renderer;

    /** A renderer that colours code with sheaf's own lexers alone ({@link Highlighting#ownLexers}). */
    public MarkdownRenderer(MarkdownOptions options) {
        this(options, Highlighting.ownLexers());
    }

    /** A renderer that colours code with {@code highlighting}, the build's. */
    public MarkdownRenderer(MarkdownOptions options, Highlighting highlighting) {
        this.options = options;
        if (options.flavour() == MarkdownOptions.Flavour.COMMONMARK) {
            // jekyll-commonmark turns on only the extensions and options the site names
            Set<String> named = options.commonMark();
            List<Extension> extensions = new ArrayList<>();
            if (named.contains("table")) {
                extensions.add(TablesExtension.create());
            }
            if (named.contains("strikethrough")) {
                extensions.add(StrikethroughExtension.create());
            }
            if (named.contains("autolink")) {
                extensions.add(AutolinkExtension.create());
            }
            if (named.contains("SMART")) {
                extensions.add(TypographicExtension.create());
            }
            MutableDataSet set = new MutableDataSet();
            set.set(Parser.EXTENSIONS, extensions);
            // CommonMarker's SMART writes the characters, not entities
            set.set(TypographicExtension.SINGLE_QUOTE_OPEN, "‘");
            set.set(TypographicExtension.SINGLE_QUOTE_CLOSE, "’");
            set.set(TypographicExtension.SINGLE_QUOTE_UNMATCHED, "’");
            set.set(TypographicExtension.DOUBLE_QUOTE_OPEN, "“");
            set.set(TypographicExtension.DOUBLE_QUOTE_CLOSE, "”");
            set.set(TypographicExtension.DOUBLE_QUOTE_UNMATCHED, "“");
            set.set(TypographicExtension.EN_DASH, "–");
            set.set(TypographicExtension.EM_DASH, "—");
            set.set(TypographicExtension.ELLIPSIS, "…");
            set.set(TypographicExtension.ELLIPSIS_SPACED, "…");
            set.set(TypographicExtension.ANGLE_QUOTE_OPEN, "<<");
            set.set(TypographicExtension.ANGLE_QUOTE_CLOSE, ">>");
            set.set(HtmlRenderer.RENDER_HEADER_ID, false);
            set.set(HtmlRenderer.GENERATE_HEADER_ID, false);
            set.set(HtmlRenderer.SOFT_BREAK, named.contains("HARDBREAKS") ? "<br />\n" : named.contains("NOBREAKS") ? " " : "\n");
            gfmTables(set);
            everyLink(set);
            // CommonMarkNodeRenderer writes footnotes as CommonMarker does: the footnote extension
            // only parses, and the renderer does not load flexmark's own footnote markup
            MutableDataSet render = new MutableDataSet(set);
            if (named.contains("FOOTNOTES")) {
                List<Extension> parsing = new ArrayList<>(extensions);
                parsing.add(FootnoteExtension.create());
                set.set(Parser.EXTENSIONS, parsing);
            }
            this.parser = HeadingStartFactory.install(LeanInlineParser.install(Parser.builder(set))).build();
            this.parserWithoutAbbreviations = parser;
            this.renderer = HtmlRenderer.builder(render).nodeRendererFactory(new CommonMarkNodeRenderer.Factory(named, highlighting))
                    .build();
            return;
        }
        this.parser = kramdownParser(true, Map.of(), null);
        this.parserWithoutAbbreviations = kramdownParser(false, Map.of(), null);
        // The footnote extension parses; KramdownNodeRenderer renders footnotes, so the
        // renderer does not load flexmark's own footnote markup.
        MutableDataSet render = kramdownOptions();
        List<Extension> renderExtensions = List.of(TablesExtension.create(), DefinitionExtension.create(),
                AbbreviationExtension.create(), TypographicExtension.create(), StrikethroughExtension.create());
        render.set(Parser.EXTENSIONS, renderExtensions);
        this.renderer = HtmlRenderer.builder(render)
                .nodeRendererFactory(new KramdownNodeRenderer.Factory(options, highlighting))
                .nodeRendererFactory(new KramdownBlankLines.Factory())
                .attributeProviderFactory(new KramdownAttributeProvider.Factory())
                .htmlIdGeneratorFactory(new KramdownHeadingIds.Factory(options))
                .build();
    }

    /**
     * The kramdown parser, with or without abbreviations. flexmark finds abbreviations in a pass
     * over every node of the parsed document after parsing (about a sixth of all Markdown time on
     * the benchmark corpus), so documents that define none are parsed without that pass. Given
     * {@code references}, the documents it parses look links up in them and add their own
     * definitions to them; otherwise each document has definitions of its own.
     */
    private Parser kramdownParser(boolean abbreviations, Map<Integer, Integer> longestFences, ReferenceRepository references) {
        MutableDataSet parse = kramdownOptions();
        if (references != null) {
            parse.set(Parser.REFERENCES, references);
        }
        parse.set(KramdownFences.LONGEST, longestFences);
        List<Extension> extensions = new ArrayList<>(List.of(KramdownDefinitions.footnotes(), new KramdownDefinitionLists(),
                TypographicExtension.create()));
        if (options.gfm()) {
            extensions.add(StrikethroughExtension.create());
        }
        if (abbreviations) {
            extensions.add(KramdownDefinitions.abbreviations());
        }
        parse.set(Parser.EXTENSIONS, extensions);
        // kramdown's lists: any bullet continues a bullet list, an item of the other kind right
        // after an item nests in it, an item's content starts where its text does, no start
        // number. Its GFM parser lets a list, any ordered one included, and a block quote
        // interrupt a paragraph, and wants "# " at the very start of a heading's line; a rule
        // interrupts one only when it looks like a list item (KramdownRuleParser). Its own parser
        // lets none of them interrupt a paragraph.
        parse.setFrom(ParserEmulationProfile.KRAMDOWN);
        boolean gfm = options.gfm();
        parse.set(GFM_INPUT, gfm);
        parse.set(Parser.HEADING_NO_ATX_SPACE, !gfm);
        parse.set(Parser.LISTS_BULLET_ITEM_INTERRUPTS_PARAGRAPH, gfm);
        parse.set(Parser.LISTS_ORDERED_ITEM_INTERRUPTS_PARAGRAPH, gfm);
        parse.set(Parser.LISTS_ORDERED_NON_ONE_ITEM_INTERRUPTS_PARAGRAPH, gfm);
        parse.set(Parser.BLOCK_QUOTE_INTERRUPTS_PARAGRAPH, gfm);
        // An empty item too, where CommonMark wants text after the marker
        parse.set(Parser.LISTS_EMPTY_BULLET_ITEM_INTERRUPTS_PARAGRAPH, gfm);
        parse.set(Parser.LISTS_EMPTY_ORDERED_ITEM_INTERRUPTS_PARAGRAPH, gfm);
        parse.set(Parser.LISTS_EMPTY_ORDERED_NON_ONE_ITEM_INTERRUPTS_PARAGRAPH, gfm);
        parse.set(Parser.LISTS_EMPTY_BULLET_SUB_ITEM_INTERRUPTS_ITEM_PARAGRAPH, true);
        parse.set(Parser.LISTS_EMPTY_ORDERED_SUB_ITEM_INTERRUPTS_ITEM_PARAGRAPH, true);
        parse.set(Parser.LISTS_EMPTY_ORDERED_NON_ONE_SUB_ITEM_INTERRUPTS_ITEM_PARAGRAPH, true);
        parse.set(Parser.HTML_BLOCK_DEEP_PARSER, false);
        parse.set(Parser.THEMATIC_BREAK_RELAXED_START, false);
        parse.set(Parser.THEMATIC_BREAK_PARSER, false);
        // A line that starts with a span-level tag is a paragraph in kramdown; other tags are
        // read by KramdownHtmlBlockParser, so flexmark's "any complete tag" block never applies.
        parse.set(Parser.HTML_BLOCK_START_ONLY_ON_BLOCK_TAGS, true);
        // An HTML comment under a paragraph's text is a comment in that paragraph: kramdown ends
        // paragraphs lazily only at tags with a name.
        parse.set(Parser.HTML_COMMENT_BLOCKS_INTERRUPT_PARAGRAPH, false);
        // Emphasis opens and closes by kramdown's rules (KramdownEmphasis), not CommonMark's.
        parse.set(Parser.ASTERISK_DELIMITER_PROCESSOR, false);
        parse.set(Parser.UNDERSCORE_DELIMITER_PROCESSOR, false);
        parse.set(LeanInlineParser.KRAMDOWN_EMPHASIS, true);
        // Link destinations as kramdown reads them: spaces belong to them, and <...> runs to the first >.
        parse.set(LeanInlineParser.KRAMDOWN_ANGLE_DESTINATIONS, true);
        parse.set(LeanInlineParser.KRAMDOWN_CODE_SPANS, true);
        parse.set(LeanInlineParser.KRAMDOWN_TAGS_ONLY, true);
        parse.set(LeanInlineParser.KRAMDOWN_AUTOLINKS, true);
        parse.set(LeanInlineParser.KRAMDOWN_REFERENCES, true);
        parse.set(LeanInlineParser.KRAMDOWN_LINE_END_SPACE, true);
        parse.set(LeanInlineParser.KRAMDOWN_BACKSLASH_BREAK, !options.hardWrap());
        parse.set(LeanInlineParser.KRAMDOWN_HARD_WRAP, options.hardWrap());
        // of two link, footnote or abbreviation definitions of one name, kramdown keeps the later
        parse.set(Parser.REFERENCES_KEEP, KeepType.LAST);
        parse.set(FootnoteExtension.FOOTNOTES_KEEP, KeepType.LAST);
        parse.set(AbbreviationExtension.ABBREVIATIONS_KEEP, KeepType.LAST);
        parse.set(Parser.SPACE_IN_LINK_URLS, true);
        Parser.Builder builder = KramdownIndentedCode.install(KramdownFences.install(HtmlBlockStartFactory.install(
                HeadingStartFactory.installKramdown(LeanInlineParser.install(Parser.builder(parse))))))
                .customDelimiterProcessor(new KramdownEmphasis('*'))
                .customDelimiterProcessor(new KramdownEmphasis('_'))
                .customBlockParserFactory(new AttributeListBlockParser.Factory())
                .customBlockParserFactory(new SpanHtmlBlockParser.Factory())
                .customBlockParserFactory(new MarkdownHtmlBlockParser.RestFactory())
                .customBlockParserFactory(new MarkdownHtmlBlockParser.Factory())
                .customBlockParserFactory(new KramdownHtmlBlockParser.Factory())
                .customBlockParserFactory(new KramdownMath.BlockFactory())
                .customBlockParserFactory(new KramdownRawLines.Factory())
                .customBlockParserFactory(new KramdownExtensionBlock.Factory())
                .customBlockParserFactory(new KramdownRuleParser.Factory())
                .customBlockParserFactory(new KramdownEndOfBlock.Factory())
                .postProcessorFactory(new KramdownSpanElements())
                .paragraphPreProcessorFactory(new KramdownPipeRows.Factory())
                .paragraphPreProcessorFactory(new KramdownPipeRows.DefinitionRowFactory())
                .customInlineParserExtensionFactory(new KramdownMath.SpanParser.Factory())
                .customInlineParserExtensionFactory(new AttributeListSpanParser.Factory())
                .customInlineParserExtensionFactory(new SpacedDotsParser.Factory());
        // registered last, so flexmark orders them among the block parsers where it ordered its own
        return KramdownLazyContainers.install(builder).build();
    }

    private MutableDataSet kramdownOptions() {
        MutableDataSet set = new MutableDataSet();
        gfmTables(set);
        // kramdown: a separator cell is any run of dashes, and a row with more cells than the
        // header widens the whole table
        set.set(TablesExtension.MIN_SEPARATOR_DASHES, 1);
        set.set(TablesExtension.DISCARD_EXTRA_COLUMNS, false);
        everyLink(set);
        set.set(HtmlRenderer.GENERATE_HEADER_ID, true);
        set.set(HtmlRenderer.RENDER_HEADER_ID, true);
        set.set(HtmlRenderer.SOFT_BREAK, options.hardWrap() ? "<br />\n" : "\n");
        set.set(HtmlRenderer.INDENT_SIZE, 2);
        set.set(MarkdownHtmlBlockParser.PARSE_BLOCK_HTML, options.parseBlockHtml());
        // kramdown curls each quote by its neighbours, never pairing them (KramdownText)
        set.set(TypographicExtension.ENABLE_QUOTES, false);
        set.set(TypographicExtension.EN_DASH, "–");
        set.set(TypographicExtension.EM_DASH, "—");
        set.set(TypographicExtension.ELLIPSIS, "…");
        set.set(TypographicExtension.ELLIPSIS_SPACED, "…");
        set.set(TypographicExtension.ANGLE_QUOTE_OPEN, "«");
        set.set(TypographicExtension.ANGLE_QUOTE_CLOSE, "»");
        return set;
    }

    /**
     * Links are written whatever their URL, as both Jekyll converters write them: flexmark on its
     * own writes a {@code javascript:} link as its bare text.
     */
    private static void everyLink(MutableDataSet set) {
        set.set(HtmlRenderer.SUPPRESSED_LINKS, "(?!)");
    }

    private static void gfmTables(MutableDataSet set) {
        set.set(TablesExtension.COLUMN_SPANS, false);
        set.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        set.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
        set.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
    }

    /**
     * Converts one document's Markdown (after Liquid) to an HTML fragment.
     *
     * @param markdown the Markdown text, without front matter
     * @return the HTML, ending with a line break unless empty (never empty in kramdown, which
     *         writes a page of nothing as one empty line)
     */
    public String render(String markdown) {
        return render(markdown, null);
    }

    /**
     * Converts one page's Markdown, rewriting its relative links to other Markdown files through
     * {@code links}.
     *
     * @param links the page's relative links; null to leave every link as written
     */
    public String render(String markdown, RelativeLinks links) {
        return write(parse(markdown, PossibleConstructs.of(markdown), links, null, null));
    }

    /**
     * HTML, the headings it holds, as a table of contents lists them, and the links it holds.
     *
     * @param html     the HTML, as {@link #render(String, RelativeLinks)} gives it
     * @param headings the headings written with an id, in order, taken from the Markdown tree as it
     *                 rendered; empty when the tree cannot tell them (CommonMark, which writes no
     *                 ids; raw HTML that may hold a heading; a heading with raw HTML or a footnote
     *                 in its text), so the caller must read them from the HTML
     * @param links    the links of the Markdown tree, either flavour's, in the order written; links
     *                 in raw HTML are not among them
     */
    public record Html(String html, Optional<List<SectionHeading>> headings, List<PageLink> links) {
        public Html {
            links = List.copyOf(links);
        }

        /** HTML that was not Markdown, so nothing is known of its headings and links. */
        public static Html notMarkdown(String html) {
            return new Html(html, Optional.empty(), List.of());
        }
    }

    /** As {@link #render(String, RelativeLinks)}, with the headings and the links the HTML holds. */
    public Html renderWithHeadings(String markdown, RelativeLinks links) {
        List<PageLink> found = new ArrayList<>();
        PossibleConstructs possible = PossibleConstructs.of(markdown);
        Document document = parse(markdown, possible, links, found, null);
        if (options.flavour() != MarkdownOptions.Flavour.KRAMDOWN || possible.rawHeading()) {
            return new Html(write(document), Optional.empty(), found);
        }
        HeadingCollector headings = new HeadingCollector();
        HeadingCollector.KEY.set(document, headings);
        String html = write(document);
        return new Html(html, headings.headings(), found);
    }

    /**
     * The HTML of {@code document}; in kramdown's flavour with the values of its attribute lists
     * as kramdown writes them ({@link KramdownAttributeValues}).
     */
    private String write(Document document) {
        if (options.flavour() != MarkdownOptions.Flavour.KRAMDOWN) {
            return renderer.render(document);
        }
        KramdownAttributeValues values = new KramdownAttributeValues(document.getChars());
        KramdownAttributeValues.KEY.set(document, values);
        String html = values.unmarked(renderer.render(document));
        // kramdown writes the blank lines a text opens with as an empty line, as it writes those
        // between two blocks; a page's front matter takes them, but Liquid before the Markdown
        // ({% assign %} lines) and markdownify leave them
        return opensWithBlankLine(document.getChars()) && !html.startsWith("\n") ? "\n" + html : html;
    }

    /** Whether {@code text}'s first line holds nothing but white space. */
    private static boolean opensWithBlankLine(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                return true;
            }
            if (!Character.isWhitespace(c)) {
                return false;
            }
        }
        return false;
    }

    /**
     * {@code document}, parsed again as long as a fence in it closed nothing, that fence's line
     * shortened to a fence that closes or refused ({@link KramdownFences}). Each parse shortens
     * or refuses at least one more line, and a fence shortened or refused can reveal one inside
     * it only when fences of falling length nest, so past {@link #FENCE_PARSES} parses the
     * fences still open stay as flexmark read them.
     */
    private Document withClosedFences(Document document, String markdown, boolean abbreviations, ReferenceRepository references) {
        Map<Integer, Integer> longest = new HashMap<>();
        for (int parses = 1; parses <= FENCE_PARSES && KramdownFences.shortenUnclosed(document, longest); parses++) {
            document = kramdownParser(abbreviations, Map.copyOf(longest), references).parse(markdown);
        }
        return document;
    }

    /**
     * {@code markdown}, which may hold what {@code possible} says, parsed, and for kramdown its
     * fences closed as kramdown closes them ({@link #withClosedFences}): a fence that closes
     * nothing runs to the end of its container in flexmark, over lines kramdown reads as
     * Markdown, among them the lazy lines {@link KramdownListNesting} looks for. Given
     * {@code elements}, the parsers of the elements of the page {@code markdown} is part of,
     * its links are looked up in the page's link definitions too.
     */
    private Document blocksOf(String markdown, PossibleConstructs possible, ElementParsers elements) {
        Parser blocks = elements != null ? elements.parser(possible.abbreviations())
                : possible.abbreviations() ? parser : parserWithoutAbbreviations;
        Document document = blocks.parse(markdown);
        return options.flavour() == MarkdownOptions.Flavour.KRAMDOWN && possible.fences()
                ? withClosedFences(document, markdown, possible.abbreviations(), elements == null ? null : elements.references)
                : document;
    }

    /**
     * The parsers for the elements of one page whose contents are read as blocks after the page's
     * text ({@link RawHtmlBlocks#parseInside}): they look links up in the page's definitions
     * ({@code references}), so they are built for the page, each once, when an element first
     * wants it, rather than once per element. Used by one page's parse only, so not thread-safe.
     */
    private final class ElementParsers {
        private final ReferenceRepository references;
        private Parser withAbbreviations;
        private Parser withoutAbbreviations;

        ElementParsers(ReferenceRepository references) {
            this.references = references;
        }

        Parser parser(boolean abbreviations) {
            if (abbreviations) {
                if (withAbbreviations == null) {
                    withAbbreviations = kramdownParser(true, Map.of(), references);
                }
                return withAbbreviations;
            }
            if (withoutAbbreviations == null) {
                withoutAbbreviations = kramdownParser(false, Map.of(), references);
            }
            return withoutAbbreviations;
        }
    }

    /**
     * A repository of the link definitions in {@code page} that the contents of elements read
     * after {@code document}'s text ({@link RawHtmlBlocks}) added, and not {@code document} itself.
     */
    private static ReferenceRepository definedInElements(ReferenceRepository page, Document document) {
        ReferenceRepository inElements = new ReferenceRepository(document);
        page.forEach((name, reference) -> {
            if (reference.getDocument() != document) {
                inElements.put(name, reference);
            }
        });
        return inElements;
    }

    /** Where {@code offset} in the text the last of {@code nestings} (the first listed) wrote is in the page's own text. */
    private static int originalOffset(List<KramdownListNesting> nestings, int offset) {
        for (KramdownListNesting nesting : nestings) {
            offset = nesting.originalOffset(offset);
        }
        return offset;
    }

    /**
     * Parses {@code original}, which may hold what {@code possible} says, rewriting its links
     * through {@code links} and adding them to {@code found}, and looking them up in
     * the link definitions of the page it is part of too, through {@code elements}, each when given.
     * A page whose elements read after its text define links of their own is parsed once more,
     * knowing them, as kramdown reads every definition of the page before any link; that second
     * parse is given {@code elements}, so it is never parsed a third time, and a page without such
     * definitions is parsed once.
     */
    private Document parse(String original, PossibleConstructs possible, RelativeLinks links, List<PageLink> found,
            ElementParsers elements) {
        String markdown = original;
        int foundBefore = found == null ? 0 : found.size();
        Document document = blocksOf(markdown, possible, elements);
        List<KramdownListNesting> nestings = new ArrayList<>();
        for (int pass = 0; pass < NESTING_PASSES && options.flavour() == MarkdownOptions.Flavour.KRAMDOWN
                && possible.listNesting(); pass++) {
            KramdownListNesting nesting = KramdownListNesting.of(document, markdown);
            if (nesting == null) {
                break;
            }
            nestings.add(0, nesting);
            markdown = nesting.markdown();
            possible = PossibleConstructs.of(markdown);
            document = blocksOf(markdown, possible, elements);
        }
        if (options.flavour() == MarkdownOptions.Flavour.KRAMDOWN && possible.listParts()) {
            KramdownListParts.separate(document, markdown);
        }
        if (links != null || found != null) {
            List<PageLink> inThisText = found == null || nestings.isEmpty() ? found : new ArrayList<>();
            RelativeLinkTree.rewrite(document, links, inThisText);
            if (inThisText != found) {
                for (PageLink link : inThisText) {
                    found.add(new PageLink(link.written(), link.url(), link.unresolved(), originalOffset(nestings, link.offset())));
                }
            }
        }
        if (options.flavour() == MarkdownOptions.Flavour.KRAMDOWN) {
            KramdownHtmlRests.join(document);
            if (possible.attributes()) {
                KramdownAttributes.attach(document);
            }
            if (possible.taskBoxes() && options.gfm()) {
                KramdownTaskLists.mark(document);
            }
            // last, as the text of each element read so has had all of the above; kramdown reads
            // link definitions for the whole page, so the element's links find the page's
            ReferenceRepository page = Parser.REFERENCES.get(document);
            ElementParsers inside = elements != null && elements.references == page ? elements : new ElementParsers(page);
            int definitions = page.size();
            RawHtmlBlocks.parseInside(document, text -> parse(text, PossibleConstructs.of(text), null, null, inside));
            if (elements == null && page.size() > definitions) {
                // kramdown reads the whole page's link definitions before its links, those in
                // the elements too: the page is read again knowing them
                if (found != null) {
                    found.subList(foundBefore, found.size()).clear();
                }
                return parse(original, PossibleConstructs.of(original), links, found,
                        new ElementParsers(definedInElements(page, document)));
            }
        } else if (options.commonMark().contains("tasklist") && possible.taskBoxes()) {
            CommonMarkTaskLists.mark(document);
        }
        return document;
    }
}
