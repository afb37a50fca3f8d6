package org.sheaf.jekyll;

import java.util.Set;
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
    /** HTML 4's named character references, and {@code apos}: those libxml2 and kramdown decode. */
    private static final Set<String> HTML4_ENTITIES = Set.of(("AElig Aacute Acirc Agrave Alpha Aring Atilde Auml Beta "
            + "Ccedil Chi Dagger Delta ETH Eacute Ecirc Egrave Epsilon Eta Euml Gamma Iacute Icirc Igrave Iota Iuml "
            + "Kappa Lambda Mu Ntilde Nu OElig Oacute Ocirc Ograve Omega Omicron Oslash Otilde Ouml Phi Pi Prime Psi "
            + "Rho Scaron Sigma THORN Tau Theta Uacute Ucirc Ugrave Upsilon Uuml Xi Yacute Yuml Zeta aacute acirc "
            + "acute aelig agrave alefsym alpha amp and ang apos aring asymp atilde auml bdquo beta brvbar bull cap "
            + "ccedil cedil cent chi circ clubs cong copy crarr cup curren dArr dagger darr deg delta diams divide "
            + "eacute ecirc egrave empty emsp ensp epsilon equiv eta eth euml euro exist fnof forall frac12 frac14 "
            + "frac34 frasl gamma ge gt hArr harr hearts hellip iacute icirc iexcl igrave image infin int iota iquest "
            + "isin iuml kappa lArr lambda lang laquo larr lceil ldquo le lfloor lowast loz lrm lsaquo lsquo lt macr "
            + "mdash micro middot minus mu nabla nbsp ndash ne ni not notin nsub ntilde nu oacute ocirc oelig ograve "
            + "oline omega omicron oplus or ordf ordm oslash otilde otimes ouml para part permil perp phi pi piv "
            + "plusmn pound prime prod prop psi quot rArr radic rang raquo rarr rceil rdquo real reg rfloor rho rlm "
            + "rsaquo rsquo sbquo scaron sdot sect shy sigma sigmaf sim spades sub sube sum sup sup1 sup2 sup3 supe "
            + "szlig tau there4 theta thetasym thinsp thorn tilde times trade uacute uarr ucirc ugrave uml upsih "
            + "upsilon uuml weierp xi yacute yen yuml zeta zwj zwnj").split(" "));

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

    /** Whether {@code &name;} is one of HTML 4's named character references (or {@code &apos;}). */
    public static boolean isHtml4Entity(String name) {
        return HTML4_ENTITIES.contains(name);
    }

    /**
     * Whether kramdown's table of entities holds {@code &name;}: HTML 4's names with
     * {@code &apos;}, {@code &uArr;} and {@code &vellip;}; HTML 5's other names ({@code &check;})
     * it does not know.
     */
    public static boolean isKramdownEntity(String name) {
        return isHtml4Entity(name) || name.equals("uArr") || name.equals("vellip");
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
