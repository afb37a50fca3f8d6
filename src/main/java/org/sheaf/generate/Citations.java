package org.sheaf.generate;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.sheaf.jekyll.JekyllFilters;
import org.sheaf.jekyll.RubyDate;

/**
 * A page's {@link Citation} from its variables and the site's: the rules for who wrote a page,
 * when, under which licence, and whether it is cited at all.
 *
 * <p>Authors come from the page's {@code authors} (a list), else its {@code author}, else the
 * site's {@code authors}, else the site's {@code author}. Each is a name or a map with
 * {@code name}, {@code orcid}, {@code affiliation} (and optionally {@code family}/{@code given},
 * or {@code type: Organization} to keep the name whole); a plain name that is a key of
 * {@code site.data.authors} takes that entry, as jekyll-seo-tag does. Stateless.
 */
public final class Citations {
    private static final Pattern ORCID = Pattern.compile("(?:https?://orcid\\.org/)?(\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX])");
    private static final Pattern DOI_PREFIX = Pattern.compile("^(?:https?://(?:dx\\.)?doi\\.org/|doi:)", Pattern.CASE_INSENSITIVE);
    private static final Set<String> SMALL_WORDS = Set.of("a", "an", "the", "of", "on", "in", "and", "to", "for");

    private Citations() {
    }

    /**
     * Whether a page is cited: {@code citation: false} says no and {@code citation: true} yes;
     * otherwise documents of a collection (notes, posts) are and plain pages are not.
     */
    public static boolean citable(Map<?, ?> page) {
        Object own = page.get("citation");
        if (own instanceof Boolean flag) {
            return flag;
        }
        return page.get("collection") != null;
    }

    /** The page's licence, else the site's; empty when neither names one sheaf knows. */
    public static Optional<License> license(Map<?, ?> page, Map<?, ?> site) {
        Object own = page.get("license");
        if (SeoTag.truthy(own)) {
            return Licenses.parse(SeoTag.text(own));
        }
        return Licenses.parse(SeoTag.truthy(site.get("license")) ? SeoTag.text(site.get("license")) : null);
    }

    /**
     * The reference to a page.
     *
     * @param page    the page's variables ({@code page.*})
     * @param site    the site's variables ({@code site.*})
     * @param url     the site's {@code url}
     * @param baseurl the site's {@code baseurl}
     */
    public static Citation of(Map<?, ?> page, Map<?, ?> site, String url, String baseurl) {
        String title = SeoTag.truthy(page.get("title")) ? SeoTag.text(page.get("title"))
                : SeoTag.text(site.get("title"));
        List<Citation.Author> authors = authors(page, site);
        // Jekyll dates an undated document with the build's time; a reference must not.
        LocalDate date = page.get("date") instanceof RubyDate day ? day.day()
                : page.get("date") instanceof ZonedDateTime zoned && !zoned.equals(site.get("time"))
                ? zoned.toLocalDate() : null;
        String language = SeoTag.truthy(page.get("lang")) ? SeoTag.text(page.get("lang"))
                : SeoTag.truthy(site.get("lang")) ? SeoTag.text(site.get("lang")) : null;
        String doi = SeoTag.truthy(page.get("doi")) ? DOI_PREFIX.matcher(SeoTag.text(page.get("doi")).strip()).replaceFirst("") : null;
        String publisher = SeoTag.truthy(site.get("title")) ? SeoTag.text(site.get("title")) : null;
        String type = "posts".equals(page.get("collection")) ? "post" : "note";
        String pageUrl = JekyllFilters.absoluteUrl(url, baseurl, SeoTag.text(page.get("url")));
        return new Citation(key(authors, date, title), type, title, authors, date, pageUrl, publisher, language, doi,
                license(page, site).orElse(null));
    }

    /** The authors of a page, by the rules above. */
    public static List<Citation.Author> authors(Map<?, ?> page, Map<?, ?> site) {
        for (Object source : new Object[] {page.get("authors"), page.get("author"), site.get("authors"), site.get("author")}) {
            List<Citation.Author> authors = new ArrayList<>();
            if (source instanceof List<?> list) {
                list.forEach(item -> author(item, site).ifPresent(authors::add));
            } else {
                author(source, site).ifPresent(authors::add);
            }
            if (!authors.isEmpty()) {
                return List.copyOf(authors);
            }
        }
        return List.of();
    }

    private static Optional<Citation.Author> author(Object value, Map<?, ?> site) {
        Map<?, ?> fields;
        if (value instanceof Map<?, ?> map) {
            fields = map;
        } else if (SeoTag.truthy(value) && !SeoTag.text(value).isBlank()) {
            Object known = SeoTag.dig(site, "data", "authors", SeoTag.text(value));
            fields = known instanceof Map<?, ?> entry ? withName(entry, SeoTag.text(value)) : Map.of("name", SeoTag.text(value));
        } else {
            return Optional.empty();
        }
        String name = SeoTag.text(fields.get("name")).strip();
        String family = SeoTag.text(fields.get("family")).strip();
        String given = SeoTag.text(fields.get("given")).strip();
        if (name.isEmpty()) {
            name = (given + " " + family).strip();
        }
        if (name.isEmpty()) {
            return Optional.empty();
        }
        boolean literal = false;
        if (family.isEmpty()) {
            String type = SeoTag.text(fields.get("type"));
            int comma = name.indexOf(',');
            int space = name.lastIndexOf(' ');
            if (type.equalsIgnoreCase("organization") || type.equalsIgnoreCase("organisation")) {
                literal = true;
            } else if (comma > 0) {
                family = name.substring(0, comma).strip();
                given = name.substring(comma + 1).strip();
            } else if (space > 0) {
                family = name.substring(space + 1);
                given = name.substring(0, space).strip();
            } else {
                literal = true;
            }
            if (literal) {
                family = name;
                given = "";
            }
        }
        var orcid = ORCID.matcher(SeoTag.text(fields.get("orcid")).strip());
        String affiliation = SeoTag.text(fields.get("affiliation")).strip();
        return Optional.of(new Citation.Author(name, family, given, literal, orcid.matches() ? orcid.group(1) : null,
                affiliation.isEmpty() ? null : affiliation));
    }

    private static Map<?, ?> withName(Map<?, ?> entry, String name) {
        if (entry.get("name") != null) {
            return entry;
        }
        Map<Object, Object> named = new java.util.LinkedHashMap<>(entry);
        named.put("name", name);
        return named;
    }

    /** First author's family name, year and first significant title word, folded to ASCII. */
    static String key(List<Citation.Author> authors, LocalDate date, String title) {
        String who = authors.isEmpty() ? "anon" : ascii(authors.get(0).family().split("\\s+")[0]);
        String word = "";
        for (String part : title.split("\\s+")) {
            String folded = ascii(part);
            if (!folded.isEmpty() && !SMALL_WORDS.contains(folded)) {
                word = folded;
                break;
            }
        }
        String key = (who.isEmpty() ? "anon" : who) + (date == null ? "" : String.valueOf(date.getYear())) + word;
        return key;
    }

    private static String ascii(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }
}
