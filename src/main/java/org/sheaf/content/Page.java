package org.sheaf.content;

import java.util.Map;
import org.sheaf.diag.Position;
import org.sheaf.source.SourceFile;

/**
 * One file to render: a page, a post, a draft or a collection document, with its URL decided.
 *
 * @param source     the file it came from
 * @param collection the collection label ({@code posts} for posts and drafts); null for pages
 * @param drop       the page's template variables under Jekyll's names ({@code page.*}): front
 *                   matter over defaults, plus {@code url}, {@code date}, {@code id}, ... Once the
 *                   page has rendered, its {@code content} and {@code excerpt} are those of its
 *                   {@link RenderedPage} ({@link ContentIndex#rendered()})
 * @param positions  where each front matter key is in the file, for diagnostics
 * @param body       the text after the front matter
 * @param bodyLine   the line of the file the body starts on
 * @param url        the URL, without {@code baseurl} (Jekyll's {@code page.url})
 * @param outputPath where it is written, relative to the destination; null when not written
 * @param layout     the layout name from front matter or defaults; null for none
 * @param markdown   whether the body is Markdown (by {@code markdown_ext})
 * @param liquid     whether Liquid runs on the body ({@code render_with_liquid})
 */
public record Page(SourceFile source, String collection, PageDrop drop, Map<String, Position> positions,
        String body, int bodyLine, String url, String outputPath, String layout, boolean markdown, boolean liquid) {

    /**
     * Hashes the fields that tell pages apart (its file, its drop, which is compared by identity,
     * and its URL) and leaves out the positions map and the body, which a record would hash on
     * every call: pages are map keys throughout rendering and incremental planning. Equal pages
     * still have equal hashes, since equality is unchanged.
     */
    @Override
    public int hashCode() {
        return (source.hashCode() * 31 + drop.hashCode()) * 31 + java.util.Objects.hashCode(url);
    }

    /**
     * This page with another body, as an edit below its front matter leaves it: the same drop
     * (which {@code site.*} lists hold), URL and layout; whether Liquid runs is decided again.
     */
    public Page withBody(String newBody) {
        return new Page(source, collection, drop, positions, newBody, bodyLine, url, outputPath, layout, markdown,
                runsLiquid(drop, newBody));
    }

    /**
     * Whether Liquid runs on {@code body}: it has a tag or an output, and {@code render_with_liquid}
     * is not false.
     */
    static boolean runsLiquid(Map<String, Object> drop, String body) {
        return !Boolean.FALSE.equals(drop.get("render_with_liquid")) && (body.contains("{{") || body.contains("{%"));
    }

    /** Where a front matter key is, or the start of the file. */
    public Position positionOf(String key) {
        return positions.getOrDefault(key, new Position(1, 1));
    }

    /** Whether this page is written to the destination. */
    public boolean isWritten() {
        return outputPath != null;
    }

    /** The path printed in diagnostics. */
    public String sitePath() {
        return source.sitePath();
    }
}
