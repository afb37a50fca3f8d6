package org.sheaf.liquid;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sheaf.diag.Position;

/**
 * What Ruby Liquid makes of text Liqp refuses even in its lax grammar, written back as the strict
 * equivalent before Liqp reads the text: {@code {% else if ... %}} is a plain {@code else} in every
 * mode (Ruby's else tag ignores its markup), and, when reading laxly, the slips {@link #rewrite}
 * lists. {@code raw} blocks stay as they are. Every rewrite keeps the text's length and line
 * breaks, so positions in the rewritten text are positions in the writer's.
 */
final class LaxLiquid {
    private static final String RAW = RawBlock.PATTERN;
    /** A raw block (left alone), or an output tag as Ruby's tokenizer ends it, at its first {@code }}}: its markup. */
    private static final Pattern RUBY_OUTPUT = Pattern.compile("(?:" + RAW + ")|\\{\\{(.*?)\\}\\}", Pattern.DOTALL);
    /**
     * Stands where an output tag's markup opens a quote it does not close, a character Liqp's
     * grammar refuses; the lax reading cuts the markup there ({@link #withoutNested}).
     */
    static final char UNCLOSED_QUOTE = '\u0000';

    /** A raw block (left alone), or a tag: its start, name, markup and end. */
    static final Pattern TAG = Pattern.compile(
            RAW + "|(\\{%-?\\s*)(\\w+)(.*?)(-?%\\})", Pattern.DOTALL);
    private static final java.util.Set<String> OPENERS = java.util.Set.of("if", "unless", "for", "case");
    /**
     * The blocks whose end tag's markup Ruby ignores: each but {@code raw}, whose end Ruby finds by
     * a pattern that allows nothing after the name. Jekyll's {@code highlight} is one
     * ({@code {% endhighlight html %}} ends it).
     */
    private static final java.util.Set<String> ENDED = java.util.Set.of(
            "if", "unless", "for", "case", "capture", "tablerow", "comment", "highlight");
    /** A {@code reversed} after a {@code for} tag's attributes, where Ruby's lax parser no longer sees it. */
    private static final Pattern LATE_REVERSED = Pattern.compile("\\b(?:limit|offset)\\s*:.*?\\b(reversed)\\b", Pattern.DOTALL);
    /** A raw block (left alone) or an output tag. */
    private static final Pattern OUTPUT_TAG = Pattern.compile(RAW + "|\\{\\{.*?\\}\\}", Pattern.DOTALL);
    /**
     * In an output tag, outside quotes: an empty filter ({@code ||}), a doubled dot in a name
     * ({@code page..title}), a dot before a bracket ({@code tabs.[name]}) or a {@code %} just
     * before the tag's end.
     */
    private static final Pattern OUTPUT_SLIPS = Pattern.compile(
            "\"[^\"]*\"|'[^']*'|\\|(\\s*\\|)+|(?<=\\w)\\.\\.+(?=\\w)|(?<=[\\w\\]?])\\.(?=\\[)|%(?=\\s*\\}\\}\\z)");
    /** A {@code %} before an output tag's end ({@code {{ x | join: ', ' %}}}), as a tag's end is written. */
    private static final Pattern STRAY_PERCENT = Pattern.compile("%\\s*\\}\\}");
    /** An output tag with another {@code {{} inside it before its end. */
    private static final Pattern NESTED_OUTPUT = Pattern.compile("\\{\\{[^}]*\\{\\{");
    /** A quoted string (left alone) or an output tag. */
    private static final Pattern OUTPUT = Pattern.compile("\"[^\"]*\"|'[^']*'|\\{\\{.*?\\}\\}", Pattern.DOTALL);
    /** What {@link #blank} turns into spaces: all but line breaks. */
    private static final Pattern NOT_LINE_BREAK = Pattern.compile("[^\\n]");

    private LaxLiquid() {
    }

    /**
     * {@code text} with each output tag ended where Ruby's tokenizer ends it, at the first
     * {@code }}}, even inside quotes: {@code {{ x | default: "{{}}" }}} is the tag
     * {@code {{ x | default: "{{}}} and the text {@code " }}}. The quote such a tag leaves open
     * becomes {@link #UNCLOSED_QUOTE}, which the strict grammar refuses, as Ruby's strict parser
     * refuses it; Ruby's lax parser finds no argument there.
     */
    static String rubyOutputEnds(String text) {
        if (!text.contains("{{") || text.indexOf('"') < 0 && text.indexOf('\'') < 0) {
            return text;
        }
        StringBuilder out = null;
        ClosedTags m = ClosedTags.scan(RUBY_OUTPUT, text);
        while (m.find()) {
            if (m.group(1) == null) {
                continue;
            }
            int open = unclosedQuote(m.group(1));
            if (open >= 0) {
                out = out == null ? new StringBuilder(text) : out;
                out.setCharAt(m.start(1) + open, UNCLOSED_QUOTE);
            }
        }
        return out == null ? text : out.toString();
    }

    /** Where {@code markup} opens a quote it does not close, or -1. */
    private static int unclosedQuote(String markup) {
        char quote = 0;
        int at = -1;
        for (int i = 0; i < markup.length(); i++) {
            char c = markup.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
                at = i;
            }
        }
        return quote == 0 ? -1 : at;
    }

    /** A block's end tag with something between its name and the tag's end ({@code {%- endfor- %}}). */
    private static final Pattern END_WITH_MARKUP = Pattern.compile(
            "\\{%-?\\s*end(?:" + String.join("|", ENDED) + ")\\b(?!\\s*-?%\\})");

    /**
     * {@code text} with the markup of the {@code else} tags of its {@code if}, {@code unless} and
     * {@code for} blocks blanked out, and that of its blocks' end tags; a {@code case} block's
     * {@code else} keeps its markup, which Ruby refuses. Ruby reads a tag's name as a word and
     * ignores what an end tag has after it, so {@code {%- endfor- %}} ends a loop (without
     * trimming after it: the dash is not against the {@code %}).
     */
    static String plainElse(String text) {
        boolean endMarkup = END_WITH_MARKUP.matcher(text).find();
        if (!text.contains("else") && !endMarkup) {
            return text;
        }
        java.util.Deque<String> open = new java.util.ArrayDeque<>();
        ClosedTags m = ClosedTags.scan(TAG, text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(2);
            if (name == null) {
                continue;
            }
            if (OPENERS.contains(name)) {
                open.push(name);
            } else if (name.startsWith("end") && ENDED.contains(name.substring(3))) {
                if (OPENERS.contains(name.substring(3)) && !open.isEmpty()) {
                    open.pop();
                }
                if (endMarkup && !m.group(3).isBlank()) {
                    m.appendReplacement(out, m.group(1) + name + blank(m.group(3)) + m.group(4));
                }
            } else if (name.equals("else") && !m.group(3).isBlank() && !"case".equals(open.peek())) {
                m.appendReplacement(out, m.group(1) + name + blank(m.group(3)) + m.group(4));
            }
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * {@code text} with what follows a second {@code else} (or an {@code elsif} after an
     * {@code else}) of an {@code if} or {@code unless} block, up to the block's end, made a
     * comment. Ruby takes each of them as one more branch, tried in order, so the first
     * {@code else} always wins and nothing after it is ever rendered (the
     * {@code {% else if %}...{% else %}} some themes write renders the first); Liqp refuses a
     * second {@code else}. Line breaks are kept.
     */
    static String unreachableBranches(String text) {
        if (!text.contains("else")) {
            return text;
        }
        java.util.Deque<int[]> open = new java.util.ArrayDeque<>();
        java.util.List<int[]> unreachable = new java.util.ArrayList<>();
        ClosedTags m = ClosedTags.scan(TAG, text);
        while (m.find()) {
            String name = m.group(2);
            if (name == null) {
                continue;
            }
            if (OPENERS.contains(name)) {
                // the block's kind, whether its else was seen, where its unreachable part starts
                open.push(new int[] {name.equals("if") || name.equals("unless") ? 1 : 0, 0, -1});
            } else if (name.startsWith("end") && OPENERS.contains(name.substring(3)) && !open.isEmpty()) {
                int[] block = open.pop();
                if (block[2] >= 0) {
                    unreachable.add(new int[] {block[2], m.start()});
                }
            } else if ((name.equals("else") || name.equals("elsif")) && !open.isEmpty() && open.peek()[0] == 1) {
                int[] block = open.peek();
                if (block[1] == 1 && block[2] < 0) {
                    block[2] = m.start();
                }
                block[1] |= name.equals("else") ? 1 : 0;
            }
        }
        if (unreachable.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text);
        for (int i = unreachable.size() - 1; i >= 0; i--) {
            int start = unreachable.get(i)[0];
            int end = unreachable.get(i)[1];
            String part = text.substring(start, end);
            String breaks = part.replaceAll("[^\\n]", "");
            // a {%- else trims before it as the comment's {%- does; nothing in it is output
            String comment = part.startsWith("{%-") ? "{%- comment %}" : "{% comment %}";
            out.replace(start, end, comment + breaks + "{% endcomment %}");
        }
        return out.toString();
    }

    /**
     * Where Ruby ends the comment block that opens {@code block}: just after the
     * {@code endcomment} that matches its opening tag, a nested comment counting as one more to
     * end and a raw block as nothing; the length of {@code block} when it is not ended in it.
     */
    static int commentEnd(String block) {
        ClosedTags m = ClosedTags.scan(TAG, block);
        int open = 0;
        while (m.find()) {
            if ("comment".equals(m.group(2))) {
                open++;
            } else if ("endcomment".equals(m.group(2)) && --open == 0) {
                return m.end();
            }
        }
        return block.length();
    }

    /** The name an {@code assign} sets, where it holds a dot or a bracket ({@code site.tags}, {@code a[1]}). */
    private static final Pattern DOTTED_TARGET = Pattern.compile("\\s*[\\w-]*[.\\[][\\w.\\[\\]-]*\\s*=");

    /**
     * {@code text} with each {@code assign} to a name holding a dot or a bracket written as an
     * empty comment, its trimming kept: Ruby's assign, in every error mode, takes the whole name
     * as one variable's, which no lookup reads (a lookup splits its name at the dots), so the tag
     * sets nothing a template can see; Liqp's grammar refuses the name.
     */
    static String dottedAssigns(String text) {
        if (!text.contains("assign")) {
            return text;
        }
        ClosedTags m = ClosedTags.scan(TAG, text);
        StringBuilder rewritten = new StringBuilder();
        while (m.find()) {
            if ("assign".equals(m.group(2)) && DOTTED_TARGET.matcher(m.group(3)).lookingAt()) {
                m.appendReplacement(rewritten, m.group(1) + "comment %}{% endcomment " + m.group(4));
            }
        }
        m.appendTail(rewritten);
        return rewritten.toString();
    }

    /**
     * {@code text} as Ruby's lax parser reads it. In {@code assign} and {@code for} tags a
     * {@code {{ ... }}} is an unknown variable, nil; in {@code assign}, what follows a comma before
     * any filter is ignored ({@code assign a = b, c = 2}) and parentheses group nothing; in
     * {@code for}, a {@code reversed} after {@code limit:} or {@code offset:} is ignored (Ruby looks
     * for it right after the collection);
     * in {@code if}, {@code elsif} and {@code unless}, everything from {@code &&} or {@code ||} on is
     * ignored (Ruby reads one comparison there), and in each of their comparisons a filter and
     * what follows it up to the next {@code and} or {@code or} are ignored (Ruby's lax condition
     * reads a value, an operator and a value, none of which takes a pipe). In output tags, an empty filter between two pipes
     * is skipped, a doubled dot in a name is one dot, a dot before a bracket is nothing
     * ({@code tabs.[name]} is {@code tabs[name]}) and a {@code %} before the end
     * ({@code {{ x | join: ', ' %}}}) is nothing, as Ruby's lax variable parser scans them. In
     * output tags and {@code assign}, a comma after a filter's name opens its arguments as a colon
     * does ({@code split, ","}), as Ruby's lax parser takes either before an argument, and a comma
     * after a filter's last argument, or right after its colon, is nothing.
     */
    static String rewrite(String text) {
        String out = text;
        if (out.contains("{{")) {
            out = ClosedTags.replaceAll(OUTPUT_TAG, out, m -> m.group().startsWith("{{")
                    ? withoutUnclosedQuote(withoutNested(withoutStrayArguments(withoutDanglingCommas(
                            filterCommas(withoutColonCommas(withoutSlips(withoutStrayWords(m.group())))))))) : m.group());
        }
        ClosedTags m = ClosedTags.scan(TAG, out);
        StringBuilder rewritten = new StringBuilder();
        while (m.find()) {
            String name = m.group(2);
            if (name == null) {
                continue;
            }
            String markup = switch (name) {
                case "assign" -> withoutParentheses(withoutStrayArguments(withoutDanglingCommas(filterCommas(withoutColonCommas(
                        withoutStrayAssignedWords(beforeComma(nilOutputs(m.group(3)))))))));
                case "for" -> laxForMarkup(withoutLateReversed(nilOutputs(m.group(3))));
                case "if", "elsif", "unless" -> unknownOperators(
                        withoutConditionFilters(firstComparison(spacedOutputs(unbraced(m.group(3))))));
                default -> m.group(3);
            };
            m.appendReplacement(rewritten, m.group(1) + name + markup + m.group(4));
        }
        m.appendTail(rewritten);
        return rewritten.toString();
    }


    private static String nilOutputs(String markup) {
        return OUTPUT.matcher(unbraced(markup)).replaceAll(o -> Matcher.quoteReplacement(
                o.group().startsWith("{{") ? nil(o.group()) : o.group()));
    }

    /**
     * An output tag in a tag's markup with no white space in it ({@code {{include.url}}}, or
     * {@code {{include["max-width"]}}} as {@link HyphenatedNames} writes a hyphenated key), outside quotes.
     */
    private static final Pattern BRACED_NAME = Pattern.compile(
            "\"[^\"]*\"|'[^']*'|\\{\\{((?:[^\\s{}|,'\"]|\"[^\"]*\"|'[^']*')+)\\}\\}");

    /**
     * {@code markup} with the braces of each {@code {{name}}} in it blanked: Ruby's lax parser takes
     * such a run without white space as one value and looks it up by the words in it, so
     * {@code {% if {{include.url}} %}} tests {@code include.url}. With white space inside
     * ({@code {{ name }}}) the run it takes is the bare {@code {{}, which names nothing.
     */
    private static String unbraced(String markup) {
        if (!markup.contains("{{")) {
            return markup;
        }
        return BRACED_NAME.matcher(markup).replaceAll(b -> Matcher.quoteReplacement(
                b.group(1) == null ? b.group() : "  " + b.group(1) + "  "));
    }

    /** Ruby's lax condition: a value, an operator made of these characters, a value; what follows is ignored. */
    private static final String LAX_FRAGMENT = "(?:\"[^\"]*\"|'[^']*'|[^\\s,|'\"])+";
    private static final Pattern LAX_CONDITION = Pattern.compile(
            "\\s*(" + LAX_FRAGMENT + ")\\s*([=!<>a-z_]+)?\\s*(" + LAX_FRAGMENT + ")?.*", Pattern.DOTALL);
    /** The operators Ruby's condition knows; any other word read as an operator stops its render. */
    private static final java.util.Set<String> OPERATORS = java.util.Set.of("==", "!=", "<>", "<", ">", ">=", "<=", "contains");
    /** An {@code and} or {@code or} between a condition's comparisons, as Ruby splits them: a word of its own. */
    private static final Pattern AND_OR = Pattern.compile("\"[^\"]*\"|'[^']*'|(?<=\\s)(?:and|or)(?=\\s)");
    /** The words and bracketed keys Ruby's variable parser looks a value up by. */
    private static final Pattern LOOKUP_PART = Pattern.compile("\\[[^\\]]+\\]|[\\w-]+\\??");

    /**
     * A condition's {@code markup} with each comparison that holds an output tag with white space in
     * it ({@code {{ Title }}}) read as Ruby's lax condition reads it: the first run without white
     * space is the left value ({@code {{}, which names nothing, so nil), a following run of
     * lowercase letters, underscores or comparison characters is the operator, the next run the
     * right value, and the rest is ignored. So {@code {% if {{ Title }} %}} is false and
     * {@code {% if a == {{ b }} %}} compares {@code a} with nil. A comparison whose operator Ruby
     * would not know ({@code {{ page.title }}} reads {@code page} as one) is left as it is, and the
     * strict grammar refuses it, as Jekyll's render stops at it; so is one whose reading would not
     * fit in its length.
     */
    private static String spacedOutputs(String markup) {
        if (outsideQuotes(markup, "{{", null) < 0) {
            return markup;
        }
        StringBuilder out = new StringBuilder();
        int from = 0;
        Matcher split = AND_OR.matcher(markup);
        while (split.find()) {
            if (split.group().startsWith("\"") || split.group().startsWith("'")) {
                continue;
            }
            out.append(laxComparison(markup.substring(from, split.start()))).append(split.group());
            from = split.end();
        }
        return out.append(laxComparison(markup.substring(from))).toString();
    }

    private static String laxComparison(String comparison) {
        Matcher c = LAX_CONDITION.matcher(comparison);
        if (outsideQuotes(comparison, "{{", null) < 0 || !c.matches()) {
            return comparison;
        }
        String operator = c.group(2);
        if (operator != null && !OPERATORS.contains(operator)) {
            return comparison;
        }
        String left = laxValue(c.group(1));
        String read = operator == null ? left
                // nothing is contained in nil
                : operator.equals("contains") && left.equals("nil") ? "false"
                : left + " " + operator + " " + (c.group(3) == null ? "nil" : laxValue(c.group(3)));
        String leading = comparison.substring(0, comparison.length() - comparison.stripLeading().length());
        if (comparison.indexOf('\n', leading.length()) >= 0 || leading.length() + read.length() > comparison.length()) {
            return comparison;
        }
        return leading + read + " ".repeat(comparison.length() - leading.length() - read.length());
    }

    /**
     * The variable that stands for a comparison whose operator Ruby does not know: looking the
     * operator up in it stops the render with Ruby's error ({@link #failingOperators}).
     */
    static final String UNKNOWN_OPERATOR = "liquid_unknown_operator";

    /**
     * A condition's {@code markup} with each comparison whose operator Ruby's condition does not
     * know ({@code a <=> b}) made {@code liquid_unknown_operator["<=>"]}, which stops the render
     * with Ruby's error when the comparison is evaluated. Ruby's lax parser takes any
     * run of comparison characters and lowercase letters for an operator, and complains only when
     * the condition is evaluated, so a branch that is never reached renders. A comparison with a
     * second value but no operator between ({@code page.image -}) is its first value alone, as
     * Ruby's condition without an operator tests its left value only.
     */
    private static String unknownOperators(String markup) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        Matcher split = AND_OR.matcher(markup);
        boolean changed = false;
        while (true) {
            boolean more = split.find();
            if (more && (split.group().startsWith("\"") || split.group().startsWith("'"))) {
                continue;
            }
            int end = more ? split.start() : markup.length();
            String comparison = markup.substring(from, end);
            Matcher c = LAX_CONDITION.matcher(comparison);
            if (c.matches() && c.group(2) != null && !OPERATORS.contains(c.group(2))) {
                out.append(comparison, 0, c.start(1)).append(UNKNOWN_OPERATOR).append("[\"").append(c.group(2)).append("\"] ");
                changed = true;
            } else if (c.matches() && c.group(2) == null && c.group(3) != null) {
                // without an operator Ruby's condition is its left value alone: {% if page.image - %}
                out.append(comparison, 0, c.end(1)).append(blank(comparison.substring(c.end(1))));
                changed = true;
            } else if (c.matches() && c.group(3) != null && strayAfterComparison(c)) {
                // Ruby's condition ends at its right value: {% if a == "b" junk %} compares a with "b"
                out.append(comparison, 0, c.end(3)).append(blank(comparison.substring(c.end(3))));
                changed = true;
            } else {
                out.append(comparison);
            }
            if (!more) {
                break;
            }
            out.append(split.group());
            from = split.end();
        }
        return changed ? out.toString() : markup;
    }

    /**
     * Whether a comparison Ruby reads with both its values ({@code a == "b" junk}) has more after
     * its right value that Ruby ignores: only when both values close the brackets and parentheses
     * they open and the rest opens none, since the strict grammar reads {@code b[ 1 ]} whole.
     */
    private static boolean strayAfterComparison(Matcher comparison) {
        String rest = comparison.group().substring(comparison.end(3));
        return !rest.isBlank() && balanced(comparison.group(1)) && balanced(comparison.group(3))
                && rest.chars().noneMatch(ch -> "()[]{}".indexOf(ch) >= 0);
    }

    /** The value of {@link #UNKNOWN_OPERATOR}: a map that fails whatever key is looked up in it. */
    static java.util.Map<String, Object> failingOperators() {
        return FAILING_OPERATORS;
    }

    private static final java.util.Map<String, Object> FAILING_OPERATORS = new java.util.AbstractMap<>() {
        @Override
        public Object get(Object operator) {
            throw new RuntimeException("Unknown operator " + operator);
        }

        @Override
        public java.util.Set<Entry<String, Object>> entrySet() {
            return java.util.Set.of();
        }
    };

    /**
     * A value of a lax condition as Ruby reads it: one with braces in it is looked up by the words
     * in it ({@code {{page.x} is {@code page.x}, {@link #rubyLookup}).
     */
    private static String laxValue(String fragment) {
        if (fragment.startsWith("\"") || fragment.startsWith("'") || fragment.indexOf('{') < 0 && fragment.indexOf('}') < 0) {
            return fragment;
        }
        return rubyLookup(fragment);
    }

    /**
     * {@code fragment} as Ruby's variable parser looks it up: by the words and bracketed keys in
     * it, whatever stands between them ({@code (page.items[1]} is {@code page.items[1]}), and
     * naming nothing (nil) when it has no word first or that word starts with a digit.
     */
    private static String rubyLookup(String fragment) {
        java.util.List<String> parts = LOOKUP_PART.matcher(fragment).results().map(java.util.regex.MatchResult::group).toList();
        if (parts.isEmpty() || !Character.isLetter(parts.get(0).charAt(0)) && parts.get(0).charAt(0) != '_') {
            return "nil";
        }
        StringBuilder lookup = new StringBuilder(parts.get(0));
        for (String part : parts.subList(1, parts.size())) {
            lookup.append(part.startsWith("[") ? "" : ".").append(part);
        }
        return lookup.toString();
    }

    /** A number at the end of what is read so far, where a glued {@code )} makes it a variable's name. */
    private static final Pattern TRAILING_NUMBER = Pattern.compile("(?<![\\w.'\"])-?\\d+(?:\\.\\d+)?$");

    /**
     * {@code markup} without its parentheses outside quotes, padded to its length: Ruby's lax
     * variable parser reads a name as the words in it, so {@code (tags | split: ',' | sort:0)} is
     * {@code tags} with its filters, and an argument with a {@code )} glued to it is a variable
     * named by its words: {@code 0)} is the variable {@code 0}, which is nil. When the markup
     * would grow, the parentheses are only blanked.
     */
    private static String withoutParentheses(String markup) {
        if (markup.indexOf('(') < 0 && markup.indexOf(')') < 0) {
            return markup;
        }
        StringBuilder out = new StringBuilder();
        StringBuilder blanked = new StringBuilder(markup);
        char quote = 0;
        for (int i = 0; i < markup.length(); i++) {
            char c = markup.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
                out.append(c);
            } else if (c == '"' || c == '\'') {
                quote = c;
                out.append(c);
            } else if (c == '(' || c == ')') {
                blanked.setCharAt(i, ' ');
                Matcher number = TRAILING_NUMBER.matcher(out);
                if (c == ')' && number.find()) {
                    out.replace(number.start(), out.length(), "nil");
                }
            } else {
                out.append(c);
            }
        }
        if (out.length() > markup.length()) {
            return blanked.toString();
        }
        return out + " ".repeat(markup.length() - out.length());
    }

    /** A quoted string, or a run of characters that are not white space, a comma, a pipe or a quote: Ruby's QuotedFragment. */
    private static final String FRAGMENT = "(?:\"[^\"]*\"|'[^']*'|[^\\s,|'\"])+";
    /** A {@code for} tag's markup as Ruby's lax parser reads its head: the variable, {@code in}, one fragment, {@code reversed}. */
    private static final Pattern FOR_HEAD = Pattern.compile(
            "(\\s*[\\w-]+\\s+in\\s+)(" + FRAGMENT + ")(\\s+reversed\\b)?(.*)", Pattern.DOTALL);
    /** What the strict grammar takes after a {@code for} tag's collection: {@code name: value} attributes only. */
    private static final Pattern STRICT_FOR_TAIL = Pattern.compile(
            "(?:\\s*[\\w-]+\\s*:\\s*" + FRAGMENT + ")*\\s*", Pattern.DOTALL);
    /** A range written without a space, {@code (1..page.n)}: one fragment, as Ruby's lax {@code for} takes its collection. */
    private static final String WHOLE_RANGE = "\\([^\\s()]+\\.\\.[^\\s()]+\\)";
    /** A fragment Ruby reads as no lookup: a quoted string, a number or a range without spaces. */
    private static final Pattern NO_LOOKUP = Pattern.compile("\"[^\"]*\"|'[^']*'|-?\\d[\\d.]*|" + WHOLE_RANGE);
    /** A {@code for} tag the strict grammar takes whose collection is a range with spaces in it, {@code ( 1 .. 3 )}. */
    private static final Pattern STRICT_SPACED_RANGE_FOR = Pattern.compile(
            "\\s*[\\w-]+\\s+in\\s+\\(\\s*[^\\s()]+?\\s*\\.\\.\\s*[^\\s()]+\\s*\\)(?:\\s+reversed\\b)?"
                    + STRICT_FOR_TAIL.pattern(), Pattern.DOTALL);
    /** An attribute anywhere in a {@code for} tag's markup, as Ruby's lax parser scans for them: {@code name: value}. */
    private static final Pattern FOR_ATTRIBUTE = Pattern.compile("(\\w[\\w-]*)\\s*:\\s*(" + FRAGMENT + ")");

    /**
     * A {@code for} tag's markup that the strict grammar refuses after its collection, as Ruby's
     * lax parser reads it: the collection is the first fragment after {@code in} (a filter after it
     * is ignored), {@code reversed} counts only right after it, and of the rest only the
     * {@code limit:} and {@code offset:} attributes count ({@code limit 5}, without its colon, is
     * nothing). Ruby reads that first fragment as a value: a range with a space in it, or any
     * other collection a space cuts, is looked up by the words in what it cut
     * ({@code ( 1 .. 3 )} is {@code (}, nil; {@code (page.items ..3)} is {@code page.items}).
     * Padded to its length, so that later places in the text do not move. A markup the strict
     * grammar takes is returned as it is.
     */
    static String laxForMarkup(String markup) {
        Matcher head = FOR_HEAD.matcher(markup);
        if (!head.matches() || STRICT_FOR_TAIL.matcher(head.group(4)).matches()
                || STRICT_SPACED_RANGE_FOR.matcher(markup).matches()) {
            return markup;
        }
        String collection = head.group(2);
        StringBuilder out = new StringBuilder(head.group(1))
                .append(NO_LOOKUP.matcher(collection).matches() ? collection : rubyLookup(collection));
        if (head.group(3) != null) {
            out.append(" reversed");
        }
        Matcher attribute = FOR_ATTRIBUTE.matcher(head.group(4));
        while (attribute.find()) {
            if (attribute.group(1).equals("limit") || attribute.group(1).equals("offset")) {
                out.append(' ').append(attribute.group(1)).append(": ").append(attribute.group(2));
            }
        }
        return out.length() > markup.length() ? markup : out + " ".repeat(markup.length() - out.length());
    }

    private static String withoutLateReversed(String markup) {
        Matcher late = LATE_REVERSED.matcher(markup);
        return late.find() ? markup.substring(0, late.start(1)) + "        " + markup.substring(late.end(1)) : markup;
    }

    /** {@code markup} with a comma outside quotes before any pipe blanked, up to that pipe or the end. */
    private static String beforeComma(String markup) {
        int comma = outsideQuotes(markup, ",", "|");
        if (comma < 0) {
            return markup;
        }
        int pipe = markup.indexOf('|', comma);
        int end = pipe < 0 ? markup.length() : pipe;
        return markup.substring(0, comma) + blank(markup.substring(comma, end)) + markup.substring(end);
    }

    /** {@code markup} with everything from an {@code &&} or {@code ||} outside quotes blanked. */
    private static String firstComparison(String markup) {
        int and = outsideQuotes(markup, "&&", null);
        int or = outsideQuotes(markup, "||", null);
        int cut = and < 0 ? or : or < 0 ? and : Math.min(and, or);
        return cut < 0 ? markup : markup.substring(0, cut) + blank(markup.substring(cut));
    }

    /** A condition's {@code and} or {@code or}, which ends the comparison a filter is in. */
    private static final Pattern BOOLEAN_OPERATOR = Pattern.compile("\\b(?:and|or)\\b");

    /** {@code markup} with each pipe outside quotes blanked up to the next {@code and} or {@code or}, or the end. */
    private static String withoutConditionFilters(String markup) {
        StringBuilder out = new StringBuilder(markup);
        char quote = 0;
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '|') {
                Matcher next = BOOLEAN_OPERATOR.matcher(out);
                int end = next.find(i) ? next.start() : out.length();
                out.replace(i, end, blank(out.substring(i, end)));
                i = end - 1;
            }
        }
        return out.toString();
    }

    /** Where {@code wanted} first stands outside quotes in {@code text}, before any {@code stop}; -1 when it does not. */
    private static int outsideQuotes(String text, String wanted, String stop) {
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (stop != null && text.startsWith(stop, i)) {
                return -1;
            } else if (text.startsWith(wanted, i)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * {@code output} (one output tag, which ends at its first {@code }}}, as Ruby's tokenizer ends it)
     * with each {@code {{name} inside it, outside quotes, read as Ruby's lax parser reads it: the
     * variable {@code name} ({@code {{ColorScheme} looks up {@code ColorScheme}), or nil for a bare
     * {@code {{}; the {@code }}} after the tag is text.
     */
    private static String withoutNested(String output) {
        StringBuilder out = new StringBuilder(output);
        char quote = 0;
        for (int i = 2; i < out.length() - 2; i++) {
            char c = out.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '{' && out.charAt(i + 1) == '{') {
                int end = i;
                while (end < out.length() - 2 && " \t\n,|".indexOf(out.charAt(end)) < 0) {
                    end++;
                }
                // Ruby looks the fragment up by the name in it: {{ColorScheme is ColorScheme, a bare {{ nothing
                out.replace(i, end, end - i > 2 ? "  " + out.substring(i + 2, end) : nil(out.substring(i, end)));
                i = end - 1;
            }
        }
        return out.toString();
    }

    /**
     * {@code output} cut at its {@link #UNCLOSED_QUOTE}: Ruby's lax parser finds no argument in an
     * open quote, so the filter before it ({@code append: "}) takes none.
     */
    private static String withoutUnclosedQuote(String output) {
        int open = output.indexOf(UNCLOSED_QUOTE);
        if (open < 0) {
            return output;
        }
        int cut = open;
        while (cut > 2 && (Character.isWhitespace(output.charAt(cut - 1)) || output.charAt(cut - 1) == ':'
                || output.charAt(cut - 1) == ',')) {
            cut--;
        }
        return output.substring(0, cut) + blank(output.substring(cut, output.length() - 2)) + "}}";
    }

    /**
     * An output's value as Ruby's lax parser takes it: a quoted string, or else a fragment; then
     * anything up to the first pipe.
     */
    private static final Pattern OUTPUT_VALUE = Pattern.compile(
            "\\{\\{-?\\s*(?:\"[^\"]*\"|'[^']*'|" + FRAGMENT + ")([^|]*?)(?=\\||-?\\}\\}\\z)", Pattern.DOTALL);

    /**
     * {@code output} without what stands between its value and its first pipe: Ruby's lax parser
     * takes the first fragment for the value and reads filters from the first pipe on, so in
     * {@code {{ "it\\'s \\"x\\" \\n" | smartify }}} the value is {@code "it\\'s \\"} and
     * {@code smartify} still applies.
     */
    private static String withoutStrayWords(String output) {
        Matcher m = OUTPUT_VALUE.matcher(output);
        if (!m.lookingAt() || m.group(1).isBlank()) {
            return output;
        }
        return output.substring(0, m.start(1)) + blank(m.group(1)) + output.substring(m.end(1));
    }

    /**
     * An {@code assign} tag's markup up to its value as Ruby's lax parser takes it (a quoted string,
     * or else a fragment), then what stands before the first pipe.
     */
    private static final Pattern ASSIGNED_VALUE = Pattern.compile(
            "(\\s*[\\w-]+\\s*=\\s*)(\"[^\"]*\"|'[^']*'|" + FRAGMENT + ")([^|]*)", Pattern.DOTALL);

    /**
     * An {@code assign} tag's {@code markup} without what stands between its value and its first
     * pipe, as for an output ({@link #withoutStrayWords}): in
     * {@code {% assign skip = "a,'',\\"\\"" | split: ',' %}} Ruby's value is {@code "a,'',\\"}, the
     * {@code \\""} after it is nothing, and the filter still applies. A value whose brackets or
     * parentheses a space cuts ({@code ( 1 .. 3 )}, {@code a[ 1 ]}) is left as it is: the strict
     * grammar takes it whole.
     */
    private static String withoutStrayAssignedWords(String markup) {
        Matcher m = ASSIGNED_VALUE.matcher(markup);
        if (!m.lookingAt() || m.group(3).isBlank() || !balanced(m.group(2))) {
            return markup;
        }
        return markup.substring(0, m.start(3)) + blank(m.group(3)) + markup.substring(m.end(3));
    }

    /** Whether {@code value}, outside quotes, closes each bracket and parenthesis it opens. */
    private static boolean balanced(String value) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            }
        }
        return depth == 0;
    }

    /** A filter's name and its colon, then one comma or more, outside quotes (a quoted string is left alone). */
    private static final Pattern COLON_COMMAS = Pattern.compile(
            "\"[^\"]*\"|'[^']*'|(\\|\\s*\\w+\\s*:)((?:\\s*,)+)");

    /**
     * {@code markup} with the commas right after a filter's colon blanked
     * ({@code append: , "y"} is {@code append: "y"}): Ruby's lax parser looks for each argument
     * after a colon or a comma, finds none after the colon, and takes what follows the comma.
     */
    private static String withoutColonCommas(String markup) {
        if (markup.indexOf(',') < 0 || markup.indexOf(':') < 0) {
            return markup;
        }
        return COLON_COMMAS.matcher(markup).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) == null ? m.group() : m.group(1) + m.group(2).replace(',', ' ')));
    }

    /** A filter's name, then a comma and an argument, outside quotes (a quoted string is left alone). */
    private static final Pattern FILTER_COMMA = Pattern.compile(
            "\"[^\"]*\"|'[^']*'|(\\|\\s*\\w+\\s*),(?=\\s*[^\\s,|%}])");

    /** {@code markup} with the comma that follows a filter's name before its first argument made a colon. */
    private static String filterCommas(String markup) {
        if (markup.indexOf(',') < 0 || markup.indexOf('|') < 0) {
            return markup;
        }
        return FILTER_COMMA.matcher(markup).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) == null ? m.group() : m.group(1) + ":"));
    }

    /** A quoted string (left alone), or a filter's name and what follows it up to the next pipe or the end. */
    private static final Pattern FILTER = Pattern.compile(
            "\"[^\"]*\"|'[^']*'|\\|(\\s*\\w+)((?:\"[^\"]*\"|'[^']*'|[^|\"'])*)");
    /** An output tag's end after a filter's arguments. */
    private static final Pattern OUTPUT_END = Pattern.compile("\\s*-?\\}\\}\\z");
    /**
     * In a filter's arguments: a colon or comma and the argument after it (a quoted string or a
     * run without white space, commas, pipes or quotes, after an optional {@code name:}), or a
     * word with neither before it.
     */
    private static final Pattern FILTER_PART = Pattern.compile(
            "\\s*(?:([:,])\\s*((?:\\w+\\s*:\\s*)?(?:\"[^\"]*\"|'[^']*'|(?:[^\\s,|'\"]|\"[^\"]*\"|'[^']*')+))"
            + "|(\"[^\"]*\"|'[^']*'|(?:[^\\s,|'\"]|\"[^\"]*\"|'[^']*')+))");

    /**
     * {@code markup} (an output tag, or an {@code assign} tag's markup) with each word in a
     * filter's arguments that no colon or comma stands before blanked: Ruby's lax parser takes as
     * arguments only what follows a colon or a comma, so {@code append: "y" junk} appends
     * {@code "y"} and {@code upcase junk} is {@code upcase}. A filter whose arguments hold
     * anything else, or open a bracket or parenthesis a space cuts, is left as it is.
     */
    private static String withoutStrayArguments(String markup) {
        if (markup.indexOf('|') < 0) {
            return markup;
        }
        StringBuilder out = null;
        Matcher filter = FILTER.matcher(markup);
        while (filter.find()) {
            if (filter.group(1) == null) {
                continue;
            }
            String args = filter.group(2);
            int end = args.length();
            Matcher close = OUTPUT_END.matcher(args);
            if (close.find()) {
                end = close.start();
            }
            StringBuilder kept = new StringBuilder(args);
            boolean stray = false;
            Matcher part = FILTER_PART.matcher(args);
            int at = 0;
            while (at < end && part.region(at, end).lookingAt()) {
                String value = part.group(2) != null ? part.group(2) : part.group(3);
                if (!balanced(value) || value.indexOf('{') >= 0 || value.indexOf('}') >= 0
                        || value.indexOf(UNCLOSED_QUOTE) >= 0) {
                    stray = false;
                    break;
                }
                if (part.group(3) != null) {
                    kept.replace(part.start(3), part.end(3), blank(part.group(3)));
                    stray = true;
                }
                at = part.end();
            }
            if (stray && args.substring(at, end).isBlank()) {
                out = out == null ? new StringBuilder(markup) : out;
                out.replace(filter.start(2), filter.end(2), kept.toString());
            }
        }
        return out == null ? markup : out.toString();
    }

    /** A comma outside quotes with nothing after it up to the next pipe or the markup's end. */
    private static final Pattern DANGLING_COMMA = Pattern.compile(
            "\"[^\"]*\"|'[^']*'|,(?=\\s*(?:\\||-?\\}\\}\\z|\\z))");

    /**
     * {@code markup} (an output tag, or an {@code assign} tag's markup) with each comma that ends a
     * filter's arguments blanked ({@code replace: '.', '', | plus: 0}): Ruby's lax parser scans a
     * filter for its arguments and finds none after such a comma.
     */
    private static String withoutDanglingCommas(String markup) {
        if (markup.indexOf(',') < 0) {
            return markup;
        }
        return DANGLING_COMMA.matcher(markup).replaceAll(m -> Matcher.quoteReplacement(
                m.group().equals(",") ? " " : m.group()));
    }

    private static String withoutSlips(String output) {
        return OUTPUT_SLIPS.matcher(output).replaceAll(m -> {
            String slip = m.group();
            if (slip.startsWith("\"") || slip.startsWith("'")) {
                return Matcher.quoteReplacement(slip);
            }
            if (slip.equals("%") || slip.equals(".")) {
                // Ruby's lax variable parser skips what is neither a filter nor an argument, and
                // looks a value up by its words and bracketed keys alone, so tabs.[name] is tabs[name]
                return " ";
            }
            // one pipe or one dot, then spaces, so positions stay
            return Matcher.quoteReplacement(slip.charAt(0) + blank(slip.substring(1)));
        });
    }

    /**
     * {@code text} without the filter whose {@code |} is at {@code at} (1-based line and column):
     * the pipe, the name and its arguments blanked up to the next pipe or the tag's end, outside
     * quotes. The text is unchanged when no pipe is there.
     */
    static String withoutFilter(String text, Position at) {
        int offset = offsetOf(text, at);
        if (offset < 0 || offset >= text.length() || text.charAt(offset) != '|') {
            return text;
        }
        int end = offset + 1;
        char quote = 0;
        while (end < text.length()) {
            char c = text.charAt(end);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '|' || text.startsWith("}}", end) || text.startsWith("%}", end)
                    || text.startsWith("-}}", end) || text.startsWith("-%}", end)) {
                break;
            }
            end++;
        }
        return text.substring(0, offset) + blank(text.substring(offset, end)) + text.substring(end);
    }

    /** A raw block (left alone), an output tag up to its first close, or a tag: its name and markup. */
    private static final Pattern ANY_TAG = Pattern.compile(RAW + "|\\{\\{.*?\\}\\}|\\{%-?\\s*(\\w+)(.*?)-?%\\}", Pattern.DOTALL);

    /**
     * {@code text} with the output tag or tag at {@code at} (1-based line and column, or the last
     * one that starts before it) replaced by one the strict grammar takes, as long and with the
     * same line breaks: an output of a variable, or the tag with markup its name accepts. Ruby
     * Liquid's warn mode reads every tag on its own, so after one refused tag the next is found by
     * reading the text again with this one made harmless. The text is unchanged when no tag is
     * there or the harmless markup does not fit on the tag's first line.
     */
    static String withHarmlessTag(String text, Position at) {
        int offset = offsetOf(text, at);
        if (offset < 0) {
            return text;
        }
        ClosedTags m = ClosedTags.scan(ANY_TAG, text);
        int start = -1;
        int end = -1;
        String name = null;
        while (m.find() && m.start() <= offset) {
            if (!m.group().startsWith("{{") && m.group(1) == null) {
                continue; // a raw block
            }
            start = m.start();
            end = m.end();
            name = m.group(1);
            if (offset < end) {
                break;
            }
        }
        if (start < 0) {
            return text;
        }
        String tag = text.substring(start, end);
        String harmless;
        if (name == null) {
            if (tag.length() < 6 || tag.substring(0, 4).indexOf('\n') >= 0) {
                return text;
            }
            harmless = "{{ x" + blank(tag.substring(4, tag.length() - 2)) + "}}";
        } else {
            String markup = switch (name) {
                case "if", "elsif", "unless", "case", "when", "capture", "cycle" -> " x ";
                case "for", "tablerow" -> " x in y ";
                case "assign" -> " x = y ";
                default -> " ";
            };
            int close = tag.endsWith("-%}") ? 3 : 2;
            int open = tag.indexOf(name) + name.length();
            String rest = tag.substring(open, tag.length() - close);
            int firstBreak = rest.indexOf('\n');
            if ((firstBreak < 0 ? rest.length() : firstBreak) < markup.length()) {
                return text;
            }
            harmless = tag.substring(0, open) + markup + blank(rest.substring(markup.length()))
                    + tag.substring(tag.length() - close);
        }
        return text.substring(0, start) + harmless + text.substring(end);
    }

    /** The offset in {@code text} of 1-based {@code at}, or -1 past its end. */
    private static int offsetOf(String text, Position at) {
        int offset = 0;
        for (int line = 1; line < at.line(); line++) {
            offset = text.indexOf('\n', offset) + 1;
            if (offset == 0) {
                return -1;
            }
        }
        offset += at.column() - 1;
        return offset <= text.length() ? offset : -1;
    }

    /**
     * An unknown variable in the place of {@code output}, as long as it and with its line breaks:
     * a name of underscores, which no site defines, so its value is nil as Ruby's is.
     */
    private static String nil(String output) {
        int lineEnd = output.indexOf('\n');
        int end = lineEnd < 0 ? output.length() : lineEnd;
        return "_".repeat(end) + blank(output.substring(end));
    }

    private static String blank(String text) {
        return NOT_LINE_BREAK.matcher(text).replaceAll(" ");
    }
}
