package org.sheaf.highlight;

import static org.sheaf.highlight.Grammar.BLOCK_COMMENT;
import static org.sheaf.highlight.Grammar.groups;
import static org.sheaf.highlight.TokenType.*;

import java.util.Set;
import java.util.regex.Matcher;

/**
 * CSS as Rouge colours it: selectors (tags, {@code .class}, {@code #id}, {@code :pseudo}),
 * at-rules, known properties as {@code nl} and other properties as {@code py}, and values:
 * numbers with their units, colours, strings, {@code url(...)}, and keywords, builtin or named
 * colour or plain name. Rouge writes a double-quoted string {@code s1} and a single-quoted one
 * {@code s2}, and so does this.
 */
final class Css extends Language {
    private static final Grammar GRAMMAR = new Grammar();
    private static final String UNITS = "(?:px|em|rem|ex|ch|vw|vh|vmin|vmax|%|s|ms|deg|rad|grad|turn|dpi|dpcm|dppx|pt|pc|cm|mm|in|Hz|kHz)";
    private static final Set<String> PROPERTIES = Set.of(
            "align-content", "align-items", "align-self", "all", "animation", "animation-delay", "animation-direction",
            "animation-duration", "animation-fill-mode", "animation-iteration-count", "animation-name",
            "animation-play-state", "animation-timing-function", "backface-visibility", "background",
            "background-attachment", "background-clip", "background-color", "background-image", "background-origin",
            "background-position", "background-repeat", "background-size", "border", "border-bottom",
            "border-bottom-color", "border-bottom-left-radius", "border-bottom-right-radius", "border-bottom-style",
            "border-bottom-width", "border-collapse", "border-color", "border-image", "border-left", "border-left-color",
            "border-left-style", "border-left-width", "border-radius", "border-right", "border-right-color",
            "border-right-style", "border-right-width", "border-spacing", "border-style", "border-top",
            "border-top-color", "border-top-left-radius", "border-top-right-radius", "border-top-style",
            "border-top-width", "border-width", "bottom", "box-shadow", "box-sizing", "caption-side", "clear", "clip",
            "color", "column-count", "column-gap", "column-rule", "columns", "content", "counter-increment",
            "counter-reset", "cursor", "direction", "display", "empty-cells", "filter", "flex", "flex-basis",
            "flex-direction", "flex-flow", "flex-grow", "flex-shrink", "flex-wrap", "float", "font", "font-family",
            "font-size", "font-size-adjust", "font-stretch", "font-style", "font-variant", "font-weight", "grid-column",
            "grid-row", "grid-template", "height", "hyphens", "justify-content", "left", "letter-spacing", "line-height",
            "list-style", "list-style-image", "list-style-position", "list-style-type", "margin", "margin-bottom",
            "margin-left", "margin-right", "margin-top", "max-height", "max-width", "min-height", "min-width",
            "object-fit", "opacity", "order", "outline", "outline-color", "outline-offset", "outline-style",
            "outline-width", "overflow", "overflow-wrap", "overflow-x", "overflow-y", "padding", "padding-bottom",
            "padding-left", "padding-right", "padding-top", "page-break-after", "page-break-before", "page-break-inside",
            "perspective", "pointer-events", "position", "quotes", "resize", "right", "tab-size", "table-layout",
            "text-align", "text-decoration", "text-decoration-color", "text-decoration-line", "text-indent",
            "text-overflow", "text-rendering", "text-shadow", "text-transform", "top", "transform", "transform-origin",
            "transition", "transition-delay", "transition-duration", "transition-property", "transition-timing-function",
            "unicode-bidi", "vertical-align", "visibility", "white-space", "width", "word-break", "word-spacing",
            "word-wrap", "z-index", "src", "speak", "appearance", "clip-path", "mask");
    static final Set<String> KEYWORDS = Set.of("absolute", "relative", "fixed", "static", "block", "inline", "none",
            "hidden", "visible", "auto", "inherit", "bold", "bolder", "lighter", "normal", "italic", "underline",
            "overline", "line-through", "solid", "dashed", "dotted", "double", "groove", "ridge", "inset", "outset",
            "left", "right", "center", "top", "bottom", "middle", "justify", "nowrap", "uppercase", "lowercase",
            "capitalize", "pointer", "default", "text", "wait", "help", "crosshair", "serif", "sans-serif", "monospace",
            "cursive", "fantasy", "transparent", "both", "repeat", "no-repeat", "repeat-x", "repeat-y", "scroll",
            "table-cell", "list-item", "collapse", "separate", "baseline", "super", "medium", "large", "x-large",
            "larger", "smaller", "thin", "thick", "disc", "circle", "square", "decimal", "outside", "inside", "avoid",
            "always", "landscape", "portrait", "small-caps");
    static final Set<String> COLOURS = Set.of("aliceblue", "antiquewhite", "aqua", "aquamarine", "azure", "beige",
            "bisque", "black", "blanchedalmond", "blue", "blueviolet", "brown", "burlywood", "cadetblue", "chartreuse",
            "chocolate", "coral", "cornflowerblue", "cornsilk", "crimson", "cyan", "darkblue", "darkcyan",
            "darkgoldenrod", "darkgray", "darkgreen", "darkkhaki", "darkmagenta", "darkolivegreen", "darkorange",
            "darkorchid", "darkred", "darksalmon", "darkseagreen", "darkslateblue", "darkslategray", "darkturquoise",
            "darkviolet", "deeppink", "deepskyblue", "dimgray", "dodgerblue", "firebrick", "floralwhite", "forestgreen",
            "fuchsia", "gainsboro", "ghostwhite", "gold", "goldenrod", "gray", "green", "greenyellow", "honeydew",
            "hotpink", "indianred", "indigo", "ivory", "khaki", "lavender", "lavenderblush", "lawngreen",
            "lemonchiffon", "lightblue", "lightcoral", "lightcyan", "lightgoldenrodyellow", "lightgreen", "lightpink",
            "lightsalmon", "lightseagreen", "lightskyblue", "lightslategray", "lightsteelblue", "lightyellow", "lime",
            "limegreen", "linen", "magenta", "maroon", "mediumaquamarine", "mediumblue", "mediumorchid",
            "mediumpurple", "mediumseagreen", "mediumslateblue", "mediumspringgreen", "mediumturquoise",
            "mediumvioletred", "midnightblue", "mintcream", "mistyrose", "moccasin", "navajowhite", "navy", "oldlace",
            "olive", "olivedrab", "orange", "orangered", "orchid", "palegoldenrod", "palegreen", "paleturquoise",
            "palevioletred", "papayawhip", "peachpuff", "peru", "pink", "plum", "powderblue", "purple", "red",
            "rosybrown", "royalblue", "saddlebrown", "salmon", "sandybrown", "seagreen", "seashell", "sienna", "silver",
            "skyblue", "slateblue", "slategray", "snow", "springgreen", "steelblue", "tan", "teal", "thistle", "tomato",
            "turquoise", "violet", "wheat", "white", "whitesmoke", "yellow", "yellowgreen");

    static {
        Grammar g = GRAMMAR;
        g.state("root")
                .include("basics")
                .rule("@(?:media|supports|document)\\b", KEYWORD, "at-block")
                .rule("@keyframes\\b|@-[a-z]+-keyframes\\b", KEYWORD, "at-block")
                .rule("@[\\w-]+", KEYWORD, "at-rule")
                .include("selector")
                .rule("\\{", PUNCTUATION, "declarations")
                .rule("\\}", PUNCTUATION, "#pop");
        g.state("basics")
                .rule("\\s+", TEXT)
                .rule(BLOCK_COMMENT, COMMENT);
        g.state("selector")
                .rule("\\.[\\w-]+", NAME_CLASS)
                .rule("#[\\w-]+", NAME_FUNCTION)
                .rule("::?[\\w-]+", NAME_DECORATOR)
                .rule("[a-zA-Z_-][\\w-]*", NAME_TAG)
                .rule("\"(?:[^\"\\\\]++|\\\\.)*+\"", STRING_SINGLE)
                .rule("'(?:[^'\\\\]++|\\\\.)*+'", STRING_DOUBLE)
                .rule("[~^*!%&\\[\\]()<>|+=@:;,./?-]", OPERATOR);
        g.state("at-rule")
                .include("basics")
                .rule(";", PUNCTUATION, "#pop")
                .rule("\\{", PUNCTUATION, "#pop", "declarations")
                .include("value-parts")
                .rule("[()]", PUNCTUATION)
                .rule("[:,]", PUNCTUATION);
        g.state("at-block")
                .include("basics")
                .rule("\\{", PUNCTUATION, "#pop", "block")
                .include("value-parts")
                .rule("[():,]", PUNCTUATION);
        g.state("block")
                .include("basics")
                .include("selector")
                .rule("\\{", PUNCTUATION, "declarations")
                .rule("\\}", PUNCTUATION, "#pop");
        g.state("declarations")
                .include("basics")
                .rule("(--[\\w-]+)(\\s*)(:)", groups(NAME_PROPERTY, TEXT, PUNCTUATION), "value")
                .rule("([\\w-]+)(\\s*)(:)", Css::property, "value")
                .rule(";", PUNCTUATION)
                .rule("\\}", PUNCTUATION, "#pop");
        g.state("value")
                .include("basics")
                .rule(";", PUNCTUATION, "#pop")
                .rule("(?=\\})", TEXT, "#pop")
                .rule("!\\s*important\\b", COMMENT_PREPROC)
                .include("value-parts")
                .rule("[(),/:]", PUNCTUATION);
        g.state("value-parts")
                .rule("url\\((?:[^)\"'\\\\]++|\\\\.|\"[^\"]*\"|'[^']*')*\\)", STRING_OTHER)
                .rule("#[0-9a-fA-F]+", NUMBER)
                .rule("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)" + UNITS + "?(?![\\w%])", NUMBER)
                .rule("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)", NUMBER)
                .rule("\"(?:[^\"\\\\]++|\\\\.)*+\"", STRING_SINGLE)
                .rule("'(?:[^'\\\\]++|\\\\.)*+'", STRING_DOUBLE)
                .rule("[a-zA-Z_-][\\w-]*", Css::keyword);
    }

    Css() {
        super("css");
    }

    @Override
    Grammar grammar() {
        return GRAMMAR;
    }

    /** Whether Rouge knows the property (a vendor prefix aside) and writes it {@code nl}. */
    static boolean knowsProperty(String property) {
        return PROPERTIES.contains(property.replaceFirst("^-[a-z]+-", ""));
    }

    private static void property(Matcher m, Lexing lexing) {
        lexing.emit(knowsProperty(m.group(1)) ? NAME_LABEL : NAME_PROPERTY, m.group(1));
        lexing.emit(TEXT, m.group(2));
        lexing.emit(PUNCTUATION, m.group(3));
    }

    private static void keyword(Matcher m, Lexing lexing) {
        String word = m.group();
        lexing.emit(KEYWORDS.contains(word) ? NAME_BUILTIN : COLOURS.contains(word) ? NAME_CONSTANT : NAME, word);
    }
}
