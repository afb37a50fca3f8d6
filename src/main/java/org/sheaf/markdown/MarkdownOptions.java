package org.sheaf.markdown;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Options read from Jekyll's {@code markdown:} and {@code kramdown:} config keys.
 *
 * @param flavour          which Markdown Jekyll would use: kramdown (its default) or CommonMark
 * @param gfm              for kramdown, read with its GFM parser ({@code input: GFM}, Jekyll's
 *                         default) rather than its own ({@code input: kramdown}); see {@link #inputProblem}
 * @param autoIds          give headings ids ({@code auto_ids})
 * @param autoIdPrefix     prepended to every generated heading id ({@code auto_id_prefix})
 * @param smartQuotes      the four quote characters, open single, close single, open double,
 *                         close double ({@code smart_quotes}: entity names or literal characters)
 * @param hardWrap         turn every line break inside a paragraph into {@code <br />} ({@code hard_wrap},
 *                         an option of the GFM parser alone)
 * @param tocLevels        heading levels that the {@code {:toc}} list includes ({@code toc_levels})
 * @param footnoteBacklink the text of a footnote's link back to its reference; empty for none
 *                         ({@code footnote_backlink})
 * @param defaultCodeLanguage the language class given to code blocks that name none
 *                         (Jekyll's {@code syntax_highlighter_opts.default_lang}, {@code plaintext})
 * @param codeLineNumbers  number the lines of highlighted code blocks in Rouge's table, a gutter
 *                         of numbers beside the code ({@code syntax_highlighter_opts}'s
 *                         {@code line_numbers}, under {@code block:} or for every kind of code)
 * @param codeStartLine    the number of a code block's first line in that table ({@code start_line})
 * @param rouge            write code in the markup of Rouge, Jekyll's highlighter; false when the
 *                         site names another ({@code highlighter: none}), which gives kramdown's
 *                         plain {@code <pre><code>}
 * @param commonMark       for the CommonMark flavour, the jekyll-commonmark options (upper case:
 *                         {@code UNSAFE}, {@code HARDBREAKS}, {@code NOBREAKS}, {@code SMART},
 *                         {@code GITHUB_PRE_LANG}) and extensions (lower case: {@code table},
 *                         {@code strikethrough}, {@code autolink}, {@code tasklist}, {@code tagfilter})
 *                         the site's {@code commonmark:} names
 * @param parseBlockHtml   read the content of block-level HTML as Markdown, as if each element
 *                         said {@code markdown="1"} ({@code parse_block_html})
 */
public record MarkdownOptions(
        Flavour flavour,
        boolean gfm,
        boolean autoIds,
        String autoIdPrefix,
        List<String> smartQuotes,
        boolean hardWrap,
        List<Integer> tocLevels,
        String footnoteBacklink,
        String defaultCodeLanguage,
        boolean codeLineNumbers,
        int codeStartLine,
        boolean rouge,
        Set<String> commonMark,
        boolean parseBlockHtml) {

    /** The two Markdown converters Jekyll ships with support for. */
    public enum Flavour {
        /** kramdown with its GFM parser, Jekyll's default. */
        KRAMDOWN,
        /** CommonMark as jekyll-commonmark gives it: no extension and no raw HTML unless the site names them. */
        COMMONMARK
    }

    private static final List<String> DEFAULT_QUOTES = List.of("‘", "’", "“", "”");

    public MarkdownOptions {
        smartQuotes = List.copyOf(smartQuotes);
        tocLevels = List.copyOf(tocLevels);
        commonMark = Set.copyOf(commonMark);
        if (smartQuotes.size() != 4) {
            throw new IllegalArgumentException("smartQuotes needs four entries, got " + smartQuotes);
        }
    }

    /** What Jekyll 4.3 does with no {@code markdown:} or {@code kramdown:} config. */
    public static MarkdownOptions defaults() {
        return new MarkdownOptions(Flavour.KRAMDOWN, true, true, "", DEFAULT_QUOTES, false,
                List.of(1, 2, 3, 4, 5, 6), "&#8617;", "plaintext", false, 1, true, Set.of(), false);
    }

    /**
     * Options from the site config: {@code markdown} ({@code kramdown}, also when absent, or
     * {@code CommonMark} in any case; any other name is treated as kramdown, Jekyll's default),
     * {@code highlighter} (null or false leave Rouge, as in Jekyll), {@code kramdown} and
     * {@code commonmark} (maps; unknown keys are ignored).
     */
    public static MarkdownOptions fromConfig(Map<String, Object> site) {
        MarkdownOptions base = defaults();
        Object markdown = site.get("markdown");
        if (markdown != null && markdown.toString().strip().toLowerCase(Locale.ROOT).equals("commonmark")) {
            Map<?, ?> config = site.get("commonmark") instanceof Map<?, ?> map ? map : Map.of();
            Set<String> named = new HashSet<>();
            names(config.get("options")).forEach(name -> named.add(name.toUpperCase(Locale.ROOT)));
            names(config.get("extensions")).forEach(name -> named.add(name.toLowerCase(Locale.ROOT)));
            return new MarkdownOptions(Flavour.COMMONMARK, true, false, "", DEFAULT_QUOTES, false,
                    base.tocLevels(), base.footnoteBacklink(), base.defaultCodeLanguage(), false, 1, true, named, false);
        }
        Map<?, ?> config = site.get("kramdown") instanceof Map<?, ?> map ? map : Map.of();
        Map<String, Object> blocks = blockHighlighting(config.get("syntax_highlighter_opts"));
        String parser = parserName(config);
        boolean gfm = !parser.equals(KRAMDOWN_PARSER) && !OTHER_PARSERS.contains(parser);
        return new MarkdownOptions(Flavour.KRAMDOWN,
                gfm,
                flag(config.get("auto_ids"), base.autoIds()),
                text(config.get("auto_id_prefix"), base.autoIdPrefix()),
                quotes(config.get("smart_quotes")),
                gfm && flag(config.get("hard_wrap"), base.hardWrap()),
                levels(config.get("toc_levels"), base.tocLevels()),
                text(config.get("footnote_backlink"), base.footnoteBacklink()),
                base.defaultCodeLanguage(),
                flag(blocks.get("line_numbers"), base.codeLineNumbers()),
                blocks.get("start_line") instanceof Number start ? start.intValue() : base.codeStartLine(),
                syntaxHighlighter(config.get("syntax_highlighter"), site.get("highlighter")).equals("rouge"),
                Set.of(),
                flag(config.get("parse_block_html"), base.parseBlockHtml()));
    }

    /**
     * What is wrong with the site's {@code kramdown: input:}, which names the parser kramdown reads
     * pages with, or empty when sheaf reads it as Jekyll does ({@code GFM} and {@code kramdown}) or
     * the site's Markdown is not kramdown. Jekyll takes the name with its first letter upper-cased
     * for a class of kramdown's parsers ({@code gFM} and {@code Kramdown} do, {@code gfm} does not);
     * a null input leaves the default, {@code GFM}. A name of no parser stops Jekyll's build
     * when it converts the first page (an error here); a parser kramdown has and sheaf does not
     * read ({@code Markdown}, {@code html}) is read as {@code kramdown}, with a warning.
     */
    public static Optional<InputProblem> inputProblem(Map<String, Object> site) {
        if (fromConfig(site).flavour() != Flavour.KRAMDOWN) {
            return Optional.empty();
        }
        Map<?, ?> config = site.get("kramdown") instanceof Map<?, ?> map ? map : Map.of();
        String parser = parserName(config);
        if (parser.equals(GFM_PARSER) || parser.equals(KRAMDOWN_PARSER)) {
            return Optional.empty();
        }
        Object input = config.get("input");
        if (OTHER_PARSERS.contains(parser)) {
            return Optional.of(new InputProblem(false, "sheaf reads kramdown input \"" + input + "\" as \"kramdown\"",
                    "sheaf reads Markdown with kramdown's GFM parser (Jekyll's default) or its kramdown parser"));
        }
        return Optional.of(new InputProblem(true, "kramdown has no parser for input \"" + input + "\"",
                "kramdown: input: is GFM (Jekyll's default) or kramdown"));
    }

    /**
     * A problem with {@code kramdown: input:}.
     *
     * @param error   whether Jekyll would stop on it, rather than sheaf reading the pages otherwise
     * @param message what is wrong
     * @param hint    what the writer can do about it
     */
    public record InputProblem(boolean error, String message, String hint) {}

    private static final String GFM_PARSER = "GFM";
    private static final String KRAMDOWN_PARSER = "Kramdown";
    /** kramdown's parsers other than those two, as Jekyll finds them by name ({@code Base} cannot parse). */
    private static final Set<String> OTHER_PARSERS = Set.of("Markdown", "Html");

    /**
     * The class name Jekyll looks kramdown's parser up by: the input with its first letter
     * upper-cased; {@code GFM}, Jekyll's default, for none (a null input leaves the default).
     */
    private static String parserName(Map<?, ?> config) {
        Object input = config.get("input");
        if (input == null) {
            return GFM_PARSER;
        }
        String name = input.toString();
        return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }

    /**
     * The Rouge options kramdown highlights code blocks with: those of {@code syntax_highlighter_opts}
     * with its {@code block:} map's laid over them (its {@code span:} map is for code spans).
     */
    private static Map<String, Object> blockHighlighting(Object value) {
        Map<String, Object> options = new java.util.HashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, option) -> options.put(String.valueOf(key), option));
            if (map.get("block") instanceof Map<?, ?> block) {
                block.forEach((key, option) -> options.put(String.valueOf(key), option));
            }
        }
        return options;
    }

    /** A list of names; anything else names nothing, as jekyll-commonmark ignores it. */
    private static List<String> names(Object value) {
        List<String> names = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item != null) {
                    names.add(item.toString().strip());
                }
            }
        }
        return names;
    }

    /**
     * The highlighter kramdown uses in Jekyll: {@code kramdown.syntax_highlighter}, else the site's
     * {@code highlighter}, else Rouge (Jekyll's {@code ||}: null and false fall through).
     */
    private static String syntaxHighlighter(Object kramdownValue, Object siteValue) {
        for (Object value : new Object[] {kramdownValue, siteValue}) {
            if (value != null && !Boolean.FALSE.equals(value)) {
                return value.toString().strip();
            }
        }
        return "rouge";
    }

    private static boolean flag(Object value, boolean fallback) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s) {
            return switch (s.strip().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> true;
                case "false", "no", "off" -> false;
                default -> fallback;
            };
        }
        return fallback;
    }

    private static String text(Object value, String fallback) {
        return value == null ? fallback : value.toString();
    }

    /** kramdown's {@code smart_quotes}: four comma-separated entity names, numbers or characters. */
    private static List<String> quotes(Object value) {
        if (value == null) {
            return DEFAULT_QUOTES;
        }
        String[] parts = value.toString().split(",");
        if (parts.length != 4) {
            return DEFAULT_QUOTES;
        }
        List<String> quotes = new ArrayList<>();
        for (String part : parts) {
            quotes.add(quoteCharacter(part.strip()));
        }
        return quotes;
    }

    private static String quoteCharacter(String name) {
        if (name.matches("\\d+")) {
            return new String(Character.toChars(Integer.parseInt(name)));
        }
        return switch (name) {
            case "lsquo" -> "‘";
            case "rsquo" -> "’";
            case "ldquo" -> "“";
            case "rdquo" -> "”";
            case "sbquo" -> "‚";
            case "bdquo" -> "„";
            case "laquo" -> "«";
            case "raquo" -> "»";
            case "lsaquo" -> "‹";
            case "rsaquo" -> "›";
            case "apos" -> "'";
            case "quot" -> "\"";
            default -> name;
        };
    }

    /** {@code toc_levels}: a list of numbers, or a range written {@code 2..3}. */
    private static List<Integer> levels(Object value, List<Integer> fallback) {
        if (value instanceof List<?> list) {
            List<Integer> levels = new ArrayList<>();
            for (Object item : list) {
                if (item instanceof Number n) {
                    levels.add(n.intValue());
                } else if (item != null && item.toString().strip().matches("\\d+")) {
                    levels.add(Integer.parseInt(item.toString().strip()));
                }
            }
            return levels;
        }
        if (value != null) {
            String range = value.toString().strip();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d)\\.\\.(\\d)").matcher(range);
            if (m.matches()) {
                List<Integer> levels = new ArrayList<>();
                for (int i = Integer.parseInt(m.group(1)); i <= Integer.parseInt(m.group(2)); i++) {
                    levels.add(i);
                }
                return levels;
            }
        }
        return fallback;
    }
}
