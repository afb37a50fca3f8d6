package org.sheaf.testing;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The comparison the shared {@code sitediff} tool performs, in Java so tests can run it: two
 * built sites compared file by file, ignoring what may legitimately differ between two correct
 * builds of the same source.
 *
 * <p>HTML is compared as a token stream ({@link HtmlTokens#ofDocument}); XML (feeds, sitemaps) as
 * a tree, with the HTML inside a feed's {@code <content type="html">} compared as HTML; CSS with
 * whitespace and comments removed; everything else byte for byte. In HTML and XML each site's
 * build time (the {@code <updated>} of its feed, whatever the feed's name, or else its newest
 * sitemap {@code <lastmod>}) is replaced by a token. Files matching {@code *.map} are always left out.
 */
public final class SiteDiff {
    private static final List<String> DEFAULT_IGNORES = List.of("*.map");
    private static final Pattern FEED_UPDATED = Pattern.compile("<updated>([^<]+)</updated>");
    private static final Pattern SITEMAP_LASTMOD = Pattern.compile("<lastmod>([^<]+)</lastmod>");
    private static final Pattern CSS_COMMENT = Pattern.compile("(?s)/\\*.*?\\*/");
    private static final Pattern CSS_PUNCTUATION = Pattern.compile("\\s*([{};:,>])\\s*");

    private SiteDiff() {
    }

    /** One file whose tokens differ: where, and a few tokens either side in each site. */
    public record FileDifference(String path, int at, List<String> expected, List<String> actual) {
        /** The lines sitediff prints for this file with {@code --show}. */
        public List<String> lines() {
            return List.of("different: " + path, "  at token " + at + ":",
                    "  expected: " + String.join(" | ", expected),
                    "  actual:   " + String.join(" | ", actual));
        }
    }

    /** The outcome of one comparison; paths are relative, with {@code /}, sorted. */
    public record Result(int total, List<String> missing, List<String> extra, List<FileDifference> different) {
        public int equivalent() {
            return total - missing.size() - different.size();
        }

        public boolean ok() {
            return missing.isEmpty() && extra.isEmpty() && different.isEmpty();
        }

        public boolean isDifferent(String path) {
            return different.stream().anyMatch(d -> d.path().equals(path));
        }

        /** sitediff's last line: {@code sitediff: N of M files equivalent (missing A, extra B, different C)}. */
        public String summary() {
            return "sitediff: " + equivalent() + " of " + total + " files equivalent (missing " + missing.size()
                    + ", extra " + extra.size() + ", different " + different.size() + ")";
        }

        /** What sitediff prints with {@code --show show}: differing files, missing, extra, summary. */
        public String report(int show) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < different.size(); i++) {
                lines.addAll(i < show ? different.get(i).lines() : different.get(i).lines().subList(0, 1));
            }
            missing.forEach(path -> lines.add("missing: " + path));
            extra.forEach(path -> lines.add("extra: " + path));
            lines.add(summary());
            return String.join("\n", lines);
        }
    }

    /**
     * Compares two output folders.
     *
     * @param ignores fnmatch-style globs (as sitediff's {@code --ignore}), matched against the
     *     relative path and against the file name; {@code *.map} is always added
     */
    public static Result compare(Path expected, Path actual, List<String> ignores) {
        List<String> globs = new ArrayList<>(DEFAULT_IGNORES);
        globs.addAll(ignores);
        TreeSet<String> expectedFiles = filesUnder(expected, globs);
        TreeSet<String> actualFiles = filesUnder(actual, globs);
        List<String> missing = expectedFiles.stream().filter(p -> !actualFiles.contains(p)).toList();
        List<String> extra = actualFiles.stream().filter(p -> !expectedFiles.contains(p)).toList();
        String expectedStamp = buildTime(expected);
        String actualStamp = buildTime(actual);
        List<FileDifference> different = new ArrayList<>();
        for (String path : expectedFiles) {
            if (!actualFiles.contains(path)) {
                continue;
            }
            List<String> a = tokens(expected.resolve(path), expectedStamp);
            List<String> b = tokens(actual.resolve(path), actualStamp);
            if (!a.equals(b)) {
                different.add(firstDifference(path, a, b));
            }
        }
        return new Result(expectedFiles.size(), missing, extra, List.copyOf(different));
    }

    /** The tokens sitediff compares for one file, chosen by its extension. */
    public static List<String> tokens(Path file, String stamp) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.')) : "";
        byte[] bytes = read(file);
        switch (ext) {
            case ".html", ".htm" -> {
                String text = new String(bytes, StandardCharsets.UTF_8);
                return HtmlTokens.ofDocument(stamp == null ? text : text.replace(stamp, "BUILD_TIME"));
            }
            case ".xml", ".atom", ".rss" -> {
                return xmlTokens(new String(bytes, StandardCharsets.UTF_8), stamp);
            }
            case ".css" -> {
                return List.of(cssText(new String(bytes, StandardCharsets.UTF_8)));
            }
            default -> {
                return List.of("#bytes " + new String(bytes, StandardCharsets.ISO_8859_1));
            }
        }
    }

    /**
     * The site's feeds to take its build time from: {@code feed.xml}, then {@code atom.xml}, then
     * the other XML files at its top in name order (a feed a site writes in Liquid under a name of
     * its own, such as one category's).
     */
    private static List<Path> feeds(Path root) {
        List<Path> feeds = new ArrayList<>(List.of(root.resolve("feed.xml"), root.resolve("atom.xml")));
        if (Files.isDirectory(root)) {
            try (Stream<Path> top = Files.list(root)) {
                top.filter(p -> p.getFileName().toString().endsWith(".xml") && !feeds.contains(p))
                        .sorted().forEach(feeds::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return feeds.stream().filter(Files::isRegularFile).toList();
    }

    /** The time a build stamped into its own feed or sitemap, or null. */
    static String buildTime(Path root) {
        for (Path path : feeds(root)) {
            String text = new String(read(path), StandardCharsets.UTF_8);
            Matcher m = FEED_UPDATED.matcher(text);
            if (text.contains("<feed") && m.find()) {
                return m.group(1);
            }
        }
        Path sitemap = root.resolve("sitemap.xml");
        if (Files.isRegularFile(sitemap)) {
            Matcher m = SITEMAP_LASTMOD.matcher(new String(read(sitemap), StandardCharsets.UTF_8));
            String newest = null;
            while (m.find()) {
                if (newest == null || m.group(1).compareTo(newest) > 0) {
                    newest = m.group(1);
                }
            }
            return newest;
        }
        return null;
    }

    static List<String> xmlTokens(String text, String stamp) {
        String source = stamp == null ? text : text.replace(stamp, "BUILD_TIME");
        org.w3c.dom.Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            document = builder.parse(new InputSource(new StringReader(source)));
        } catch (SAXException e) {
            return List.of("#unparseable-xml " + e.getMessage());
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException(e);
        }
        List<String> out = new ArrayList<>();
        walkXml(document.getDocumentElement(), out);
        return out;
    }

    private static void walkXml(Element element, List<String> out) {
        String tag = localName(element);
        if (tag.equals("generator")) {
            return;
        }
        TreeMap<String, String> attributes = new TreeMap<>();
        NamedNodeMap attrs = element.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr attr = (Attr) attrs.item(i);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attr.getNamespaceURI())) {
                continue;  // ElementTree does not report namespace declarations as attributes
            }
            attributes.put(localName(attr), HtmlTokens.collapse(attr.getValue()));
        }
        StringBuilder start = new StringBuilder("<").append(tag);
        attributes.forEach((k, v) -> start.append(' ').append(k).append("=\"").append(v).append('"'));
        out.add(start.append('>').toString());
        // ElementTree's text: the character data before the first child element; tail: after each
        StringBuilder pending = new StringBuilder();
        boolean first = true;
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                pending.append(child.getNodeValue());
            } else if (child instanceof Element childElement) {
                flushXmlText(element, tag, pending, first, out);
                first = false;
                walkXml(childElement, out);
            }
        }
        flushXmlText(element, tag, pending, first, out);
        out.add("</" + tag + ">");
    }

    private static void flushXmlText(Element element, String tag, StringBuilder text, boolean isText,
            List<String> out) {
        String body = text.toString();
        text.setLength(0);
        if (isText && (tag.equals("content") || tag.equals("summary")) && element.getAttribute("type").equals("html")) {
            out.addAll(HtmlTokens.ofDocument(body));
        } else if (!HtmlTokens.collapse(body).isEmpty()) {
            out.add("#text " + HtmlTokens.collapse(body));
        }
    }

    private static String localName(Node node) {
        String name = node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
        return name.substring(name.indexOf(':') + 1);
    }

    static String cssText(String css) {
        String text = CSS_COMMENT.matcher(css).replaceAll("");
        text = CSS_PUNCTUATION.matcher(text).replaceAll("$1");
        return HtmlTokens.collapse(text.replace(";}", "}"));
    }

    private static FileDifference firstDifference(String path, List<String> a, List<String> b) {
        int i = 0;
        while (i < Math.min(a.size(), b.size()) && a.get(i).equals(b.get(i))) {
            i++;
        }
        int lo = Math.max(0, i - 3);
        return new FileDifference(path, i, shown(a, lo, i + 3), shown(b, lo, i + 3));
    }

    private static List<String> shown(List<String> tokens, int from, int to) {
        return tokens.subList(Math.min(from, tokens.size()), Math.min(to, tokens.size())).stream()
                .map(t -> t.startsWith("#bytes ") && t.length() > 207 ? t.substring(0, 207) : t).toList();
    }

    static TreeSet<String> filesUnder(Path root, List<String> globs) {
        List<Pattern> patterns = globs.stream().map(SiteDiff::fnmatch).toList();
        TreeSet<String> found = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(file).toString().replace('\\', '/');
                String name = file.getFileName().toString();
                if (patterns.stream().noneMatch(p -> p.matcher(rel).matches() || p.matcher(name).matches())) {
                    found.add(rel);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** Python's fnmatch: {@code *} and {@code ?} match any character, {@code /} included. */
    static Pattern fnmatch(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            int close = c == '[' ? glob.indexOf(']', i + 2) : -1;
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else if (close > 0) {
                String set = glob.substring(i + 1, close).replace("\\", "\\\\");
                regex.append('[').append(set.startsWith("!") ? "^" + set.substring(1) : set).append(']');
                i = close;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
