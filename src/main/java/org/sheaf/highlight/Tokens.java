package org.sheaf.highlight;

import java.util.ArrayList;
import java.util.List;

/**
 * The tokens of a text in order, adjacent tokens of one type joined and empty ones dropped, as
 * Rouge's lexers yield them.
 */
final class Tokens {
    private final List<TokenType> types = new ArrayList<>();
    private final List<StringBuilder> values = new ArrayList<>();

    void add(TokenType type, String value) {
        if (value.isEmpty()) {
            return;
        }
        int last = types.size() - 1;
        if (last >= 0 && types.get(last) == type) {
            values.get(last).append(value);
        } else {
            types.add(type);
            values.add(new StringBuilder(value));
        }
    }

    /** A token: its type and text. */
    record Last(TokenType type, String value) {
    }

    /** The last token that is not only whitespace, or null. */
    Last lastSignificant() {
        for (int i = types.size() - 1; i >= 0; i--) {
            if (!blank(values.get(i))) {
                return new Last(types.get(i), values.get(i).toString().strip());
            }
        }
        return null;
    }

    /** Asked of every whitespace token passed on the way back, so it reads the builder in place. */
    private static boolean blank(CharSequence value) {
        for (int i = 0; i < value.length(); i++) {
            if (!Character.isWhitespace(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    int size() {
        return types.size();
    }

    TokenType type(int i) {
        return types.get(i);
    }

    String value(int i) {
        return values.get(i).toString();
    }
}
