package org.sheaf.sass;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which {@code @media} statements each query dart-sass wrote was joined from, where the
 * stylesheets do not tell it (an {@code @media} in a mixin included both inside an
 * {@code @media all} and outside any, in the block an include gives, in an {@code @supports}):
 * read from a compilation of a copy of the stylesheets in which each query has one more feature,
 * {@code (sheaf-media: N)}, naming its statement. A feature changes nothing of how dart-sass
 * joins two queries that are neither {@code not} nor {@code only}, and dart-sass writes the
 * features of the outer query before the inner one's; so the markers in a joined query name its
 * statements outermost first, and the features between them are each one's, as evaluated.
 * {@link MediaJoins} then joins them as libsass does.
 */
final class MarkedQueries {
    private static final String FEATURE = "sheaf-media";
    private static final Pattern MARKER = Pattern.compile("\\(" + FEATURE + ": (\\d+)\\)");
    /** A marker with the {@code and} that joins it to the query before or after it. */
    private static final Pattern UNMARKED = Pattern.compile(" and \\(" + FEATURE + ": \\d+\\)|\\(" + FEATURE + ": \\d+\\) and ");

    /** A marked {@code @media}: its stylesheet, where its statement starts, its media type as written (empty for none), and how many features it writes. */
    record Mark(String url, int at, String type, int features) {
    }

    /** The marked copies of the stylesheets, by URL, and each marker's statement, by number. */
    record Marked(Map<String, String> texts, List<Mark> marks) {
    }

    /** One query dart-sass wrote for a statement, and libsass's join of the same queries. */
    private record Join(String dart, String libsass) {
    }

    /** A statement: the URL of its stylesheet and the offset it starts at there. */
    private record Statement(String url, int at) {
    }

    /**
     * An {@code @media} of the marked CSS, in order: its query without the markers, libsass's
     * join (null where a statement of it was not marked), and where it starts and its brace
     * ends there, from which the heads of the blocks it holds are read if they are asked for.
     */
    private record Written(String dart, String libsass, int start, int end) {
    }

    /** Per statement: the queries dart-sass wrote for it in the marked CSS, in order. */
    private final Map<Statement, List<Join>> joins;
    /** Every {@code @media} of the marked CSS, in order. */
    private final List<Written> written;
    /** The marked CSS, which {@link #written} points into. */
    private final String markedCss;

    private MarkedQueries(Map<Statement, List<Join>> joins, List<Written> written, String markedCss) {
        this.joins = joins;
        this.written = written;
        this.markedCss = markedCss;
    }

    /**
     * The stylesheets with a marker feature after each query of one {@code @media} that names a
     * media type as written, or none, and features in parentheses. Another {@code @media} (a
     * list of queries, {@code not} or {@code only}, a query from a variable or an interpolation)
     * is not marked; a query joined with it is not told (see {@link #read}).
     */
    static Marked marked(Map<String, String> stylesheets) {
        Map<String, String> texts = new LinkedHashMap<>();
        List<Mark> marks = new ArrayList<>();
        stylesheets.forEach((url, source) -> {
            String lower = url.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".css")) {
                texts.put(url, source);
                return;
            }
            TreeMap<Integer, String> inserted = new TreeMap<>();
            ScssOutline.Statements marking = new ScssOutline.Statements() {
                @Override
                public void opens(int start, int brace) {
                    if (start < 0 || !source.startsWith("@media", start)) {
                        return;
                    }
                    String query = source.substring(start + "@media".length(), brace).strip();
                    MediaJoins.Query read = readable(query);
                    if (read != null) {
                        int end = start + source.substring(start, brace).stripTrailing().length();
                        inserted.put(end, " and (" + FEATURE + ": " + marks.size() + ")");
                        marks.add(new Mark(url, start, read.type(), read.features().size()));
                    }
                }

                @Override
                public void ends(int start, int end) {
                }

                @Override
                public void closes(int brace) {
                }
            };
            ScssOutline.walk(source, ScssOutline.indented(url), marking);
            texts.put(url, Evaluation.withInsertions(source, inserted));
        });
        return new Marked(texts, List.copyOf(marks));
    }

    /**
     * The query of an {@code @media} as the stylesheet writes it, where a marker may follow it
     * (features may hold variables and interpolations); else null.
     */
    private static MediaJoins.Query readable(String query) {
        return query.contains("//") || query.contains("/*") ? null : MediaJoins.Query.single(query);
    }

    /**
     * What the marked compilation wrote: for each {@code @media}, its statements from its
     * markers, and dart-sass's and libsass's joins of their queries. An {@code @media} is passed
     * over where a statement of it was not marked: features no marker follows, a marker followed
     * by other features than its statement writes, or a join as dart-sass's that is not the
     * query written without the markers. Null when there is no CSS.
     */
    static MarkedQueries read(String markedCss, Marked marked) {
        if (markedCss == null) {
            return null;
        }
        Map<Statement, List<Join>> joins = new HashMap<>();
        List<Written> order = new ArrayList<>();
        Matcher media = MediaJoins.MEDIA.matcher(markedCss);
        while (media.find()) {
            String unmarked = UNMARKED.matcher(media.group(1)).replaceAll("");
            // libsass's join is known only once the markers are read, and not for every @media
            int place = order.size();
            order.add(new Written(unmarked, null, media.start(), media.end()));
            String[] parts = MediaJoins.AND.split(media.group(1), -1);
            String type = parts[0].startsWith("(") ? "" : parts[0];
            List<String> written = new ArrayList<>();
            if (!type.isEmpty()) {
                written.add(type);
            }
            List<Mark> statements = new ArrayList<>();
            List<MediaJoins.Query> queries = new ArrayList<>();
            List<String> features = new ArrayList<>();
            for (int p = type.isEmpty() ? 0 : 1; p < parts.length; p++) {
                Matcher marker = MARKER.matcher(parts[p]);
                if (!marker.matches()) {
                    features.add(parts[p]);
                    written.add(parts[p]);
                    continue;
                }
                int number = Integer.parseInt(marker.group(1));
                Mark mark = number < marked.marks().size() ? marked.marks().get(number) : null;
                if (mark == null || mark.features() != features.size()) {
                    statements.clear();
                    break;
                }
                statements.add(mark);
                queries.add(new MediaJoins.Query(mark.type(), List.copyOf(features)));
                features.clear();
            }
            if (statements.isEmpty() || !features.isEmpty()) {
                continue;
            }
            MediaJoins.Query dart = MediaJoins.dartJoin(queries);
            MediaJoins.Query libsass = MediaJoins.libsassJoin(queries);
            String text = String.join(" and ", written);
            if (dart != null && libsass != null && dart.text().equals(text)) {
                order.set(place, new Written(unmarked, libsass.text(), media.start(), media.end()));
                Mark own = statements.get(statements.size() - 1);
                joins.computeIfAbsent(new Statement(own.url(), own.at()), k -> new ArrayList<>()).add(new Join(text, libsass.text()));
            }
        }
        return new MarkedQueries(joins, List.copyOf(order), markedCss);
    }

    /**
     * The query libsass writes for each {@code @media} of the CSS, in order, where the marked CSS
     * holds as many {@code @media}, each of the same query and holding blocks of the same heads
     * as the one in its place in the CSS ({@code queries} and {@code heads}, see
     * {@link MediaJoins#blockHeads}): then each is the other's copy, the markers having parted
     * none that the CSS holds whole and the CSS none that the marked one holds whole, and its
     * markers name the statements it was joined from, whatever the map places it at. Null
     * otherwise; null in place of an {@code @media} a statement of which was not marked.
     */
    List<String> aligned(List<String> queries, List<Set<String>> heads) {
        if (written.size() != queries.size()) {
            return null;
        }
        for (int m = 0; m < written.size(); m++) {
            if (!written.get(m).dart().equals(queries.get(m)) || !heads(written.get(m)).equals(heads.get(m))) {
                return null;
            }
        }
        return written.stream().map(Written::libsass).toList();
    }

    /**
     * The heads of the blocks a marked {@code @media} holds, without the markers: read only here,
     * since {@link #aligned} is the last resort and most pages never ask it.
     */
    private Set<String> heads(Written media) {
        Set<String> heads = new TreeSet<>();
        MediaJoins.blockHeads(markedCss, media.start(), media.end()).forEach(head -> heads.add(UNMARKED.matcher(head).replaceAll("")));
        return heads;
    }

    /**
     * The query libsass writes for the {@code ordinal}th of the {@code count} {@code @media}
     * whose innermost statement starts at {@code at} in the stylesheet {@code url}, written as
     * {@code written}: the join of the one in its place where the marked CSS wrote as many for
     * the statement, the same query in that place. Null otherwise: where the real CSS holds more,
     * dart-sass went on writing an outer {@code @media} in one of them, whose query was the same
     * until the markers told them apart, and the caller counts again without the copies that
     * hold only what the outer one wrote, which keep their query.
     */
    String libsass(String url, int at, int ordinal, int count, String written) {
        List<Join> found = joins.getOrDefault(new Statement(url, at), List.of());
        return found.size() == count && found.get(ordinal).dart().equals(written) ? found.get(ordinal).libsass() : null;
    }

    /**
     * The query libsass writes for an {@code @media} whose statement starts at {@code at} in the
     * stylesheet {@code url}, written as {@code written}, where the real CSS does not tell which
     * of them it is: the join every {@code @media} of the statement the marked CSS wrote so gives,
     * where they all give one; null otherwise.
     */
    String libsass(String url, int at, String written) {
        List<String> libsass = joins.getOrDefault(new Statement(url, at), List.of()).stream()
                .filter(join -> join.dart().equals(written)).map(Join::libsass).distinct().toList();
        return libsass.size() == 1 ? libsass.get(0) : null;
    }
}
