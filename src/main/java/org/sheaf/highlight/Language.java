package org.sheaf.highlight;

import java.util.List;

/**
 * A language Rouge knows, by its name and aliases, with its grammar and the state lexing starts
 * in. Languages are values: built once and shared.
 */
abstract class Language {
    private final String name;
    private final List<String> aliases;

    Language(String name, String... aliases) {
        this.name = name;
        this.aliases = List.of(aliases);
    }

    String name() {
        return name;
    }

    List<String> aliases() {
        return aliases;
    }

    /** The grammar; built once by the subclass. */
    abstract Grammar grammar();

    /** A new run of this language writing into the tokens given. */
    Lexing start(Tokens out) {
        return new Lexing(grammar(), out, "root");
    }

    /** A new run starting in the state named. */
    Lexing start(Tokens out, String state) {
        return new Lexing(grammar(), out, state);
    }

    /** The tokens of a whole text. */
    Tokens lex(String code) {
        Tokens out = new Tokens();
        start(out).run(code);
        return out;
    }
}
