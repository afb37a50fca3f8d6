package org.sheaf.markdown;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The attributes of kramdown inline attribute lists ({@code {: .class #id key="v" ref}}) given
 * to one element.
 *
 * <p>kramdown reads every list given to a block (those before it and those after it, in that
 * order) into one Ruby hash, then puts that hash onto the element's attributes. A hash keeps
 * each key where it was first set, so the attributes come out in the order their names first
 * appear: {@code {: .x}} before a paragraph and {@code {: #y}} after it write
 * {@code class="x" id="y"}. This record keeps the settings in writing order and replays them.
 *
 * @param settings every setting in writing order
 * @param refs     bare names: references to attribute list definitions, or {@code toc}
 */
record AttributeList(List<Setting> settings, List<String> refs) {
    /** kramdown's {@code ALD_ID_NAME}: a key or a reference. */
    private static final String NAME = "\\w[\\w-]*";
    /** kramdown's {@code ALD_TYPE_ID_NAME} and {@code ALD_TYPE_CLASS_NAME}: {@code #id} and {@code .class}. */
    private static final String ID_OR_CLASS = "#([A-Za-z][\\w:-]*)|\\.([^\\s.#]+)";
    /**
     * kramdown's {@code ALD_TYPE_ANY}: after the start or white space, and before white space or
     * the end, a {@code key="value"} (group 1 to 3), a reference (4) or a run of ids and classes
     * glued together (5, {@code .a.b#c}); what matches none of them is passed over.
     */
    private static final Pattern ITEM = Pattern.compile("(?:\\A|\\s)(?:(" + NAME
            + ")=(\"|')((?:\\\\\\}|\\\\\\2|[^}\\x02])*?)\\2|(" + NAME + ")|((?:" + ID_OR_CLASS.replace("(", "(?:")
            + ")+))(?=\\s|\\Z)");
    private static final Pattern ONE_ID_OR_CLASS = Pattern.compile(ID_OR_CLASS);

    static final AttributeList EMPTY = new AttributeList(List.of(), List.of());

    /**
     * One setting of an attribute list.
     *
     * @param name     the attribute's name ({@code class} and {@code id} included)
     * @param value    its value
     * @param addClass a {@code .name}, which adds to the classes already set; {@code class="x"}
     *                 replaces them
     */
    record Setting(String name, String value, boolean addClass) {
    }

    AttributeList {
        settings = List.copyOf(settings);
        refs = List.copyOf(refs);
    }

    /** Parses the text between {@code {:} and {@code }}, the way kramdown reads it. */
    static AttributeList parse(String text) {
        List<Setting> settings = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        Matcher m = ITEM.matcher(text);
        while (m.find()) {
            if (m.group(1) != null) {
                // a backslash escapes the closing brace and the value's own quote
                String value = m.group(3).replace("\\}", "}").replace("\\" + m.group(2), m.group(2));
                settings.add(new Setting(m.group(1), value, false));
            } else if (m.group(4) != null) {
                refs.add(m.group(4));
            } else {
                Matcher one = ONE_ID_OR_CLASS.matcher(m.group(5));
                while (one.find()) {
                    settings.add(one.group(1) != null ? new Setting("id", one.group(1), false)
                            : new Setting("class", one.group(2), true));
                }
            }
        }
        return new AttributeList(settings, refs);
    }

    /** A list that sets only {@code attributes}, in their order, keeping {@code refs}. */
    static AttributeList of(Map<String, String> attributes, List<String> refs) {
        List<Setting> settings = new ArrayList<>();
        attributes.forEach((name, value) -> settings.add(new Setting(name, value, false)));
        return new AttributeList(settings, refs);
    }

    /** The settings of {@code lists} one after another, as kramdown reads lists given to one element into one hash. */
    static AttributeList joined(List<AttributeList> lists) {
        if (lists.size() == 1) {
            return lists.get(0);
        }
        List<Setting> allSettings = new ArrayList<>();
        List<String> allRefs = new ArrayList<>();
        for (AttributeList list : lists) {
            allSettings.addAll(list.settings());
            allRefs.addAll(list.refs());
        }
        return new AttributeList(allSettings, allRefs);
    }

    /** These settings followed by {@code later}'s, as kramdown reads both lists into one hash. */
    AttributeList with(AttributeList later) {
        List<Setting> allSettings = new ArrayList<>(settings);
        allSettings.addAll(later.settings());
        List<String> allRefs = new ArrayList<>(refs);
        allRefs.addAll(later.refs());
        return new AttributeList(allSettings, allRefs);
    }

    /** The attributes these settings leave, each at the place its name was first set. */
    Map<String, String> attributes() {
        Map<String, String> hash = new LinkedHashMap<>();
        // the classes added since the last class="..." are joined once, so that a long run of
        // lists on one element costs their length, not its square
        StringBuilder classes = null;
        for (Setting setting : settings) {
            if (setting.addClass()) {
                if (classes == null) {
                    classes = new StringBuilder(hash.getOrDefault("class", ""));
                    hash.put("class", "");
                }
                if (!classes.isEmpty()) {
                    classes.append(' ');
                }
                classes.append(setting.value());
            } else {
                if (setting.name().equals("class")) {
                    classes = null;
                }
                hash.put(setting.name(), setting.value());
            }
        }
        if (classes != null) {
            hash.put("class", classes.toString().stripLeading());
        }
        return Collections.unmodifiableMap(hash);
    }

    /**
     * Puts these attributes onto an element's {@code attributes}, as kramdown does once a list is
     * read: a class adds to the element's classes, any other attribute replaces its value.
     */
    void applyTo(Map<String, String> attributes) {
        attributes().forEach((name, value) -> {
            if (name.equals("class")) {
                attributes.merge(name, value, AttributeList::joinClasses);
            } else {
                attributes.put(name, value);
            }
        });
    }

    /** The id, or null. */
    String id() {
        return attributes().get("id");
    }

    /** The class names in order, repeats kept. */
    List<String> classes() {
        String classes = attributes().get("class");
        return classes == null || classes.isBlank() ? List.of() : List.of(classes.strip().split("\\s+"));
    }

    boolean isEmpty() {
        return settings.isEmpty() && refs.isEmpty();
    }

    private static String joinClasses(String before, String added) {
        return (before + " " + added).stripLeading();
    }
}
