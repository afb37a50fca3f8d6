package org.sheaf.markdown;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The attributes of one kramdown inline attribute list ({@code {: .class #id key="v" ref}}).
 *
 * @param id      the {@code #id}, or null
 * @param classes the {@code .class} names in order
 * @param pairs   {@code key="value"} pairs in order
 * @param refs    bare names: references to attribute list definitions, or {@code toc}
 */
record AttributeList(String id, List<String> classes, Map<String, String> pairs, List<String> refs) {
    private static final Pattern ITEM = Pattern.compile(
            "([\\w:-]+)=(?:\"((?:\\\\\"|[^\"])*)\"|'((?:\\\\'|[^'])*)')|([.#]?)([^\\s\"'=]+)");

    static final AttributeList EMPTY = new AttributeList(null, List.of(), Map.of(), List.of());

    AttributeList {
        classes = List.copyOf(classes);
        pairs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(pairs));
        refs = List.copyOf(refs);
    }

    /** Parses the text between {@code {:} and {@code }}, the way kramdown reads it. */
    static AttributeList parse(String text) {
        String id = null;
        List<String> classes = new ArrayList<>();
        Map<String, String> pairs = new LinkedHashMap<>();
        List<String> refs = new ArrayList<>();
        Matcher m = ITEM.matcher(text);
        while (m.find()) {
            if (m.group(1) != null) {
                String value = m.group(2) != null ? m.group(2).replace("\\\"", "\"") : m.group(3).replace("\\'", "'");
                if (m.group(1).equals("class")) {
                    classes.addAll(List.of(value.strip().split("\\s+")));
                } else if (m.group(1).equals("id")) {
                    id = value;
                } else {
                    pairs.put(m.group(1), value);
                }
            } else if (m.group(4).equals("#")) {
                id = m.group(5);
            } else if (m.group(4).equals(".")) {
                classes.add(m.group(5));
            } else {
                refs.add(m.group(5));
            }
        }
        return new AttributeList(id, classes, pairs, refs);
    }

    /** These attributes with {@code later}'s on top: its id and pairs win, classes add up. */
    AttributeList with(AttributeList later) {
        List<String> allClasses = new ArrayList<>(classes);
        allClasses.addAll(later.classes());
        Map<String, String> allPairs = new LinkedHashMap<>(pairs);
        allPairs.putAll(later.pairs());
        List<String> allRefs = new ArrayList<>(refs);
        allRefs.addAll(later.refs());
        return new AttributeList(later.id() != null ? later.id() : id, allClasses, allPairs, allRefs);
    }

    boolean isEmpty() {
        return id == null && classes.isEmpty() && pairs.isEmpty() && refs.isEmpty();
    }
}
