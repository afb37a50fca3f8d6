package org.sheaf.markdown;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sheaf.markdown.KramdownHtmlBlockParser.BlocksContent;
import org.sheaf.markdown.KramdownHtmlBlockParser.SpanContent;

/**
 * The text of a raw HTML block as kramdown writes it. kramdown reads the block's HTML and writes
 * it again, so between the tags the characters HTML reserves come out escaped, as in any text it
 * writes: a lone {@code &} as {@code &amp;}, {@code <} and {@code >} that open or close no tag
 * as {@code &lt;} and {@code &gt;}. A reference already written ({@code &#8220;}, {@code &amp;},
 * even {@code &AMP;}) stays; so do comments, processing instructions and the content of
 * {@code script} and {@code style}, which it does not read as text. A {@code <td>&</td>} of a
 * table written in HTML then reads {@code &amp;} wherever a template takes the page's HTML as it
 * is (a search index), as in Jekyll's.
 *
 * <p>kramdown's raw HTML parser also keeps the elements of the block nested: a closing tag that
 * does not close the innermost open element is text to it ({@code <code>x<code>y</p>} writes the
 * {@code </p>} as {@code &lt;/p&gt;}), and an element still open where the document ends is
 * closed there, innermost first.
 */
final class KramdownHtmlText {
    /**
     * Text that ends with a {@code script} or {@code style} element, or with an element without
     * content: kramdown's {@code HTML_ELEMENTS_WITHOUT_BODY}, or one closed in its own tag.
     */
    private static final Pattern ENDS_APART = Pattern.compile("(?is).*(?:</(?:script|style)\\s*>"
            + "|<(?:area|base|br|col|command|embed|hr|img|input|keygen|link|meta|param|source|track|wbr)(?:\\s[^<>]*)?>"
            + "|<[a-z][^<>]*/>)\\s*");

    private KramdownHtmlText() {
    }

    /**
     * {@code html}, the text of a block of raw HTML, as kramdown writes it: its text escaped, its
     * tags written anew ({@link KramdownTags}), and each element, comment or processing
     * instruction at the top of the block on a line of its own, without the spaces written
     * before it or after it on its line, as kramdown reads each as a block of its own. When
     * {@code endsDocument}, the block runs to the end of the text kramdown parses (the page, a
     * list item's or a quote's), and the elements it leaves open are closed after it.
     */
    static String escaped(String html, boolean endsDocument) {
        return escaped(html, endsDocument, MarkdownContents.RAW);
    }

    /**
     * {@link #escaped(String, boolean)}, with the content of each element inside the block that
     * kramdown reads as Markdown, as spans ({@link KramdownHtmlBlockParser.SpanContent}) or as
     * blocks after text ({@link KramdownHtmlBlockParser.BlocksContent}), written by {@code contents}.
     */
    static String escaped(String html, boolean endsDocument, MarkdownContents contents) {
        return escaped(html, endsDocument, contents, new ArrayDeque<>());
    }

    /**
     * {@link #escaped(String, boolean, MarkdownContents)} for the rest of elements of raw HTML
     * that an element read as Markdown cut short, {@code around} them (innermost first): a
     * closing tag that closes none of the block's own elements closes the innermost of those,
     * and is text when it does not, as kramdown's raw HTML parser reads on in them.
     */
    static String escaped(String html, boolean endsDocument, MarkdownContents contents, Deque<String> around) {
        StringBuilder out = new StringBuilder(html.length() + 16);
        Deque<String> elements = write(html, out, contents, new ArrayDeque<>(around));
        while (endsDocument && !elements.isEmpty()) {
            out.append("</").append(elements.pop()).append('>');
        }
        return out.toString();
    }

    /**
     * Whether {@code html}, the text of a block of raw HTML, leaves an element open: kramdown's
     * raw HTML parser then reads on to the end of the text it parses (the page, or a list item's
     * or a quote's text), blank lines at its end included. The content of an element read as
     * spans ({@code <em markdown="span">`a <b>`</em>}) opens none: kramdown reads it to the
     * element's closing tag as text.
     */
    static boolean leavesOpen(String html) {
        return !write(html, new StringBuilder(html.length() + 16), content -> "", new ArrayDeque<>()).isEmpty();
    }

    /**
     * Where the contents read as Markdown spans stand in {@code html}, the text of a block of raw
     * HTML, in order: those {@link #escaped} has {@link MarkdownContents} write.
     */
    static List<SpanContent> spanContents(String html) {
        if (!mayReadMarkdown(html)) {
            return List.of();
        }
        List<SpanContent> found = new ArrayList<>();
        write(html, new StringBuilder(html.length() + 16), content -> {
            found.add(content);
            return "";
        }, new ArrayDeque<>());
        return found;
    }

    /**
     * Where the contents read as blocks stand in {@code html}, the text of a block of raw HTML, in
     * order: those {@link #escaped} has {@link MarkdownContents#blocks} write.
     */
    static List<BlocksContent> blockContents(String html) {
        if (!mayReadMarkdown(html)) {
            return List.of();
        }
        List<BlocksContent> found = new ArrayList<>();
        write(html, new StringBuilder(html.length() + 16), new MarkdownContents() {
            @Override
            public String write(SpanContent content) {
                return null;
            }

            @Override
            public String blocks(BlocksContent content, int depth) {
                found.add(content);
                return null;
            }
        }, new ArrayDeque<>());
        return found;
    }

    /**
     * Whether {@code html} may hold an element whose content kramdown reads as Markdown: each is
     * marked by a {@code markdown} attribute, so a block without the word is not written through
     * to find none, as most blocks of raw HTML are.
     */
    private static boolean mayReadMarkdown(String html) {
        return html.contains("markdown");
    }

    /**
     * Writes the content of an element inside raw HTML that kramdown reads as Markdown: as spans,
     * or as blocks after text on the element's line.
     */
    @FunctionalInterface
    interface MarkdownContents {
        /** Writes them as raw HTML, for a block whose contents were not parsed. */
        MarkdownContents RAW = content -> null;

        /** The HTML of {@code content}'s spans, or null to write its text as raw HTML. */
        String write(SpanContent content);

        /**
         * The HTML between the tags of the element whose content {@code content} kramdown reads as
         * blocks ({@link BlocksContent}), inside {@code depth} elements of raw HTML, or null to
         * write its text as it stands.
         */
        default String blocks(BlocksContent content, int depth) {
            return null;
        }

        /**
         * The indent kramdown writes an element nested {@code depth} deep in the raw HTML at:
         * that of the raw HTML (the list or quote around it), and two spaces a level.
         */
        default String indent(int depth) {
            return "  ".repeat(depth);
        }
    }

    /**
     * What kramdown writes between the tags of an element of block content whose blocks are
     * {@code blocks}, the element indented by {@code indent}: the blocks on lines of their own,
     * then the indent before the closing tag; nothing when there are none (not even blank lines).
     */
    static String aroundBlocks(String blocks, String indent) {
        return blocks.isBlank() && !blocks.startsWith("\n") ? "" : "\n" + chomped(blocks) + "\n" + indent;
    }

    /**
     * Writes {@code html} escaped to {@code out} ({@link #escaped}), inside the elements
     * {@code around} it, which its stray closing tags close; returns the elements it leaves open,
     * innermost first.
     */
    private static Deque<String> write(String html, StringBuilder out, MarkdownContents contents, Deque<String> around) {
        Matcher open = KramdownTags.OPEN_TAG.matcher(html);
        Matcher close = KramdownTags.CLOSE_TAG.matcher(html);
        Matcher reference = CharacterReference.PATTERN.matcher(html);
        Deque<String> elements = new ArrayDeque<>();
        int length = html.length();
        int first = spacesAfter(html, 0);
        int at = first;
        while (at < length) {
            char c = html.charAt(at);
            if (c == '<') {
                int end = markup(html, at, open, close, elements, around, out, contents);
                // the block's own element is read so by the parsers of elements read as Markdown
                boolean opening = end > at && at > first && open.region(at, length).lookingAt();
                SpanContent content = opening ? SpanContent.of(html, open) : null;
                String written = content == null ? null : contents.write(content);
                if (written != null) {
                    out.append(written).append("</").append(elements.pop()).append('>');
                    end = content.elementEnd();
                }
                BlocksContent blocks = opening && content == null ? BlocksContent.of(html, open) : null;
                if (blocks != null) {
                    String name = elements.pop();
                    String between = contents.blocks(blocks, elements.size() + around.size());
                    out.append(between != null ? between : html.substring(blocks.start(), blocks.end()));
                    out.append("</").append(name).append('>');
                    end = blocks.elementEnd();
                }
                if (end > at) {
                    at = elements.isEmpty() && around.isEmpty() ? afterTopLevel(html, end, out, contents) : end;
                    continue;
                }
                out.append("&lt;");
            } else if (c == '>') {
                out.append("&gt;");
            } else if (c == '&' && !reference.region(at, length).lookingAt()) {
                out.append("&amp;");
            } else {
                out.append(c);
            }
            at++;
        }
        return elements;
    }

    /**
     * {@code text} as kramdown's writer escapes text ({@code escape_html}), as it does text read
     * raw inside an element ({@code <code>}, {@code <kbd>}), an autolink's text or an attribute's
     * value: {@code <} and {@code >} escaped, an {@code &} too unless it starts a
     * {@link CharacterReference}, which stays as written ({@code &lt;} is not written {@code &amp;lt;}).
     */
    static String escapedRaw(String text) {
        StringBuilder out = null;
        Matcher reference = null;
        for (int at = 0; at < text.length(); at++) {
            char c = text.charAt(at);
            String escape = null;
            if (c == '<') {
                escape = "&lt;";
            } else if (c == '>') {
                escape = "&gt;";
            } else if (c == '&') {
                reference = reference == null ? CharacterReference.PATTERN.matcher(text) : reference;
                escape = reference.region(at, text.length()).lookingAt() ? null : "&amp;";
            }
            if (escape != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, at);
            }
            if (out != null) {
                if (escape != null) {
                    out.append(escape);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * Writes the comment, processing instruction, tag or {@code script}/{@code style} element at
     * {@code at} as kramdown writes it, keeping {@code elements} (the open ones, innermost first),
     * and returns where it ends: {@code at} when none starts there. A closing tag that does not
     * close the innermost open element is text inside it, as kramdown's raw HTML parser reads it;
     * past the open elements, those {@code around} the block are the innermost. {@code contents} gives the indent of a closing tag on a line of its own.
     */
    private static int markup(String html, int at, Matcher open, Matcher close, Deque<String> elements, Deque<String> around,
            StringBuilder out, MarkdownContents contents) {
        int length = html.length();
        if (html.startsWith("<!--", at) || html.startsWith("<?", at)) {
            boolean comment = html.startsWith("<!--", at);
            int found = html.indexOf(comment ? "-->" : "?>", at + 2);
            if (found < 0 && comment) {
                // kramdown reads a comment that never ends as text
                return at;
            }
            int end = found < 0 ? length : found + (comment ? 3 : 2);
            out.append(html, at, end);
            return end;
        }
        if (open.region(at, length).lookingAt()) {
            String name = KramdownTags.name(open.group(1));
            int end = open.end();
            if (name.equals("script") || name.equals("style")) {
                // kramdown keeps their content as it is, up to the closing tag, even after an
                // opening tag that closes itself (<script src="x.js" />), which it writes open
                Matcher closing = KramdownTags.closing(name).matcher(html);
                int contentEnd = closing.region(end, length).find() ? closing.start() : length;
                out.append(KramdownTags.start(name, KramdownTags.attributes(name, open.group(2), false))).append('>');
                if (contentEnd > end && KramdownHtmlBlockParser.readsBlocks(name, open.group(2))) {
                    // content read as blocks (markdown="block") stands on lines of its own, as
                    // kramdown writes an element of block content, the closing tag indented
                    out.append('\n').append(chomped(html.substring(end, contentEnd))).append('\n')
                            .append(contents.indent(elements.size() + around.size()));
                } else {
                    out.append(html, end, contentEnd);
                }
                out.append("</").append(name).append('>');
                if (contentEnd == length) {
                    return length;
                }
                // inside an element, kramdown takes the line break after one marked
                // markdown="block" with it, as after the opening tag of an element read as blocks
                return !(elements.isEmpty() && around.isEmpty()) && KramdownHtmlBlockParser.readsBlocks(name, open.group(2))
                        ? afterLineBreak(html, closing.end()) : closing.end();
            }
            out.append(KramdownTags.block(open));
            if (!KramdownTags.holdsContent(open)) {
                // inside an element, kramdown takes the line break after one marked
                // markdown="block" with it, as after the opening tag of an element read as blocks
                return !(elements.isEmpty() && around.isEmpty()) && KramdownHtmlBlockParser.readsBlocks(name, open.group(2))
                        ? afterLineBreak(html, end) : end;
            }
            elements.push(name);
            return end;
        }
        if (close.region(at, length).lookingAt()) {
            String name = KramdownTags.name(close.group(1));
            // past the block's own elements, those around it
            Deque<String> inside = elements.isEmpty() ? around : elements;
            if (inside.isEmpty() || inside.peek().equals(name)) {
                inside.pollFirst();
                out.append("</").append(name).append('>');
            } else {
                out.append("&lt;/").append(html, at + 2, close.end() - 1).append("&gt;");
            }
            return close.end();
        }
        return at;
    }

    /**
     * Where the block goes on after an element, comment or processing instruction at its top
     * ends at {@code end}: the spaces after it are not written, and block-level HTML after them
     * on the same line starts on a line of its own, at the indent of the block ({@code contents}
     * gives that of a list around it).
     */
    private static int afterTopLevel(String html, int end, StringBuilder out, MarkdownContents contents) {
        int next = spacesAfter(html, end);
        if (next == html.length() || html.charAt(next) == '\n') {
            return next;
        }
        if (KramdownHtmlBlockParser.startsBlockHtml(html, next)) {
            out.append('\n').append(contents.indent(0));
            return next;
        }
        return end;
    }

    /** Where {@code text} goes on after the spaces and the line break from {@code from}, or {@code from} when other text follows the spaces. */
    private static int afterLineBreak(String text, int from) {
        int at = spacesAfter(text, from);
        return at < text.length() && text.charAt(at) == '\n' ? at + 1 : from;
    }

    private static int spacesAfter(String text, int from) {
        int at = from;
        while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
            at++;
        }
        return at;
    }

    /** {@code text} without the one line break it may end with, as Ruby's {@code chomp} leaves it. */
    private static String chomped(String text) {
        if (text.endsWith("\r\n")) {
            return text.substring(0, text.length() - 2);
        }
        return text.endsWith("\n") || text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    /**
     * Whether the last {@code script}, {@code style} or element without content in {@code html},
     * the text of a block of raw HTML, says its content is read as blocks
     * ({@code markdown="block"}): kramdown then takes the rest of its line with the element, so
     * that no empty line stands after it.
     */
    static boolean endsInBlockMarkdown(String html) {
        if (!html.contains("markdown")) {
            return false;
        }
        Matcher open = KramdownTags.OPEN_TAG.matcher(html);
        MatchResult last = null;
        while (open.find()) {
            if (KramdownTags.keptApart(open)) {
                last = open.toMatchResult();
            }
        }
        return last != null && KramdownHtmlBlockParser.readsBlocks(last.group(1), last.group(2));
    }

    /**
     * Whether the block ends with a {@code script} or {@code style} element or an element without
     * content ({@code <hr>}). kramdown keeps the rest of that element's line as a blank line of its
     * own, so an empty line always follows it, and an attribute list on the line under it stands
     * after a blank line, for the block after it. Not so for an element whose content it reads as
     * blocks ({@link #endsInBlockMarkdown}).
     */
    static boolean endsApart(CharSequence html) {
        return ENDS_APART.matcher(html).matches() && !endsInBlockMarkdown(html.toString());
    }
}
