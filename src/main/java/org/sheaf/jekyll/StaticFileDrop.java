package org.sheaf.jekyll;

import java.time.ZonedDateTime;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A static file as templates see it, an item of {@code site.static_files} or of a collection's
 * {@code files}: Jekyll's {@code StaticFileDrop}. It answers {@code name}, {@code basename},
 * {@code extname}, {@code path}, {@code collection} and {@code modified_time}, in that order, and
 * after them the front matter defaults that apply to the file ({@code f.image} for
 * {@code image: true} given to its folder); a default of one of those six names is hidden by the
 * file's own value. It has no {@code url}.
 *
 * <p>As a Ruby drop ({@link RubyDrop}) a loop over it yields its keys, and {@code inspect} prints
 * it as indented JSON. Inside an array, which Ruby holds the file itself in, {@code inspect} prints
 * the file's class and path ({@link #inspectInArray}). Written into a page it is the drop's class
 * name, as Liquid writes any drop.
 *
 * <p>Immutable: equal drops are drops of one file with the same values.
 */
public final class StaticFileDrop extends AbstractMap<String, Object> implements RubyDrop {
    /** The drop's methods, in the order Ruby lists them. */
    public static final List<String> METHOD_KEYS = List.of("name", "basename", "extname", "path", "collection",
            "modified_time");

    private final Map<String, Object> values;

    /**
     * @param name         the file name
     * @param path         Jekyll's {@code relative_path}: from the source folder with a leading
     *                     {@code /} ({@code /assets/a.txt}) for a file outside collections, from the
     *                     collections folder without one ({@code _notes/x.pdf}) for a collection's
     * @param collection   the collection's label, null outside collections
     * @param modifiedTime the file's modification time, null when it cannot be read
     * @param data         the front matter defaults that apply to the file
     */
    public StaticFileDrop(String name, String path, String collection, ZonedDateTime modifiedTime,
            Map<String, Object> data) {
        String extname = extname(name);
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("name", name);
        all.put("basename", basename(name, extname));
        all.put("extname", extname);
        all.put("path", path);
        all.put("collection", collection);
        all.put("modified_time", modifiedTime);
        data.forEach(all::putIfAbsent);
        this.values = Collections.unmodifiableMap(all);
    }

    /**
     * Ruby's {@code File.extname}: from the last dot of the name on, dots that start the name
     * aside ({@code .htaccess} has none); a name that ends in a dot has {@code .}. The case is kept.
     */
    public static String extname(String name) {
        int start = 0;
        while (start < name.length() && name.charAt(start) == '.') {
            start++;
        }
        int dot = name.lastIndexOf('.');
        return dot < start ? "" : name.substring(dot);
    }

    /** Jekyll's basename: the name without {@code extname}, and without the dots that then end it. */
    private static String basename(String name, String extname) {
        String base = !extname.isEmpty() && name.length() > extname.length()
                ? name.substring(0, name.length() - extname.length()) : name;
        int end = base.length();
        while (end > 0 && base.charAt(end - 1) == '.') {
            end--;
        }
        return base.substring(0, end);
    }

    /** Jekyll's basename of the file: its name without {@link #extname}, nor the dots that then end it. */
    public String basename() {
        return (String) values.get("basename");
    }

    /** Ruby's {@code File.extname} of the file's name, empty when it has none. */
    public String extname() {
        return (String) values.get("extname");
    }

    /** Jekyll's {@code relative_path}, as {@link #inspectInArray} shows it. */
    public String path() {
        return (String) values.get("path");
    }

    @Override
    public boolean isDrop() {
        return true;
    }

    @Override
    public List<String> dropKeys() {
        return new ArrayList<>(values.keySet());
    }

    @Override
    public String rubyClass() {
        return "Jekyll::Drops::StaticFileDrop";
    }

    @Override
    public Object get(Object key) {
        return values.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return values.containsKey(key);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return values.entrySet().iterator();
            }

            @Override
            public int size() {
                return values.size();
            }
        };
    }

    /** Ruby's {@code inspect} of the file an array holds: {@code #<Jekyll::StaticFile @relative_path="/a.txt">}. */
    public String inspectInArray() {
        return "#<Jekyll::StaticFile @relative_path=" + RubyInspect.inspect(path()) + ">";
    }

    /** The drop's class name, as Liquid writes a drop into the page. */
    @Override
    public String toString() {
        return rubyClass();
    }
}
