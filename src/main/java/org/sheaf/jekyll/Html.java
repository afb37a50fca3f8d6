package org.sheaf.jekyll;

import java.util.regex.Pattern;

/**
 * HTML escaping as Ruby's libraries do it, one function per rule; which one a caller wants
 * depends on whose output it reproduces.
 *
 * <ul>
 *   <li>{@link #escape}: {@code CGI.escapeHTML}, Liquid's {@code escape} ({@code '} as {@code &#39;});</li>
 *   <li>{@link #xmlEscape}: Jekyll's {@code xml_escape} ({@code '} as {@code &apos;});</li>
 *   <li>{@link #escapeOnce}: Liquid's {@code escape_once}, which leaves entities alone;</li>
 *   <li>{@link #escapeText} and {@link #escapeAttribute}: kramdown's text and attribute
 *       escaping, which leave {@code '} (and in text {@code "}) as they are.</li>
 * </ul>
 *
 * Null is the empty string throughout. {@link #stripHtml} goes the other way.
 */
public final class Html {
    private static final Pattern ESCAPE_ONCE = Pattern.compile("[\"><']|&(?!([a-zA-Z]+|(#\\d+));)");
    /** Liquid's blocks that go whole, their text too; lower case only, as Ruby Liquid matches them. */
    private static final Pattern SCRIPT_STYLE_OR_COMMENT = Pattern.compile("(?s)<script.*?</script>|<!--.*?-->|<style.*?</style>");
    private static final Pattern TAG = Pattern.compile("(?s)<.*?>");

    private Html() {
    }

    /** {@code &}, {@code <}, {@code >}, {@code "} and {@code '} as entities, as {@code CGI.escapeHTML} writes them. */
    public static String escape(String text) {
        return escape(text, "&quot;", "&#39;");
    }

    /** As {@link #escape}, but {@code '} is {@code &apos;}: Jekyll's {@code xml_escape} (Ruby's {@code encode(xml: :attr)}). */
    public static String xmlEscape(String text) {
        return escape(text, "&quot;", "&apos;");
    }

    /** {@code &}, {@code <} and {@code >} as entities: text content, as kramdown writes code and math. */
    public static String escapeText(String text) {
        return escape(text, null, null);
    }

    /** {@code &}, {@code <}, {@code >} and {@code "} as entities: a double-quoted attribute value. */
    public static String escapeAttribute(String text) {
        return escape(text, "&quot;", null);
    }

    /** Liquid's {@code escape_once}: as {@link #escape}, except that an entity already written stays. */
    public static String escapeOnce(String text) {
        if (text == null) {
            return "";
        }
        return ESCAPE_ONCE.matcher(text).replaceAll(m -> switch (m.group()) {
            case "\"" -> "&quot;";
            case ">" -> "&gt;";
            case "<" -> "&lt;";
            case "'" -> "&#39;";
            default -> "&amp;";
        });
    }

    /**
     * Liquid's {@code strip_html}: {@code <script>}, {@code <style>} and comments go with their
     * text, then every other tag; written {@code <SCRIPT>}, a script's text stays, as in Ruby.
     */
    public static String stripHtml(String html) {
        return TAG.matcher(SCRIPT_STYLE_OR_COMMENT.matcher(html).replaceAll("")).replaceAll("");
    }

    /** {@code &}, {@code <} and {@code >} always; {@code "} and {@code '} as given, or kept when null. */
    private static String escape(String text, String quote, String apostrophe) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String entity = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> quote;
                case '\'' -> apostrophe;
                default -> null;
            };
            if (entity == null) {
                out.append(c);
            } else {
                out.append(entity);
            }
        }
        return out.toString();
    }
}
