package org.sheaf.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sass_lang.embedded_protocol.OutputStyle;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.sheaf.diag.DiagnosticException;

/** The converter on its own: what a machine without a dart-sass binary is told, and that it tries once. */
class SassRendererTest {
    private static final SassRenderer.Settings SETTINGS =
            new SassRenderer.Settings(OutputStyle.EXPANDED, false, List.of(), false, List.of(), false, List.of());

    @Test
    void platformWithoutCompilerIsAPositionedErrorForEverySassPage() {
        AtomicInteger attempts = new AtomicInteger();
        try (SassRenderer sass = new SassRenderer(SETTINGS, Path.of("/site"), Path.of("/site"), () -> {
            attempts.incrementAndGet();
            throw new IOException("No bundled dart-sass for linux-s390x");
        }, Duration.ofSeconds(30))) {
            for (String page : List.of("a.scss", "b/c.sass")) {
                DiagnosticException e = assertThrows(DiagnosticException.class,
                        () -> sass.render(Path.of("/site").resolve(page), page, "p { margin: 0 }", 3, "x.css"));
                assertEquals(page + ": error: Sass is not supported on this platform\n"
                        + "    hint: the dart-sass compiler did not start: No bundled dart-sass for linux-s390x",
                        e.diagnostic().format());
            }
        }
        assertEquals(1, attempts.get());
    }
}
