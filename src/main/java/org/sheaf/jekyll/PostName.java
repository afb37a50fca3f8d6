package org.sheaf.jekyll;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a post's file name, {@code YYYY-MM-DD-slug.ext}, as Jekyll reads them.
 *
 * <p>Months and days may have one or two digits ({@code 2017-9-4-x.md}), and years two to four
 * ({@code 20-10-31-x.md}), as Jekyll's matcher allows. Jekyll reads the date with Ruby's
 * {@code Time.parse}, which completes a two-digit year to the nearest century as it sees it:
 * 00 to 68 are 2000 to 2068, 69 to 99 are 1969 to 1999. The extension is the last one
 * ({@code a.b.md} gives slug {@code a.b}, ext {@code .md}); trailing periods of the slug are
 * dropped, as Jekyll drops them.
 *
 * @param date the date in the name
 * @param slug the part between the date and the extension, e.g. {@code fellowship-begins}
 * @param ext  the extension with its dot, e.g. {@code .md}
 */
public record PostName(LocalDate date, String slug, String ext) {
    private static final Pattern NAME = Pattern.compile("^(\\d{2,4})-(\\d{1,2})-(\\d{1,2})-([^/]*)(\\.[^./]+)$");
    private static final Pattern TRAILING_PERIODS = Pattern.compile("\\.*$");

    /**
     * The parts of {@code fileName} (a bare name, no folders), or empty when it is not a post
     * name (no date, no extension) or its date is none: a month past 12 or a day past 31, where
     * Jekyll's build stops unless the front matter gives the date ({@link #written} tells that
     * case). A day past the month's end
     * runs on into the next, as Ruby's {@code Time.parse} reads it: {@code 2017-02-30} is March 2.
     */
    public static Optional<PostName> parse(String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            return Optional.empty();
        }
        LocalDate date = LocalDate.of(year(m.group(1)), month, 1).plusDays(day - 1);
        return Optional.of(new PostName(date, slug(m), m.group(5)));
    }

    /**
     * A post name as written.
     *
     * @param date the date as written ({@code 2017-13-01}), which may be no date
     * @param slug as in {@link PostName}
     */
    public record Written(String date, String slug) {
    }

    /**
     * The date as written and the slug of {@code fileName}, or empty when it is not a post name;
     * present also where that date is none and {@link #parse} is empty, as Jekyll still takes
     * the slug from such a name.
     */
    public static Optional<Written> written(String fileName) {
        Matcher m = NAME.matcher(fileName);
        return m.matches() ? Optional.of(new Written(m.group(1) + "-" + m.group(2) + "-" + m.group(3), slug(m)))
                : Optional.empty();
    }

    /** The slug of a matched name, its trailing periods dropped. */
    private static String slug(Matcher name) {
        return TRAILING_PERIODS.matcher(name.group(4)).replaceFirst("");
    }

    private static int year(String digits) {
        int year = Integer.parseInt(digits);
        if (digits.length() != 2) {
            return year;
        }
        return year + (year >= 69 ? 1900 : 2000);
    }
}
