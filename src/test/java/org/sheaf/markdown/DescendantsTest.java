package org.sheaf.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.ext.definition.DefinitionExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DescendantsTest {
    private static final String NOTE = """
            # Budgets {#budgets}

            A paragraph with *emphasis*, **strong _nested_ text** and a [link](a.md).

            1. one
               - deep *item*
                 > quoted `code`
            2. two

            | a | b |
            |---|---|
            | *x* | y |

            Term
            : definition[^1]

            [^1]: A note with a [link](b.md).
            """;

    @Test
    void visitsEveryNodeInTheOrderOfFlexmarksOwnWalk() {
        Node document = Parser.builder().build().parse(NOTE);
        Node rich = richParser().customBlockParserFactory(new AttributeListBlockParser.Factory())
                .customInlineParserExtensionFactory(new AttributeListSpanParser.Factory()).build().parse(NOTE);

        for (Node root : List.of(document, rich)) {
            List<Node> expected = new ArrayList<>();
            root.getDescendants().forEach(expected::add);
            List<Node> actual = new ArrayList<>();
            Descendants.of(root).forEach(actual::add);
            assertTrue(expected.size() > 30, "the sample should make a deep tree: " + expected.size());
            assertEquals(expected, actual);
        }
    }

    @Test
    void aWalkOfBlocksVisitsTheBlocksOfTheWholeWalkInTheSameOrder() {
        Node document = richParser().build().parse(NOTE);

        List<Node> expected = new ArrayList<>();
        document.getDescendants().forEach(node -> {
            if (node instanceof Block) {
                expected.add(node);
            }
        });
        List<Node> actual = toList(Descendants.blocksOf(document));
        assertTrue(expected.stream().anyMatch(node -> node instanceof Heading), "the sample has a heading");
        assertTrue(expected.size() > 10, "the sample has nested blocks: " + expected.size());
        assertEquals(expected, actual);
    }

    @Test
    void aSubtreeWalkStaysInsideIt() {
        Node document = Parser.builder().build().parse(NOTE);
        Node list = document.getFirstChild().getNext().getNext();
        List<Node> expected = new ArrayList<>();
        list.getDescendants().forEach(expected::add);
        List<Node> actual = new ArrayList<>();
        Descendants.of(list).forEach(actual::add);
        assertEquals(expected, actual);
    }

    @Test
    void aLeafHasNoDescendants() {
        Node document = Parser.builder().build().parse("text");
        Node text = document.getFirstChild().getFirstChild();
        assertEquals(List.of(), toList(Descendants.of(text)));
    }

    /** A parser with the extensions that add block nodes inside others: tables, footnotes, definitions. */
    private static Parser.Builder richParser() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), FootnoteExtension.create(),
                DefinitionExtension.create()));
        return Parser.builder(options);
    }

    private static List<Node> toList(Iterable<Node> nodes) {
        List<Node> list = new ArrayList<>();
        nodes.forEach(list::add);
        return list;
    }
}
