package org.sheaf.generate;

import java.util.List;
import org.sheaf.config.SiteConfig;
import org.sheaf.content.ContentIndex;

/**
 * The generate stage's unit (DESIGN.md stage 5): reads the indexed site and returns the files it
 * adds, as Jekyll's generators add pages to {@code site.pages} before rendering.
 *
 * <p>A generator decides <em>which</em> files exist before the render stage, so the write stage
 * plans them with every other output and reports collisions. It builds their <em>text</em> only
 * after the render stage ({@link GeneratedFile#text()}), because a feed carries its posts'
 * rendered content. Implementations are stateless and thread-safe.
 */
public interface Generator {

    /**
     * What a generator may read.
     *
     * @param config        the site's configuration
     * @param index         pages, documents, static files and {@code site.*}
     * @param jekyllVersion the Jekyll version sheaf stands in for (feeds name it as their generator)
     */
    record Input(SiteConfig config, ContentIndex index, String jekyllVersion) {
    }

    /** The files this generator adds; empty when it has nothing to add (or a source file of that name wins). */
    List<GeneratedFile> generate(Input input);
}
