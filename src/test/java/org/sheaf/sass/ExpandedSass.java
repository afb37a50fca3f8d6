package org.sheaf.sass;

import com.sass_lang.embedded_protocol.OutputStyle;
import java.nio.file.Path;
import java.util.List;

/** Compiles a stylesheet as the Sass tests compare it with libsass's expanded CSS. */
final class ExpandedSass {
    /** The expanded style with a source map: Jekyll's sass settings when a site gives none. */
    static final SassRenderer.Settings SETTINGS = new SassRenderer.Settings(OutputStyle.EXPANDED, true, List.of(),
            false, List.of(), false, List.of());

    private ExpandedSass() {
    }

    /**
     * The CSS the renderer writes for {@code text}, named {@code name} in {@code dir}, in the
     * expanded style with a source map, without the comment that links the map: the expected
     * CSS is libsass's, which links none when asked for none.
     */
    static String compiled(Path dir, String name, String text) throws Exception {
        try (SassRenderer sass = new SassRenderer(SETTINGS, dir, dir)) {
            String css = sass.render(dir.resolve(name), name, text, 3, "a.css").css();
            return css.replaceAll("\n*/\\*# sourceMappingURL.*", "");
        }
    }
}
