package org.sheaf.liquid;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sheaf.diag.Diagnostic;
import org.sheaf.diag.Position;

/**
 * Jekyll's check of an include tag's parameters, made when the template is read, whether the tag
 * ever renders or not (in a false branch, even in a comment): each must be {@code name=value}
 * with a quoted value or one of word characters, dots and hyphens, so {@code p=site.data[x].y}
 * or {@code p=page.x | upcase} stops the build.
 */
final class IncludeParams {
    /** An include tag (a raw block is left alone): its start, name and markup. */
    private static final Pattern INCLUDE = Pattern.compile(
            RawBlock.PATTERN + "|\\{%-?\\s*(include(?:_relative|_cached)?)(?![\\w-])(.*?)-?%\\}", Pattern.DOTALL);
    /** A file name with an output tag in it, then the parameters. */
    private static final Pattern VARIABLE_NAME = Pattern.compile(
            "[^{]*(?:\\{\\{\\s*[\\w\\-.]+\\s*(?:\\|.*)?\\}\\}[^\\s{}]*)+", Pattern.DOTALL);
    /** One parameter as Jekyll takes it. */
    private static final String PARAM = "[\\w-]+\\s*=\\s*(?:\"[^\"\\\\]*(?:\\\\.[^\"\\\\]*)*\"|'[^'\\\\]*(?:\\\\.[^'\\\\]*)*'|[\\w.-]+)";
    /** Parameters Jekyll accepts: none or more, each followed by white space or the end. */
    private static final Pattern VALID = Pattern.compile("\\s*(?:" + PARAM + "(?=\\s|\\z)\\s*)*");

    private IncludeParams() {
    }

    /**
     * The error for the first include tag in {@code text} whose parameters Jekyll refuses, at its
     * file name, in Jekyll's words.
     */
    static Optional<Diagnostic> refusal(String text, String path, int firstLine) {
        if (!text.contains("include")) {
            return Optional.empty();
        }
        ClosedTags m = ClosedTags.scan(INCLUDE, text);
        while (m.find()) {
            if (m.group(1) == null) {
                continue;
            }
            String markup = m.group(2).strip();
            Matcher variable = VARIABLE_NAME.matcher(markup);
            String params;
            if (variable.lookingAt()) {
                params = markup.substring(variable.end()).strip();
            } else {
                String[] words = markup.split("\\s+", 2);
                params = words.length > 1 ? words[1] : "";
            }
            if (!VALID.matcher(params).matches()) {
                int at = m.start(2) + (m.group(2).length() - m.group(2).stripLeading().length());
                return Optional.of(Diagnostic.error(path, Position.of(text, at).shiftedDown(firstLine - 1),
                        "Liquid syntax error: Invalid syntax for include tag: " + params.replaceAll("\\s+", " ")
                                + " Valid syntax: {% " + m.group(1) + " file.ext param='value' param2='value' %}"));
            }
        }
        return Optional.empty();
    }
}
