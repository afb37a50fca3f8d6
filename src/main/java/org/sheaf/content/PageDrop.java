package org.sheaf.content;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sheaf.jekyll.DocumentDrop;

/**
 * A page's template variables ({@code page.*}, and each item of {@code site.posts}), as a map
 * both template engines read directly.
 *
 * <p>{@code content} and {@code excerpt} are read through the build's {@link RenderedPages}: to a
 * page Jekyll renders after this one {@code content} is this page's {@link RenderedPage}'s, to one
 * before it the body ({@link RenderedPages#shownTo}); {@code excerpt} is the one its first reader
 * rendered, or the front matter's ({@link RenderedPages#excerptShownTo}). The drop itself is not
 * changed after the index stage.
 *
 * <p>Pages point at each other ({@code previous}, {@code next}), so a drop compares by identity
 * and prints its neighbours by URL: equality, hashing and printing never walk the cycle. Jekyll's
 * drops play the same part.
 *
 * <p>A document's drop (one with a {@code collection}) is a {@link DocumentDrop} to the filters
 * and loops that tell a Ruby drop from a Hash; {@link #isDocument} says which this is.
 */
public final class PageDrop extends AbstractMap<String, Object> implements DocumentDrop {
    private final Map<String, Object> values;
    private final RenderedPages rendered;
    /** The drop this one shows: itself, or the drop whose {@link #withBodyContent} view it is. */
    private final PageDrop origin;
    /** Whether {@code content} stays the body whatever the page has rendered to. */
    private final boolean bodyContent;
    /** Whether this is the view a document's own excerpt renders with ({@link #asOwnExcerpt}). */
    private final boolean ownExcerpt;

    /** A drop of {@code values} whose rendered content is kept in {@code rendered}. */
    PageDrop(Map<String, Object> values, RenderedPages rendered) {
        this.values = new LinkedHashMap<>(values);
        this.rendered = rendered;
        this.origin = this;
        this.bodyContent = false;
        this.ownExcerpt = false;
    }

    private PageDrop(PageDrop origin, boolean bodyContent, boolean ownExcerpt) {
        this.values = origin.values;
        this.rendered = origin.rendered;
        this.origin = origin;
        this.bodyContent = bodyContent;
        this.ownExcerpt = ownExcerpt;
    }

    /** A copy of {@code other} as it shows now, reading its rendered content where {@code other} does. */
    PageDrop(PageDrop other) {
        this(other, other.rendered);
    }

    /**
     * This page as its own layouts see it in Jekyll, where a page (not a document of a collection)
     * is handed to them as the hash it was before rendering: {@code content} is the body as
     * written, Liquid and all, while {@code excerpt} and every other key read as here. The view
     * equals this drop, so tags given it find the page's rendering and comparisons with the page
     * hold.
     */
    public PageDrop withBodyContent() {
        return new PageDrop(origin, true, false);
    }

    /**
     * This document as its own excerpt's Liquid sees it as {@code page}: in Jekyll the excerpt's
     * drop, whose {@code excerpt} is nil and whose {@code output} is the excerpt itself, still
     * rendering when a reader made it render, so reading it then is an error (Jekyll's "stack
     * level too deep"). Every other key
     * reads as here, and the view equals this drop.
     */
    public PageDrop asOwnExcerpt() {
        return new PageDrop(origin, false, true);
    }

    /** Whether this is a post's or a collection document's drop, which Ruby sees as a drop, not a Hash. */
    @Override
    public boolean isDocument() {
        return values.get("collection") != null;
    }

    /**
     * Jekyll's DocumentDrop keys: its methods, then the data's keys in Jekyll's order, where
     * {@code draft} comes first (Jekyll sets it on reading the file), then the defaults' and front
     * matter's keys, and {@code slug} and {@code ext} (taken from the file name) last.
     */
    @Override
    public List<String> dropKeys() {
        List<String> keys = new ArrayList<>(METHOD_KEYS);
        List<String> tail = new ArrayList<>();
        if (values.containsKey("draft")) {
            keys.add("draft");
        }
        for (String key : values.keySet()) {
            if (key.equals("slug") || key.equals("ext")) {
                tail.add(key);
            } else if (!keys.contains(key)) {
                keys.add(key);
            }
        }
        keys.addAll(tail);
        return keys;
    }

    @Override
    public Object get(Object key) {
        if ("name".equals(key) && !values.containsKey("name") && isDocument()) {
            // Jekyll's DocumentDrop answers name with the file's name, which is no data key
            String path = String.valueOf(values.get("relative_path"));
            return path.substring(path.lastIndexOf('/') + 1);
        }
        if (!isDocument()) {
            rendered.readHash(origin);
        }
        if (bodyContent && "content".equals(key)) {
            return values.get(key);
        }
        if ("output".equals(key) && isDocument()) {
            if (ownExcerpt && rendered.excerptRenderingForReader(origin)) {
                // Jekyll's excerpt drop answers output with the excerpt's own rendering, made when a
                // reader reads it: it never ends (an excerpt no page reads, Jekyll never renders)
                throw new RuntimeException("page.output read in the page's own excerpt is that excerpt, still"
                        + " rendering, so it can never finish (Jekyll stops with \"stack level too deep\"); read"
                        + " page.output, or the whole page, after the excerpt (its first paragraph or"
                        + " excerpt_separator), or set excerpt_separator: \"\" in the front matter");
            }
            // Jekyll's DocumentDrop answers output with the document's finished file, never its data
            return rendered.outputShownTo(origin);
        }
        if ("excerpt".equals(key)) {
            return shown("excerpt", null);
        }
        if ("content".equals(key)) {
            return shown("content", rendered.shownTo(this));
        }
        return values.get(key);
    }

    /** The value the index stage gave {@code key}, whatever the page has rendered to since. */
    public Object indexed(String key) {
        return values.get(key);
    }

    private static boolean isRendered(String key) {
        return key.equals("content") || key.equals("excerpt");
    }

    /**
     * What the drop shows under {@code key}, a rendered key: {@code content} as the reader sees it
     * rendered to {@code page} (null when the reader comes first in Jekyll's order: then it is the
     * body as written), and {@code excerpt} as its first reader rendered it ({@link
     * RenderedPages#excerptShownTo}), as Jekyll renders an excerpt when it is first read and keeps it.
     */
    private Object shown(String key, RenderedPage page) {
        if (key.equals("content")) {
            return page != null ? page.content() : values.get(key);
        }
        if (ownExcerpt && isDocument()) {
            // Jekyll's excerpt drop has no excerpt of its own
            return null;
        }
        if (isDocument() && rendered.excerptRendering(origin)) {
            // read from the document's own excerpt by any other way than its page (site.posts), it is that excerpt
            throw new RuntimeException("the excerpt of " + values.get("relative_path") + " reads its own"
                    + " excerpt, which is still rendering, so it can never finish (Jekyll stops with \"stack level"
                    + " too deep\"); read excerpts, or the whole post, after its own excerpt (its first paragraph"
                    + " or excerpt_separator), or set excerpt_separator: \"\" in the front matter");
        }
        String excerpt = rendered.excerptShownTo(origin);
        return excerpt != null ? excerpt : ownExcerpt();
    }

    /**
     * The excerpt the index gave the page; a document without one (an empty excerpt_separator
     * turns its own off) reads as empty text, not nil, as Jekyll's document drop gives it.
     */
    private Object ownExcerpt() {
        Object own = values.get("excerpt");
        return own == null && isDocument() ? "" : own;
    }

    @Override
    public boolean containsKey(Object key) {
        return values.containsKey(key);
    }

    /**
     * Refused: a page's variables are fixed once the index stage has built them, and what rendering
     * makes of a page goes to {@link RenderedPages}.
     */
    @Override
    public Object put(String key, Object value) {
        throw new UnsupportedOperationException("page." + key + " cannot change after the index stage");
    }

    /** Sets {@code key} while the index stage builds the page. */
    void set(String key, Object value) {
        values.put(key, value);
    }

    /** The entries as the drop shows them: rendered content and excerpt once the page has rendered. */
    @Override
    public Set<Entry<String, Object>> entrySet() {
        if (!isDocument()) {
            rendered.readHash(origin);
        }
        RenderedPage page = rendered.shownTo(this);
        if (page == null && !rendered.reading() && !(values.get("excerpt") == null && isDocument())) {
            return values.entrySet();
        }
        Map<String, Object> shown = new LinkedHashMap<>(values);
        shown.replaceAll((key, value) -> isRendered(key) && !(bodyContent && key.equals("content"))
                ? shown(key, page) : value);
        return Collections.unmodifiableMap(shown).entrySet();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PageDrop drop && drop.origin == origin;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(origin);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("{");
        forEach((key, value) -> {
            if (out.length() > 1) {
                out.append(", ");
            }
            out.append(key).append('=').append(value instanceof PageDrop drop ? drop.get("url") : value);
        });
        return out.append('}').toString();
    }
}
