package org.sheaf.highlight;

import static org.sheaf.highlight.Grammar.groups;
import static org.sheaf.highlight.TokenType.*;

import java.util.regex.Matcher;

/**
 * SCSS as Rouge colours it, which differs from its CSS: a property is a name followed by a colon
 * and a space (so {@code a:hover} stays a selector), properties CSS does not know are
 * {@code na}, a name before {@code (} is a function, commas are operators, and a number's
 * fraction is a token of its own ({@code 1.5rem} is {@code 1} and {@code .5rem}).
 */
final class Scss extends Language {
    private static final Grammar GRAMMAR = new Grammar();
    private static final String UNITS = "(?:px|em|rem|ex|ch|vw|vh|vmin|vmax|%|s|ms|deg|rad|grad|turn|dpi|dpcm|dppx|pt|pc|cm|mm|in|fr|Hz|kHz|q)";

    static {
        Grammar g = GRAMMAR;
        g.state("root")
                .include("block-content");
        g.state("block")
                .rule("\\}", PUNCTUATION, "#pop")
                .include("block-content");
        g.state("block-content")
                // a statement that starts with an interpolation is read as a selector, whatever follows
                .rule("(?=#\\{)", TEXT, "at-selector")
                .include("basics")
                .rule("(\\$[\\w-]+)(\\s*)(:)", groups(NAME_VARIABLE, TEXT, PUNCTUATION), "value")
                .rule("(@include)(\\s+)([\\w-]+(?:\\.[\\w-]+)?)", groups(KEYWORD, TEXT, NAME_DECORATOR), "at-rule")
                .rule("(@(?:mixin|function))(\\s+)([\\w-]+)", groups(KEYWORD, TEXT, NAME_FUNCTION), "at-rule")
                .rule("@for\\b", KEYWORD, "for-rule")
                .rule("@(?:debug|warn|if|each|while|else|return|media|import\\b)", KEYWORD, "at-rule")
                // any other at-rule (@extend, @supports, @keyframes, @use) is followed by a selector
                .rule("@[\\w-]+", KEYWORD, "at-selector")
                .rule("([\\w-]+)(\\s*)(:)(?=\\s)", Scss::property, "value")
                .include("selector")
                .rule("\\{", PUNCTUATION, "block")
                .rule(";", PUNCTUATION);
        g.state("basics")
                .rule("\\s+", TEXT)
                .slashComments()
                .rule("#\\{", STRING_INTERPOL, "interpolation");
        g.state("interpolation")
                .rule("\\}", STRING_INTERPOL, "#pop")
                .include("value-parts");
        g.state("selector")
                .rule("&", KEYWORD)
                .rule("\\.[\\w-]+", NAME_CLASS)
                .rule("#[\\w-]+", NAME_NAMESPACE)
                .rule("%[\\w-]+", NAME_VARIABLE)
                .rule("::?[\\w-]+", NAME_DECORATOR)
                .rule("[\\w-]+", NAME_TAG)
                .rule("[>+~,*\\[\\]=|]", OPERATOR);
        g.state("at-rule")
                .rule(";", PUNCTUATION, "#pop")
                .rule("\\{", PUNCTUATION, "#pop", "block")
                .rule("(?=\\})", TEXT, "#pop")
                .include("value-parts")
                .rule("[.]", OPERATOR);
        g.state("for-rule")
                .rule("from|to|through", OPERATOR_WORD)
                .include("at-rule");
        g.state("at-selector")
                .rule(";", PUNCTUATION, "#pop")
                .rule("\\{", PUNCTUATION, "#pop", "block")
                .rule("(?=\\})", TEXT, "#pop")
                .include("basics")
                .rule("\"", STRING_DOUBLE, "dq")
                .rule("'", STRING_SINGLE, "sq")
                .rule("::?[\\w-]*", NAME_DECORATOR)
                .include("selector")
                .rule("[\\^!()<@:./?-]", OPERATOR);
        g.state("value")
                .rule(";", PUNCTUATION, "#pop")
                .rule("\\{", PUNCTUATION, "#pop", "block")
                .rule("(?=\\})", TEXT, "#pop")
                .include("value-parts");
        g.state("value-parts")
                .include("basics")
                .rule("url\\((?:[^)\"'\\\\]++|\\\\.|\"[^\"]*\"|'[^']*')*\\)", STRING_OTHER)
                .rule("#[0-9a-fA-F]+\\b", NUMBER_HEX)
                .rule("-?\\d+" + UNITS + "?", NUMBER)
                .rule("\\.\\d+" + UNITS + "?", NUMBER_INTEGER)
                .rule("\"", STRING_DOUBLE, "dq")
                .rule("'", STRING_SINGLE, "sq")
                .rule("\\$[\\w-]+", NAME_VARIABLE)
                .rule("%[\\w-]+", NAME_VARIABLE)
                .rule("[\\w-]+(?=\\s*\\()", NAME_FUNCTION)
                .rule("(?:and|or|not)\\b", OPERATOR_WORD)
                .rule("[a-zA-Z_][\\w-]*", Scss::keyword)
                .rule("[(){}]", PUNCTUATION)
                .rule("[,:.!*/+<>=%-]+", OPERATOR);
        g.state("dq")
                .rule("[^\"\\\\#]+|#(?!\\{)|\\\\.", STRING_DOUBLE)
                .rule("#\\{", STRING_INTERPOL, "interpolation")
                .rule("\"", STRING_DOUBLE, "#pop");
        g.state("sq")
                .rule("[^'\\\\#]+|#(?!\\{)|\\\\.", STRING_SINGLE)
                .rule("#\\{", STRING_INTERPOL, "interpolation")
                .rule("'", STRING_SINGLE, "#pop");
    }

    Scss() {
        super("scss");
    }

    @Override
    Grammar grammar() {
        return GRAMMAR;
    }

    private static void property(Matcher m, Lexing lexing) {
        lexing.emit(Css.knowsProperty(m.group(1)) ? NAME_LABEL : NAME_ATTRIBUTE, m.group(1));
        lexing.emit(TEXT, m.group(2));
        lexing.emit(PUNCTUATION, m.group(3));
    }

    private static void keyword(Matcher m, Lexing lexing) {
        String word = m.group();
        lexing.emit(Css.KEYWORDS.contains(word) ? NAME_BUILTIN : Css.COLOURS.contains(word) ? NAME_CONSTANT : NAME, word);
    }
}
