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
 *                   matter over defaults, plus {@code url}, {@code date}, {@code id}, ... The render
 *                   stage replaces {@code content} and {@code excerpt} once rendered; every key
 *                   exists from the start, so those writes never change the map's structure while
 *                   other pages' threads read it.
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
