package org.sheaf.source;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sheaf.config.YamlDocument;
import org.sheaf.config.YamlParser;
import org.sheaf.diag.Diagnostic;
import org.sheaf.diag.DiagnosticException;
import org.sheaf.diag.Position;

/**
 * Splits a source file into YAML front matter and body, by Jekyll's rule: the file starts with
 * a line {@code ---} (trailing whitespace allowed), and the front matter runs to the next line
 * that is {@code ---} or {@code ...}.
 *
 * <p>As in Jekyll, whitespace and blank lines right after the closing line belong to neither
 * part; {@link FrontMatter#bodyLine()} says where the body really starts.
 */
public final class FrontMatterParser {
    /** The line that opens front matter: {@code ---}, then only whitespace. */
    private static final Pattern OPENING = Pattern.compile("\\A---[ \\t\\r\\f\\x0B]*\\n");
    /** Jekyll's YAML_FRONT_MATTER_REGEXP, with {@code ^} and {@code $} at {@code \n} only, as in Ruby. */
    private static final Pattern FRONT_MATTER = Pattern.compile(
            "\\A(---\\s*\\n.*?\\n?)^((---|\\.\\.\\.)\\s*$\\n?)",
            Pattern.MULTILINE | Pattern.DOTALL | Pattern.UNIX_LINES);
    private static final byte[] DASHES = {'-', '-', '-'};

    private FrontMatterParser() {
    }

    /**
     * Whether a file whose first bytes are {@code head} has front matter: its first line is
     * {@code ---} followed by nothing but whitespace. A UTF-8 byte order mark before it is
     * allowed. {@code head} must hold at least the first line; a head without a line break
     * answers false.
     */
    public static boolean hasFrontMatter(byte[] head) {
        int i = SourceText.hasBom(head) ? 3 : 0;
        for (byte dash : DASHES) {
            if (i >= head.length || head[i] != dash) {
                return false;
            }
            i++;
        }
        for (; i < head.length; i++) {
            switch (head[i]) {
                case '\n':
                    return true;
                case ' ', '\t', '\r', '\f', 0x0B:
                    break;
                default:
                    return false;
            }
        }
        return false;
    }

    /**
     * Splits {@code text} (a decoded file, see {@link SourceText}).
     *
     * <p>Text without front matter gives empty data, the whole text as body, and body line 1.
     * Empty front matter ({@code ---} then {@code ---}, or only a YAML {@code null}) gives
     * empty data.
     *
     * @param path the file, as diagnostics print it
     * @param zone the site's zone, for dates in the front matter
     * @throws DiagnosticException for invalid YAML (at its line and column in the file), for
     *                             front matter that is not a mapping, or for an opening
     *                             {@code ---} that is never closed
     */
    public static FrontMatter parse(String text, String path, ZoneId zone) throws DiagnosticException {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (!OPENING.matcher(text).lookingAt()) {
            return new FrontMatter(Map.of(), Map.of(), text, 1);
        }
        Matcher m = FRONT_MATTER.matcher(text);
        if (!m.lookingAt()) {
            throw new DiagnosticException(Diagnostic.error(path, 1, 1,
                    "front matter is not closed: add a line \"---\" where it ends"));
        }
        int yamlStart = text.indexOf('\n') + 1;
        String yaml = text.substring(yamlStart, m.start(2));
        YamlDocument document = YamlParser.parse(yaml, path, 2, zone, "front matter");
        Object value = document.value();
        Map<String, Object> data;
        if (value == null) {
            data = Map.of();
        } else if (value instanceof Map<?, ?> map) {
            data = new LinkedHashMap<>();
            map.forEach((key, item) -> data.put((String) key, item));
        } else {
            throw new DiagnosticException(Diagnostic.error(path, document.positionOf("", new Position(2, 1)),
                    "front matter must be a mapping of keys to values"));
        }
        int bodyStart = m.end();
        return new FrontMatter(data, document.positions(), text.substring(bodyStart),
                1 + lineBreaks(text, bodyStart));
    }

    private static int lineBreaks(String text, int end) {
        int count = 0;
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }
}
