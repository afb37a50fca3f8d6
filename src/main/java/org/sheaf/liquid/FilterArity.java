package org.sheaf.liquid;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liqp.TemplateContext;
import liqp.filters.Filter;

/**
 * How many arguments each filter of Ruby Liquid 5.4 and of Jekyll 4.3 takes, counted as Ruby
 * counts them: the value before the {@code |} is the first, each positional argument one more,
 * and all keyword arguments ({@code allow_false: true}) together one more, the hash Liquid hands
 * on last. A filter called with a count outside its bounds is a Ruby {@code ArgumentError},
 * which stops Jekyll's build in every error mode, with or without {@code strict_filters}; so
 * here it is an error at the filter's pipe before the filter runs, in Ruby's words
 * ({@code wrong number of arguments (given 3, expected 2)}). A filter that runs is handed its
 * arguments in Ruby's shape: its keyword arguments as one hash, last.
 */
final class FilterArity {
    /** A filter's least and greatest count of arguments, as Ruby writes them ({@code 2}, {@code 1..3}). */
    private record Bounds(int min, int max) {
        @Override
        public String toString() {
            return min == max ? Integer.toString(min) : min + ".." + max;
        }
    }

    /** Each filter's bounds, by the bounds; a filter not here (a plugin's, or one Ruby lacks) is not counted. */
    private static final Map<String, Bounds> BOUNDS = table(
            "1", "abs absolute_url base64_decode base64_encode base64_url_safe_decode base64_url_safe_encode"
                    + " capitalize ceil cgi_escape date_to_rfc822 date_to_xmlschema downcase escape escape_once"
                    + " first floor h inspect jsonify last lstrip markdownify newline_to_br normalize_whitespace"
                    + " relative_url reverse rstrip sassify scssify size smartify strip strip_html strip_index"
                    + " strip_newlines to_integer upcase uri_escape url_decode url_encode xml_escape",
            "2", "append at_least at_most concat date divided_by group_by map minus modulo plus prepend push"
                    + " remove remove_first remove_last split times unshift",
            "3", "find find_exp group_by_exp replace_last where where_exp",
            "1..2", "array_to_sentence_string compact join number_of_words pop round sample shift slugify"
                    + " sort_natural uniq",
            "1..3", "date_to_long_string date_to_string default sort truncate truncatewords",
            "2..3", "replace replace_first slice");

    private FilterArity() {
    }

    private static Map<String, Bounds> table(String... boundsAndNames) {
        Map<String, Bounds> table = new HashMap<>();
        for (int i = 0; i < boundsAndNames.length; i += 2) {
            String[] ends = boundsAndNames[i].split("\\.\\.");
            Bounds bounds = new Bounds(Integer.parseInt(ends[0]), Integer.parseInt(ends[ends.length - 1]));
            for (String name : boundsAndNames[i + 1].split(" ")) {
                table.put(name, bounds);
            }
        }
        return Map.copyOf(table);
    }

    /**
     * {@code filter}, refusing a call whose count of arguments Ruby refuses with an
     * {@link IllegalArgumentException} before it runs; {@code filter} itself when its name has no
     * bounds here.
     */
    static Filter checked(Filter filter) {
        Bounds bounds = BOUNDS.get(filter.name);
        if (bounds == null) {
            return filter;
        }
        return new Filter(filter.name) {
            @Override
            public Object apply(Object value, TemplateContext context, Object... params) {
                int given = given(params);
                if (given < bounds.min() || given > bounds.max()) {
                    throw new IllegalArgumentException("wrong number of arguments (given " + given
                            + ", expected " + bounds + ")");
                }
                return filter.apply(value, context, rubyShaped(params));
            }
        };
    }

    /**
     * {@code params} as Ruby hands them to the filter: the positional arguments in their order,
     * then one hash of all keyword arguments, wherever they were written
     * ({@code truncate: b: 3, 5} is {@code truncate(input, 5, {"b"=>3})}).
     */
    private static Object[] rubyShaped(Object[] params) {
        List<Object> positional = new ArrayList<>();
        Map<Object, Object> keywords = new LinkedHashMap<>();
        for (Object param : params) {
            if (isKeyword(param)) {
                keywords.putAll((Map<?, ?>) param);
            } else {
                positional.add(param);
            }
        }
        if (keywords.isEmpty()) {
            return params;
        }
        positional.add(keywords);
        return positional.toArray();
    }

    /**
     * The count of arguments Ruby's filter method is given for Liqp's {@code params}: the input,
     * each positional argument, and one for all keyword arguments, which Liqp hands one by one,
     * each as a hash of its one key.
     */
    private static int given(Object[] params) {
        int positional = 0;
        boolean keywords = false;
        for (Object param : params) {
            if (isKeyword(param)) {
                keywords = true;
            } else {
                positional++;
            }
        }
        return 1 + positional + (keywords ? 1 : 0);
    }

    /**
     * Whether {@code param} is what Liqp makes of a keyword argument: a {@link HashMap} of one
     * text key. A site's own hashes (front matter, data, a drop) reach a filter as other maps, and
     * even one taken for a keyword argument alone counts one, as it should.
     */
    private static boolean isKeyword(Object param) {
        return param != null && param.getClass() == HashMap.class && ((Map<?, ?>) param).size() == 1
                && ((Map<?, ?>) param).keySet().iterator().next() instanceof String;
    }
}
