package org.sheaf.generate;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * What a reference to one page says, whatever format it is written in.
 *
 * @param key       a citation key, ASCII letters and digits ({@code lovelace2017audit})
 * @param type      {@code post} for a blog post, {@code note} for any other document or page
 * @param title     the page's title, as written
 * @param authors   its authors in order; never empty when the page or site names one
 * @param date      its publication date; null when it has none
 * @param url       its absolute public URL
 * @param publisher the site's title (the publishing body); null when the site has none
 * @param language  its language tag ({@code en}); null when neither page nor site says
 * @param doi       its DOI without a resolver prefix ({@code 10.5281/zenodo.1}); null for none
 * @param license   its licence; null for none
 */
public record Citation(String key, String type, String title, List<Author> authors, LocalDate date, String url,
                       String publisher, String language, String doi, License license) {
    public Citation {
        authors = List.copyOf(authors);
    }

    /**
     * One author. A person has a family and a given name (either may be empty); an organisation
     * or a one-word name is {@code literal} and is printed as written.
     *
     * @param name        the name as written
     * @param family      the family name; the whole name when literal
     * @param given       the given names; empty when literal
     * @param literal     whether the name is printed as one unit
     * @param orcid       the ORCID iD ({@code 0000-0002-1825-0097}); null for none
     * @param affiliation the author's institution; null for none
     */
    public record Author(String name, String family, String given, boolean literal, String orcid, String affiliation) {

        /** The ORCID iD as the URL ORCID asks people to show; null for none. */
        public String orcidUrl() {
            return orcid == null ? null : "https://orcid.org/" + orcid;
        }

        /** Initials of the given names, APA style: {@code Ada Maria} gives {@code A. M.}. */
        public String initials() {
            StringBuilder out = new StringBuilder();
            for (String part : given.split("\\s+")) {
                if (part.isEmpty()) {
                    continue;
                }
                if (!out.isEmpty()) {
                    out.append(' ');
                }
                String[] hyphenated = part.split("-");
                for (int i = 0; i < hyphenated.length; i++) {
                    if (!hyphenated[i].isEmpty()) {
                        out.append(i > 0 ? "-" : "").append(hyphenated[i].substring(0, hyphenated[i].offsetByCodePoints(0, 1))
                                .toUpperCase(Locale.ROOT)).append('.');
                    }
                }
            }
            return out.toString();
        }
    }

    /** The DOI as a link; null for none. */
    public String doiUrl() {
        return doi == null ? null : "https://doi.org/" + doi;
    }
}
