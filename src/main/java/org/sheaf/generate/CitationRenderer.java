package org.sheaf.generate;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sheaf.jekyll.Html;
import org.sheaf.jekyll.JekyllFilters;

/**
 * A {@link Citation} written in each format people cite with: BibTeX, RIS, CSL-JSON, Citation
 * File Format, Highwire {@code citation_*} meta tags and an APA-like reference in HTML. Each
 * method escapes for its own format, so no title or name can break out of its field. Stateless.
 */
public final class CitationRenderer {
    private static final String CFF_MESSAGE = "If you use this work, please cite it as below.";

    private CitationRenderer() {
    }

    /**
     * A BibTeX {@code @misc} entry. Values are braced and TeX's specials escaped; the title is
     * double-braced so styles keep its capitals; organisations are braced whole.
     */
    public static String bibtex(Citation citation) {
        StringBuilder out = new StringBuilder("@misc{").append(citation.key()).append(",\n");
        List<String> names = new ArrayList<>();
        for (Citation.Author author : citation.authors()) {
            names.add(author.literal() ? "{" + tex(author.name()) + "}"
                    : tex(author.family()) + (author.given().isEmpty() ? "" : ", " + tex(author.given())));
        }
        bibField(out, "author", String.join(" and ", names));
        bibField(out, "title", "{" + tex(citation.title()) + "}");
        if (citation.publisher() != null) {
            bibField(out, "howpublished", tex(citation.publisher()));
        }
        if (citation.date() != null) {
            bibField(out, "year", String.valueOf(citation.date().getYear()));
            out.append("  month = ").append(citation.date().getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
                    .toLowerCase(Locale.ROOT)).append(",\n");
        }
        if (citation.doi() != null) {
            bibField(out, "doi", bibUrl(citation.doi()));
        }
        bibField(out, "url", bibUrl(citation.url()));
        if (citation.language() != null) {
            bibField(out, "language", tex(citation.language()));
        }
        if (citation.license() != null) {
            bibField(out, "note", "Licensed under " + tex(citation.license().shortName()));
        }
        return out.append("}\n").toString();
    }

    private static void bibField(StringBuilder out, String name, String value) {
        if (!value.isEmpty()) {
            out.append("  ").append(name).append(" = {").append(value).append("},\n");
        }
    }

    /** TeX's special characters escaped, line breaks made spaces. */
    static String tex(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : oneLine(text).toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\textbackslash{}");
                case '{', '}', '$', '&', '%', '#', '_' -> out.append('\\').append(c);
                case '^' -> out.append("\\textasciicircum{}");
                case '~' -> out.append("\\textasciitilde{}");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A URL or DOI inside a BibTeX field: only what would end or unbalance the field is encoded. */
    private static String bibUrl(String url) {
        return oneLine(url).replace("%", "\\%").replace("{", "%7B").replace("}", "%7D").replace("\\", "%5C");
    }

    /**
     * An RIS record ({@code TY  - BLOG} for a post, {@code ELEC} otherwise), lines ending CRLF as
     * the format asks, each value on one line.
     */
    public static String ris(Citation citation) {
        StringBuilder out = new StringBuilder();
        risLine(out, "TY", citation.type().equals("post") ? "BLOG" : "ELEC");
        for (Citation.Author author : citation.authors()) {
            risLine(out, "AU", author.literal() || author.given().isEmpty() ? author.name()
                    : author.family() + ", " + author.given());
        }
        risLine(out, "TI", citation.title());
        if (citation.publisher() != null) {
            risLine(out, "T2", citation.publisher());
            risLine(out, "PB", citation.publisher());
        }
        if (citation.date() != null) {
            LocalDate date = citation.date();
            risLine(out, "PY", String.valueOf(date.getYear()));
            risLine(out, "DA", String.format(Locale.ROOT, "%04d/%02d/%02d/", date.getYear(), date.getMonthValue(),
                    date.getDayOfMonth()));
        }
        if (citation.doi() != null) {
            risLine(out, "DO", citation.doi());
        }
        risLine(out, "UR", citation.url());
        if (citation.language() != null) {
            risLine(out, "LA", citation.language());
        }
        if (citation.license() != null) {
            risLine(out, "N1", "Licensed under " + citation.license().shortName() + " (" + citation.license().url() + ")");
        }
        return out.append("ER  - \r\n").toString();
    }

    private static void risLine(StringBuilder out, String tag, String value) {
        String text = oneLine(value);
        if (!text.isEmpty()) {
            out.append(tag).append("  - ").append(text).append("\r\n");
        }
    }

    /** A CSL-JSON array holding the one item, as citeproc, Zotero and pandoc read it. */
    public static String cslJson(Citation citation) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", citation.key());
        item.put("type", citation.type().equals("post") ? "post-weblog" : "webpage");
        item.put("title", citation.title());
        List<Object> authors = new ArrayList<>();
        for (Citation.Author author : citation.authors()) {
            Map<String, Object> name = new LinkedHashMap<>();
            if (author.literal()) {
                name.put("literal", author.name());
            } else {
                name.put("family", author.family());
                name.put("given", author.given());
            }
            authors.add(name);
        }
        item.put("author", authors);
        if (citation.date() != null) {
            LocalDate date = citation.date();
            item.put("issued", Map.of("date-parts", List.of(List.of(date.getYear(), date.getMonthValue(), date.getDayOfMonth()))));
        }
        if (citation.publisher() != null) {
            item.put("container-title", citation.publisher());
            item.put("publisher", citation.publisher());
        }
        if (citation.doi() != null) {
            item.put("DOI", citation.doi());
        }
        item.put("URL", citation.url());
        if (citation.language() != null) {
            item.put("language", citation.language());
        }
        if (citation.license() != null) {
            item.put("license", citation.license().url());
        }
        return SeoTag.scriptSafe(JekyllFilters.jsonify(List.of(item))) + "\n";
    }

    /**
     * A {@code CITATION.cff} (Citation File Format 1.2.0) for a whole site or project: every
     * string double-quoted and escaped, dates as ISO dates. An author given as one name (a team,
     * an organisation) is a CFF entity, which has no {@code affiliation} in the schema: the
     * affiliation is left out for it, as GitHub and Zenodo refuse a file that has one.
     *
     * @param citation the site as a citation: title, authors, URL, licence, DOI, date
     * @param version  the version to cite; null for none
     */
    public static String cff(Citation citation, String version) {
        StringBuilder out = new StringBuilder("cff-version: 1.2.0\n");
        out.append("message: ").append(yaml(CFF_MESSAGE)).append('\n');
        out.append("title: ").append(yaml(citation.title())).append('\n');
        out.append("authors:\n");
        for (Citation.Author author : citation.authors()) {
            if (author.literal()) {
                out.append("  - name: ").append(yaml(author.name())).append('\n');
            } else {
                out.append("  - family-names: ").append(yaml(author.family())).append('\n');
                if (!author.given().isEmpty()) {
                    out.append("    given-names: ").append(yaml(author.given())).append('\n');
                }
            }
            if (author.orcid() != null) {
                out.append("    orcid: ").append(yaml(author.orcidUrl())).append('\n');
            }
            if (author.affiliation() != null && !author.literal()) {
                out.append("    affiliation: ").append(yaml(author.affiliation())).append('\n');
            }
        }
        if (citation.url() != null && !citation.url().isEmpty()) {
            out.append("url: ").append(yaml(citation.url())).append('\n');
        }
        if (citation.doi() != null) {
            out.append("doi: ").append(yaml(citation.doi())).append('\n');
        }
        if (citation.license() != null) {
            out.append("license: ").append(yaml(citation.license().spdx())).append('\n');
        }
        if (version != null) {
            out.append("version: ").append(yaml(version)).append('\n');
        }
        if (citation.date() != null) {
            out.append("date-released: ").append(yaml(citation.date().toString())).append('\n');
        }
        return out.toString();
    }

    /** A YAML double-quoted scalar. */
    static String yaml(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }

    /**
     * Highwire Press {@code citation_*} meta tags, the ones Google Scholar and Zotero read: one
     * {@code citation_author} per author, each followed by its institution and ORCID.
     */
    public static String highwire(Citation citation) {
        StringBuilder out = new StringBuilder();
        meta(out, "citation_title", citation.title());
        for (Citation.Author author : citation.authors()) {
            meta(out, "citation_author", author.name());
            if (author.affiliation() != null) {
                meta(out, "citation_author_institution", author.affiliation());
            }
            if (author.orcid() != null) {
                meta(out, "citation_author_orcid", author.orcidUrl());
            }
        }
        if (citation.date() != null) {
            LocalDate date = citation.date();
            meta(out, "citation_publication_date", String.format(Locale.ROOT, "%04d/%02d/%02d", date.getYear(),
                    date.getMonthValue(), date.getDayOfMonth()));
        }
        meta(out, "citation_public_url", citation.url());
        if (citation.publisher() != null) {
            meta(out, "citation_publisher", citation.publisher());
        }
        if (citation.language() != null) {
            meta(out, "citation_language", citation.language());
        }
        if (citation.doi() != null) {
            meta(out, "citation_doi", citation.doi());
        }
        return out.toString();
    }

    private static void meta(StringBuilder out, String name, String content) {
        out.append("<meta name=\"").append(name).append("\" content=\"").append(html(oneLine(content))).append("\">\n");
    }

    /**
     * An APA-like reference in HTML: {@code Lovelace, A., & Hopper, G. (2017, October 27).
     * <i>Title</i>. Site. https://doi.org/...} (the DOI link when there is one, else the URL).
     */
    public static String apa(Citation citation) {
        List<String> names = new ArrayList<>();
        for (Citation.Author author : citation.authors()) {
            String initials = author.literal() ? "" : author.initials();
            names.add(html(author.literal() || initials.isEmpty() ? author.family() : author.family() + ", " + initials));
        }
        StringBuilder out = new StringBuilder();
        if (names.size() == 1) {
            out.append(names.get(0));
        } else if (names.size() > 1) {
            out.append(String.join(", ", names.subList(0, names.size() - 1))).append(", &amp; ").append(names.get(names.size() - 1));
        }
        if (!names.isEmpty()) {
            out.append(out.charAt(out.length() - 1) == '.' ? " " : ". ");
        }
        LocalDate date = citation.date();
        out.append('(').append(date == null ? "n.d."
                : date.getYear() + ", " + date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + date.getDayOfMonth())
                .append("). ");
        out.append("<i>").append(html(oneLine(citation.title()))).append("</i>");
        out.append(endsWithPunctuation(citation.title()) ? " " : ". ");
        if (citation.publisher() != null) {
            out.append(html(oneLine(citation.publisher()))).append(endsWithPunctuation(citation.publisher()) ? " " : ". ");
        }
        String link = citation.doi() != null ? citation.doiUrl() : citation.url();
        out.append("<a href=\"").append(html(link)).append("\">").append(html(link)).append("</a>");
        return out.toString();
    }

    private static boolean endsWithPunctuation(String text) {
        String stripped = text.strip();
        return stripped.endsWith(".") || stripped.endsWith("?") || stripped.endsWith("!");
    }

    /** Text for HTML content and double-quoted attributes. */
    static String html(String text) {
        return Html.escape(text);
    }

    /** Line breaks, tabs and other control characters as single spaces; ends trimmed. */
    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
    }
}
