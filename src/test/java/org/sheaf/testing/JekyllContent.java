package org.sheaf.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The HTML a page's {@code content} became in Jekyll's build of the jekyll-compat fixture: the
 * page from {@code sites/jekyll-compat/expected} with its layout's own markup taken away, as the
 * fixture's layouts place it (post: {@code div.e-content}; naked-page: {@code article.post-content};
 * page: {@code article.page} after its title and lead; note: {@code article.note} between its
 * title and meta list and its word count).
 */
public final class JekyllContent {
    private JekyllContent() {
    }

    /** The content of the expected page at {@code path} (relative to the expected tree). */
    public static String of(String path) throws IOException {
        Document page = Jsoup.parse(read("sites/jekyll-compat/expected/" + path));
        Element post = page.selectFirst("div.e-content");
        if (post != null) {
            return post.html();
        }
        Element naked = page.selectFirst("article.post-content");
        if (naked != null) {
            return naked.html();
        }
        Element article = page.expectFirst("article.page, article.note");
        Element content = article.clone();
        content.child(0).remove();  // the layout's <h1>
        Element first = content.children().first();
        if (first != null && (first.is("dl.note-meta") || first.is("p.lead"))) {
            first.remove();
        }
        Element last = content.children().last();
        if (last != null && last.is("p.words")) {
            last.remove();
        }
        return content.html();
    }

    private static String read(String name) throws IOException {
        try (InputStream in = JekyllContent.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
