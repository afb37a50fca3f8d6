package org.sheaf.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;
import org.sheaf.diag.Diagnostic;
import org.sheaf.diag.Position;

/**
 * Checks a built HTML page for the accessibility faults a machine can find for certain, the basic
 * rules of axe-core and pa11y: a document without {@code lang} or {@code <title>}, an image
 * without {@code alt}, a link, button or form field with no name a screen reader can announce, an
 * empty heading, a heading that skips a level, a duplicate {@code id}, a table without header
 * cells, an {@code svg role="img"} or {@code iframe} with no name.
 *
 * <p>Each fault is a warning at the place in the sources where the element is written, found
 * as {@link LinkChecker} finds a broken link: the page's own source first, then its layouts and
 * includes (with an {@code in:} line naming the page). A fault the sources do not spell out is
 * reported at {@code fallback} in the page's source, with the line of the built page. Thread-safe;
 * pages may be checked in parallel.
 */
public final class AccessibilityChecker {
    private static final List<String> HEADINGS = List.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final List<String> UNLABELLED_INPUTS = List.of("hidden", "submit", "reset", "button", "image");

    private final SourceLocator locator;

    /** A checker that reads sources from under {@code siteRoot}. */
    public AccessibilityChecker(Path siteRoot) {
        this.locator = new SourceLocator(siteRoot);
    }

    /** One fault: the element, what is wrong, how to mend it, and the texts that may find it in a source. */
    private record Fault(Element element, String message, String hint, List<Spelling> spellings) {
    }

    /**
     * A text that may be where an element is written in a source, and which of the elements the
     * text stands for the element is (0-based, in the built page), to pick among equal spellings.
     */
    private record Spelling(String text, int occurrence) {
        /** The element's attribute value, told apart from other elements with the same value. */
        static Spelling ofAttribute(Element element, String attribute, String written) {
            if (element.attr(attribute).isEmpty()) {
                return new Spelling("", 0);
            }
            Elements same = element.ownerDocument().getElementsByAttributeValue(attribute, element.attr(attribute));
            return new Spelling(written, Math.max(0, same.indexOf(element)));
        }

        /** The element's start tag, {@code <img}, told apart from other elements of its name. */
        static Spelling ofTag(Element element) {
            return new Spelling("<" + element.normalName(),
                    Math.max(0, element.ownerDocument().getElementsByTag(element.normalName()).indexOf(element)));
        }
    }

    /**
     * The faults of one built page, as sorted warnings.
     *
     * @param outputPath the page's path in the site ({@code notes/x/index.html}), for the {@code in:} line
     * @param html       the page as built
     * @param sources    the files that made the page, relative to the site root: its own source
     *                   first, then its layouts (innermost first) and the site's includes
     * @param fallback   where in its own source to report a fault no source spells out
     */
    public List<Diagnostic> check(String outputPath, String html, List<String> sources, Position fallback) {
        // a fragment (a page with no layout) has no <html> or <title> of its own to check
        boolean wholeDocument = html.substring(0, Math.min(html.length(), 4096)).toLowerCase(Locale.ROOT)
                .matches("(?s).*<(!doctype|html).*");
        List<Fault> faults = faults(Jsoup.parse(html), wholeDocument);
        if (faults.isEmpty()) {
            return List.of();
        }
        // Parsed again with positions only now: tracking them costs, and most pages are clean.
        faults = faults(Jsoup.parse(html, "", Parser.htmlParser().setTrackPosition(true)), wholeDocument);
        List<Diagnostic> warnings = new ArrayList<>();
        for (Fault fault : faults) {
            warnings.add(place(fault, outputPath, sources, fallback));
        }
        warnings.sort(null);
        return List.copyOf(warnings);
    }

    private Diagnostic place(Fault fault, String outputPath, List<String> sources, Position fallback) {
        String page = sources.get(0);
        for (Spelling spelling : fault.spellings()) {
            if (spelling.text().isBlank()) {
                continue;
            }
            for (String source : sources) {
                Optional<Position> at = locator.find(source, spelling.text(), spelling.occurrence());
                if (at.isPresent()) {
                    Diagnostic warning = Diagnostic.warning(source, at.get(), fault.message()).withHint(fault.hint());
                    return source.equals(page) ? warning : warning.within(page);
                }
            }
        }
        int line = fault.element().sourceRange().start().lineNumber();
        int column = fault.element().sourceRange().start().columnNumber();
        return Diagnostic.warning(page, fallback, fault.message()).withHint(fault.hint())
                .within(line < 1 ? outputPath : outputPath + ":" + line + ":" + column);
    }

    private static List<Fault> faults(Document document, boolean wholeDocument) {
        List<Fault> faults = new ArrayList<>();
        if (wholeDocument) {
            Element root = document.expectFirst("html");
            if (root.attr("lang").isBlank()) {
                faults.add(new Fault(root, "the page has no language: <html> has no lang attribute",
                        "write <html lang=\"en\"> (or the page's language) in the outermost layout",
                        List.of(Spelling.ofTag(root))));
            }
            Element title = document.head().selectFirst("title");
            if (title == null || title.text().isBlank()) {
                faults.add(new Fault(title != null ? title : document.head(), "the page has no title",
                        "give the page a title: in front matter, and <title> in the layout's <head>",
                        List.of(Spelling.ofTag(title != null ? title : document.head()))));
            }
        }
        // one walk over the elements, in document order
        Map<String, Element> ids = new HashMap<>();
        int heading = 0;
        for (Element element : document.getAllElements()) {
            String id = element.id();
            if (!id.isEmpty() && ids.putIfAbsent(id, element) != null) {
                faults.add(duplicate(element, id));
            }
            switch (element.normalName()) {
                case "img" -> image(element, faults);
                case "a" -> link(element, document, faults);
                case "button" -> button(element, document, faults);
                case "input", "select", "textarea" -> field(element, document, faults);
                case "table" -> table(element, faults);
                case "svg" -> graphic(element, document, faults);
                case "iframe" -> frame(element, faults);
                case "h1", "h2", "h3", "h4", "h5", "h6" -> heading = heading(element, heading, document, faults);
                default -> {
                }
            }
        }
        return faults;
    }

    private static void image(Element image, List<Fault> faults) {
        if (!image.hasAttr("alt")) {
            faults.add(new Fault(image, "image has no alt text",
                    "describe what it shows: ![what it shows](" + image.attr("src") + "), or alt=\"...\"; "
                            + "alt=\"\" marks an image as decoration",
                    List.of(Spelling.ofAttribute(image, "src", image.attr("src")), Spelling.ofTag(image))));
        }
    }

    private static void link(Element link, Document document, List<Fault> faults) {
        if (link.hasAttr("href") && !hasName(link, document)) {
            faults.add(new Fault(link, "link has no text a screen reader can announce",
                    "give it text, or aria-label=\"...\" when it shows only an icon",
                    List.of(Spelling.ofAttribute(link, "href", link.attr("href")), Spelling.ofTag(link))));
        }
    }

    private static void button(Element button, Document document, List<Fault> faults) {
        if (!hasName(button, document) && button.attr("value").isBlank()) {
            faults.add(new Fault(button, "button has no text a screen reader can announce",
                    "give it text, or aria-label=\"...\" when it shows only an icon", List.of(Spelling.ofTag(button))));
        }
    }

    private static void field(Element field, Document document, List<Fault> faults) {
        if (!UNLABELLED_INPUTS.contains(field.attr("type").toLowerCase(Locale.ROOT)) && !hasLabel(field, document)) {
            faults.add(new Fault(field, "form field has no label",
                    "add <label for=\"ID\"> with id=\"ID\" on the field, or aria-label=\"...\"",
                    List.of(Spelling.ofAttribute(field, "id", "id=\"" + field.id() + "\""),
                            Spelling.ofAttribute(field, "name", "name=\"" + field.attr("name") + "\""),
                            Spelling.ofTag(field))));
        }
    }

    private static void table(Element table, List<Fault> faults) {
        String role = table.attr("role");
        if (!role.equals("presentation") && !role.equals("none") && table.getElementsByTag("th").isEmpty()) {
            faults.add(new Fault(table, "table has no header cells (<th>)",
                    "make its first row a header: in Markdown, the row above the |---| line; in HTML, <th>",
                    List.of(Spelling.ofTag(table))));
        }
    }

    private static void graphic(Element graphic, Document document, List<Fault> faults) {
        if (graphic.attr("role").equals("img") && !hasName(graphic, document)
                && graphic.getElementsByTag("title").isEmpty()) {
            faults.add(new Fault(graphic, "image (svg role=\"img\") has no text alternative",
                    "add aria-label=\"...\" or a <title> as its first child", List.of(Spelling.ofTag(graphic))));
        }
    }

    private static void frame(Element frame, List<Fault> faults) {
        if (frame.attr("title").isBlank() && frame.attr("aria-label").isBlank()) {
            faults.add(new Fault(frame, "iframe has no title", "add title=\"...\" saying what the frame shows",
                    List.of(Spelling.ofAttribute(frame, "src", frame.attr("src")), Spelling.ofTag(frame))));
        }
    }

    private static Fault duplicate(Element element, String id) {
        return new Fault(element, "duplicate id \"" + id + "\"",
                "ids must be unique on a page: links to #" + id + " reach only the first, and labels name the "
                        + "wrong element",
                List.of(Spelling.ofAttribute(element, "id", "id=\"" + id + "\""),
                        Spelling.ofAttribute(element, "id", "{#" + id + "}"),
                        HEADINGS.contains(element.normalName()) ? headingText(element) : Spelling.ofTag(element)));
    }

    /**
     * An empty heading, or one more than a level below the heading before it ({@code previous},
     * 0 for none); returns this heading's level, the next one's {@code previous}.
     */
    private static int heading(Element heading, int previous, Document document, List<Fault> faults) {
        int level = HEADINGS.indexOf(heading.normalName()) + 1;
        if (!hasName(heading, document)) {
            faults.add(new Fault(heading, "empty heading <" + heading.normalName() + ">", "give it text, or remove it",
                    List.of(Spelling.ofAttribute(heading, "id", "id=\"" + heading.id() + "\""),
                            Spelling.ofTag(heading))));
        } else if (previous > 0 && level > previous + 1) {
            faults.add(new Fault(heading, "heading level skipped: <" + heading.normalName() + "> after <h" + previous
                    + ">", "use <h" + (previous + 1) + "> (" + "#".repeat(previous + 1) + " in Markdown) and style it "
                    + "with CSS if it should look smaller", List.of(headingText(heading), Spelling.ofTag(heading))));
        }
        return level;
    }

    /** Whether the element has a name: text, an image's alt, aria-label, aria-labelledby or title. */
    private static boolean hasName(Element element, Document document) {
        if (!element.text().isBlank() || !element.attr("aria-label").isBlank() || !element.attr("title").isBlank()) {
            return true;
        }
        for (String id : element.attr("aria-labelledby").trim().split("\\s+")) {
            Element label = id.isEmpty() ? null : document.getElementById(id);
            if (label != null && !label.text().isBlank()) {
                return true;
            }
        }
        for (Element image : element.select("img[alt], [role=img][aria-label], svg title")) {
            if (!image.attr("alt").isBlank() || !image.attr("aria-label").isBlank() || !image.text().isBlank()) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasLabel(Element field, Document document) {
        if (!field.attr("aria-label").isBlank() || !field.attr("title").isBlank()) {
            return true;
        }
        if (!field.attr("aria-labelledby").isBlank()) {
            return hasName(field, document);
        }
        for (Element label = field.parent(); label != null; label = label.parent()) {
            if (label.normalName().equals("label")) {
                return !label.text().isBlank();
            }
        }
        if (field.id().isEmpty()) {
            return false;
        }
        for (Element label : document.select("label[for]")) {
            if (label.attr("for").equals(field.id()) && !label.text().isBlank()) {
                return true;
            }
        }
        return false;
    }


    /** A heading's text, told apart from other headings with the same text. */
    private static Spelling headingText(Element heading) {
        String text = heading.text().strip();
        int occurrence = 0;
        for (Element other : heading.ownerDocument().select(String.join(", ", HEADINGS))) {
            if (other == heading) {
                break;
            }
            if (other.text().strip().equals(text)) {
                occurrence++;
            }
        }
        return new Spelling(text, occurrence);
    }
}
