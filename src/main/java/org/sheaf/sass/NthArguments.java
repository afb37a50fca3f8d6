package org.sheaf.sass;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives {@code :nth-child()} and its kin back the argument their stylesheets wrote: dart-sass
 * writes {@code :nth-child(2n + 1)} as {@code :nth-child(2n+1)}, where libsass, and so Jekyll 4.3,
 * copies the argument as written, only the white space around it dropped.
 *
 * <p>The stylesheets the page compiled from are read for each such argument ({@code An+B},
 * {@code odd} or {@code even}; one built by interpolation is not read). An argument in the output
 * is written as the stylesheets wrote it only when every argument they wrote that reads the same
 * without white space was written alike; one written both ways stays as dart-sass wrote it. In
 * the output only selectors are touched, and each change is returned as a
 * {@link SourceMapShift.Edit} so the source map's columns follow.
 */
final class NthArguments {
    private static final Pattern NTH = Pattern.compile("(?i):nth-(?:last-)?(?:child|of-type)\\(");
    /** An argument as a stylesheet may write it, white space around it and all. */
    private static final Pattern ARGUMENT = Pattern.compile(
            "(?i)\\s*([-+]?\\d*n(?:\\s*[-+]\\s*\\d+)?|[-+]?\\d+|odd|even)\\s*\\)");
    /** An argument written in more than one way. */
    private static final String MIXED = "";

    private NthArguments() {
    }

    /**
     * The CSS with arguments as written.
     *
     * @param css     dart-sass's output
     * @param sources the texts of the stylesheets it was compiled from (SCSS, Sass or CSS)
     * @param edits   receives each change, at its offset in {@code css}
     */
    static String restored(String css, List<String> sources, List<SourceMapShift.Edit> edits) {
        Map<String, String> written = new HashMap<>();
        for (String source : sources) {
            Matcher nth = NTH.matcher(source);
            while (nth.find()) {
                Matcher argument = ARGUMENT.matcher(source).region(nth.end(), source.length());
                if (argument.lookingAt()) {
                    String text = argument.group(1);
                    written.merge(spaceless(text), text, (a, b) -> a.equals(b) ? a : MIXED);
                }
            }
        }
        if (written.entrySet().stream().allMatch(e -> e.getKey().equals(e.getValue()) || e.getValue().equals(MIXED))) {
            return css;
        }
        return AttributeQuotes.inSelectors(css, ':', (at, out) -> {
            Matcher nth = NTH.matcher(css).region(at, css.length());
            Matcher argument = ARGUMENT.matcher(css);
            if (nth.lookingAt() && argument.region(nth.end(), css.length()).lookingAt()
                    && argument.start(1) == nth.end()) {
                String ours = argument.group(1);
                String text = written.getOrDefault(ours, MIXED);
                if (!text.equals(MIXED) && !text.equals(ours)) {
                    out.append(css, at, nth.end()).append(text);
                    edits.add(new SourceMapShift.Edit(nth.end(), ours.length(), text.length()));
                    return argument.end(1);
                }
            }
            return at;
        });
    }

    private static String spaceless(String text) {
        return text.replaceAll("\\s+", "");
    }
}
