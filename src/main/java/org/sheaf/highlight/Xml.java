package org.sheaf.highlight;

/** XML as Rouge colours it: HTML's tags, attributes, entities, comments and processing instructions. */
final class Xml extends Language {
    private static final Grammar GRAMMAR = new Grammar();

    static {
        Html.markup(GRAMMAR);
        GRAMMAR.state("root").include("markup");
    }

    Xml() {
        super("xml");
    }

    @Override
    Grammar grammar() {
        return GRAMMAR;
    }
}
