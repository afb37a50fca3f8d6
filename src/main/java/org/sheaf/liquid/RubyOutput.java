package org.sheaf.liquid;

import java.util.Map;
import liqp.RenderTransformer;
import liqp.TemplateContext;
import org.sheaf.jekyll.DocumentDrop;
import org.sheaf.jekyll.RubyInspect;

/**
 * Writes rendered values into the page as Ruby Liquid does, where Liqp would print Java's text of
 * them: a hash from front matter, data or {@code _config.yml} is its Ruby {@code inspect}
 * ({@code {{ page.author }}} with {@code author: {name: Jane}} writes {@code {"name"=>"Jane"}}, as
 * minima's post layout shows it), and an array its items run together, nested arrays included,
 * with {@code nil} items written as nothing. The same text reaches {@code capture} and
 * {@code join}.
 *
 * <p>A post or a collection document is written as Jekyll's document writes itself: its output
 * when it has one (it has been written), else its content; a page as the Hash it is in Jekyll. The
 * site itself, which sheaf hands to templates as a map of its own class, is written by its own
 * {@code toString}: Jekyll writes it as the name of a Ruby class, nothing a page shows on purpose.
 *
 * <p>Like Liqp's own writer, it stops a render whose text grows past the parser's limit.
 */
final class RubyOutput implements RenderTransformer {
    static final RubyOutput INSTANCE = new RubyOutput();

    private RubyOutput() {
    }

    @Override
    public ObjectAppender.Controller newObjectAppender(TemplateContext context, int estimatedAppends) {
        int limit = context.getParser().getLimitMaxSizeRenderedString();
        return new ObjectAppender.Controller() {
            private final StringBuilder out = new StringBuilder();

            @Override
            public void append(Object value) {
                if (value instanceof CharSequence text) {
                    out.append(text);
                } else {
                    appendValue(value, out);
                }
                if (out.length() > limit) {
                    throw new IllegalStateException("rendered string exceeds " + limit);
                }
            }

            @Override
            public Object getResult() {
                return out.toString();
            }
        };
    }

    @Override
    public Object transformObject(TemplateContext context, Object value) {
        if (value instanceof CharSequence text) {
            return text.toString();
        }
        StringBuilder out = new StringBuilder();
        appendValue(value, out);
        return out.toString();
    }

    private static void appendValue(Object value, StringBuilder out) {
        if (DocumentDrop.is(value)) {
            // Jekyll's document drop writes what its document's to_s gives
            DocumentDrop drop = (DocumentDrop) value;
            Object text = drop.get("output") != null ? drop.get("output") : drop.get("content");
            out.append(text != null ? text : "NO CONTENT");
        } else if (value instanceof DocumentDrop page) {
            // a page's variables are a Hash in Jekyll, written as its inspect
            out.append(RubyInspect.inspect(page));
        } else if (value instanceof Map<?, ?> map && isDrop(map)) {
            out.append(map);
        } else {
            RubyInspect.appendText(value, out);
        }
    }

    /** A page or the site: a map of sheaf's own class, not data read from a file. */
    static boolean isDrop(Map<?, ?> map) {
        return map.getClass().getName().startsWith("org.sheaf.");
    }
}
