package org.sheaf.content;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A plugin's page in {@code site.pages} as the pages Jekyll renders after it read it: its
 * variables, but for {@code content}, which is the text the page renders to (Jekyll keeps a
 * page's rendered text as its content). The text is asked for at each reading, so it is the text
 * as it is then; it is made only when a template reads it.
 */
final class RenderedListing extends AbstractMap<String, Object> {
    private static final String CONTENT = "content";

    private final Map<String, Object> variables;
    private final Supplier<String> text;

    RenderedListing(Map<String, Object> variables, Supplier<String> text) {
        this.variables = variables;
        this.text = text;
    }

    @Override
    public Object get(Object key) {
        return CONTENT.equals(key) ? text.get() : variables.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return CONTENT.equals(key) || variables.containsKey(key);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        Map<String, Object> shown = new LinkedHashMap<>(variables);
        shown.put(CONTENT, text.get());
        return Collections.unmodifiableMap(shown).entrySet();
    }
}
