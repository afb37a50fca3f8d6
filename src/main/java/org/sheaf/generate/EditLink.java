package org.sheaf.generate;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sheaf.content.TagCall;

/**
 * jekyll-github-metadata's {@code {% github_edit_link %}}: where a page's source opens in GitHub's
 * editor, {@code site.github.repository_url}, {@code edit}, the source branch, the source folder
 * and the page's path joined as URL segments. With a quoted text ({@code "Improve this page"} or
 * {@code 'Edit'}) the tag prints a link of that text, else the bare address.
 *
 * <p>When any of the four values is missing the address is empty, as the plugin prints it (the
 * plugin also logs that site.github lacks data).
 */
final class EditLink {
    /** The plugin reads the text from the first quote to the last quote of the same kind. */
    private static final Pattern TEXT = Pattern.compile("(?:\"(.*)\"|'(.*)')");

    private EditLink() {
    }

    /** The tag's output for one call. */
    static String render(TagCall call) {
        String address = address(call.page(), call.site());
        Matcher text = TEXT.matcher(call.markup());
        if (!text.find()) {
            return address;
        }
        String linkText = text.group(1) != null ? text.group(1) : text.group(2);
        return "<a href=\"" + address + "\">" + linkText + "</a>";
    }

    private static String address(Map<?, ?> page, Map<?, ?> site) {
        Map<?, ?> github = TagCall.variable(site.get("github"));
        Map<?, ?> source = TagCall.variable(github.get("source"));
        List<Object> parts = new ArrayList<>();
        parts.add(value(github.get("repository_url")));
        parts.add("edit/");
        parts.add(value(source.get("branch")));
        parts.add(value(source.get("path")));
        parts.add(value(page.get("path")));
        if (parts.contains(null)) {
            return "";
        }
        try {
            URI joined = null;
            for (int i = 0; i < parts.size(); i++) {
                String part = parts.get(i).toString();
                part = part.startsWith("/") ? part.substring(1) : part;
                if (i < parts.size() - 1 && !part.endsWith("/")) {
                    part += "/";
                }
                if (part.equals("/")) {
                    continue;
                }
                // each segment is read as a relative reference against the address so far, as
                // Addressable joins them; the characters a path cannot hold are percent-encoded
                URI reference = i == 0 ? new URI(part) : new URI(null, null, part, null);
                joined = joined == null ? reference : joined.resolve(reference);
            }
            return joined.toASCIIString();
        } catch (URISyntaxException e) {
            return "";
        }
    }

    /** A value as the plugin's hash look-ups see it: nil and false are missing. */
    private static Object value(Object value) {
        return value == null || Boolean.FALSE.equals(value) ? null : value;
    }
}
