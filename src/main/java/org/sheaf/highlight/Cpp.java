package org.sheaf.highlight;

/** C++ as Rouge colours it: C's rules with C++'s keywords, {@code bool}, {@code nullptr} and class names. */
final class Cpp extends C {
    private static final Grammar GRAMMAR = grammar(true);

    Cpp() {
        super("cpp", "c++");
    }

    @Override
    Grammar grammar() {
        return GRAMMAR;
    }
}
