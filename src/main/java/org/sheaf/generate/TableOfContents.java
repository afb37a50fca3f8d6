package org.sheaf.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.sheaf.markdown.SectionHeading;

/**
 * A page's table of contents: its rendered headings as a nested list of links (kramdown's auto ids
 * give every heading an anchor). The headings of rendered Markdown come from its tree, as it
 * rendered ({@link SectionHeading}); those of other HTML (a page written in HTML, text given to
 * the tag) are read from the HTML with jsoup.
 *
 * <p>Switched on per page by {@code toc: true} in front matter, or for every page with at least
 * {@code toc.min_headings} headings in {@code _config.yml}; {@code toc: false} turns it off.
 * Templates call {@code toc()} (Freemarker) or {@code {% toc %}} (Liquid), which give "" when
 * the page has no table of contents. Stateless and thread-safe.
 *
 * @param from         the highest heading level listed (2 for {@code h2})
 * @param to           the lowest heading level listed (4 for {@code h4})
 * @param minHeadings  how many listed headings make a page "long" enough for a table without
 *                     {@code toc: true}; 0 means only pages that ask for one
 */
public record TableOfContents(int from, int to, int minHeadings) {

    /** One heading: its level, its anchor and its text. */
    public record Heading(int level, String id, String text) {
    }

    /** The settings under {@code toc:} in {@code config} (h2 to h4, no automatic table by default). */
    static TableOfContents of(Map<?, ?> settings) {
        return new TableOfContents(FeatureSettings.number(settings.get("from"), 2), FeatureSettings.number(settings.get("to"), 4),
                FeatureSettings.number(settings.get("min_headings"), 0));
    }

    /** Of {@code written}, the headings between {@link #from} and {@link #to}, in order. */
    public List<Heading> headings(List<SectionHeading> written) {
        List<Heading> headings = new ArrayList<>();
        for (SectionHeading heading : written) {
            if (heading.level() >= from && heading.level() <= to) {
                headings.add(new Heading(heading.level(), heading.id(), heading.text()));
            }
        }
        return List.copyOf(headings);
    }

    /** The headings of {@code html} between {@link #from} and {@link #to} that have an id, in order. */
    public List<Heading> headings(String html) {
        List<Heading> headings = new ArrayList<>();
        for (Element heading : Jsoup.parseBodyFragment(html).select("h1, h2, h3, h4, h5, h6")) {
            int level = heading.tagName().charAt(1) - '0';
            if (level >= from && level <= to && heading.hasAttr("id") && !heading.id().isBlank()) {
                headings.add(new Heading(level, heading.id(), heading.text()));
            }
        }
        return List.copyOf(headings);
    }

    /**
     * The nested list for {@code html}: a {@code <ul class="toc">} whose items hold each heading's
     * link and, under it, a list of the headings below it. A heading that skips a level (an
     * {@code h4} right after an {@code h2}) nests one level down, so nesting follows the order of
     * the headings, never a gap. Empty when {@code html} has no heading in range.
     */
    public String render(String html) {
        return render(headings(html));
    }

    /** The nested list of {@code headings}, as {@link #render(String)} makes it. */
    private static String render(List<Heading> headings) {
        if (headings.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("<ul class=\"toc\">");
        List<Integer> open = new ArrayList<>();
        open.add(headings.get(0).level());
        boolean itemOpen = false;
        for (Heading heading : headings) {
            int top = open.get(open.size() - 1);
            if (heading.level() > top && itemOpen) {
                out.append("<ul>");
                open.add(heading.level());
            } else {
                while (open.size() > 1 && heading.level() < open.get(open.size() - 1)
                        && heading.level() <= open.get(open.size() - 2)) {
                    out.append("</li></ul>");
                    open.remove(open.size() - 1);
                }
                if (itemOpen) {
                    out.append("</li>");
                }
            }
            out.append("<li><a href=\"#").append(Entities.escape(heading.id())).append("\">")
                    .append(Entities.escape(heading.text())).append("</a>");
            itemOpen = true;
        }
        for (int i = 1; i < open.size(); i++) {
            out.append("</li></ul>");
        }
        return out.append("</li></ul>").toString();
    }

    /**
     * The table for a page, as the template functions give it: "" unless the page's {@code toc}
     * is true, or it is not false and has at least {@link #minHeadings} headings.
     */
    public String forPage(Map<?, ?> page, String html) {
        return forPage(page, () -> headings(html));
    }

    /** As {@link #forPage(Map, String)}, for a page whose HTML was rendered from Markdown with {@code written} in it. */
    public String forPage(Map<?, ?> page, List<SectionHeading> written) {
        return forPage(page, () -> headings(written));
    }

    private String forPage(Map<?, ?> page, java.util.function.Supplier<List<Heading>> headings) {
        Object flag = page.get("toc");
        if (flag != null && !SeoTag.truthy(flag)) {
            return "";
        }
        if (flag == null && minHeadings <= 0) {
            return "";
        }
        List<Heading> listed = headings.get();
        if (flag == null && listed.size() < minHeadings) {
            return "";
        }
        return render(listed);
    }
}
