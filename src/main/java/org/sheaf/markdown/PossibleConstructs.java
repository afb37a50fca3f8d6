package org.sheaf.markdown;

/**
 * The constructs a Markdown text may hold, by the characters that every one of them needs, found
 * in one pass over the text. Each tells the renderer it may skip a pass of its own over the text
 * or its tree when the construct cannot be there; a construct marked possible may still not be
 * there. One pass in place of a search of the text per construct: those searches and a pattern
 * looking for raw headings took a tenth of all Markdown time under C1 (BENCHMARKS.md).
 *
 * @param abbreviations an abbreviation definition, which starts {@code *[}
 * @param rawHeading    a heading tag in raw HTML ({@code <h1} to {@code <h6}, either case), which
 *                      only an HTML parser would find
 * @param fences        a fence ({@code ```} or {@code ~~~}), for {@link KramdownFences}
 * @param attributes    an attribute list: every one starts with {@code {:} or, as a heading id,
 *                      {@code {#} ({@link KramdownAttributes})
 * @param taskBoxes     a task item's box ({@code [ ]}, {@code [x]} or {@code [X]}), without
 *                      which neither task list flavour finds one ({@link TaskBoxes})
 * @param listNesting   both an ordered item ({@code . }) and a bullet item ({@code - },
 *                      {@code * } or {@code + }), a space or a tab after each marker, which a
 *                      line {@link KramdownListNesting} indents needs
 * @param listParts     a list item's second part ({@link KramdownListParts}): both kinds of item,
 *                      or an item and a quote's {@code >} or a definition's {@code : } first on
 *                      its line, which flexmark may continue over the line that starts the second
 *                      part
 */
record PossibleConstructs(boolean abbreviations, boolean rawHeading, boolean fences, boolean attributes,
        boolean taskBoxes, boolean listNesting, boolean listParts) {

    /** The characters that start what is looked for; the rest are passed over with one test each. */
    private static final boolean[] STARTS = new boolean[128];

    static {
        for (char c : "*-+.<`~{[>:".toCharArray()) {
            STARTS[c] = true;
        }
    }

    /** What {@code markdown} may hold. */
    static PossibleConstructs of(String markdown) {
        char[] text = markdown.toCharArray();
        int end = text.length;
        boolean abbreviations = false;
        boolean rawHeading = false;
        boolean fences = false;
        boolean attributes = false;
        boolean taskBoxes = false;
        boolean ordered = false;
        boolean bullet = false;
        boolean quote = false;
        boolean definition = false;
        for (int i = 0; i < end; i++) {
            char c = text[i];
            if (c >= STARTS.length || !STARTS[c]) {
                continue;
            }
            char next = i + 1 < end ? text[i + 1] : 0;
            switch (c) {
                case '*' -> {
                    abbreviations |= next == '[';
                    bullet |= next == ' ' || next == '\t';
                }
                case '-', '+' -> bullet |= next == ' ' || next == '\t';
                case '.' -> ordered |= next == ' ' || next == '\t';
                case '<' -> rawHeading |= (next == 'h' || next == 'H') && i + 2 < end && text[i + 2] >= '1' && text[i + 2] <= '6';
                case '`', '~' -> fences |= next == c && i + 2 < end && text[i + 2] == c;
                case '{' -> attributes |= next == ':' || next == '#';
                case '>' -> quote = quote || firstOnLine(text, i);
                case ':' -> definition = definition || (next == ' ' || next == '\t') && firstOnLine(text, i);
                case '[' -> taskBoxes |= (next == ' ' || next == 'x' || next == 'X') && i + 2 < end && text[i + 2] == ']';
                default -> {
                }
            }
        }
        return new PossibleConstructs(abbreviations, rawHeading, fences, attributes, taskBoxes, ordered && bullet,
                ordered && bullet || (quote || definition) && (ordered || bullet));
    }

    /** Whether only spaces stand before {@code text[at]} on its line. */
    private static boolean firstOnLine(char[] text, int at) {
        int before = at - 1;
        while (before >= 0 && text[before] == ' ') {
            before--;
        }
        return before < 0 || text[before] == '\n';
    }
}
