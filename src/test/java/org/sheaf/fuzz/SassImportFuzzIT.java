package org.sheaf.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.sheaf.sass.SassImporter;

/**
 * Any URL a stylesheet could name, raw or resolved against the stylesheet that loads it, as
 * dart-sass hands it to sheaf's importer: whatever the importer finds lies inside the site once
 * links are followed, and reading it never yields a byte of the stylesheets beside the site, which
 * the site reaches by {@code ../}, absolute paths, {@code file:} URLs, a linked partial and a
 * linked folder. A refusal is a {@link SassImporter.SassImportException}; any other exception is a
 * finding.
 */
class SassImportFuzzIT {
    private static final String SECRET = "outside-secret";
    private static final Path BASE = createBase();
    private static final Path SITE = BASE.resolve("site");
    private static final Path OUTSIDE = BASE.resolve("outside");
    private static final SassImporter IMPORTER = new SassImporter(List.of(SITE),
            List.of(SITE.resolve("vendor"), SITE.resolve("_sass")));
    private static final String[] PREFIXES = {"", "../", "../../", "/", "./", "sub/", "outside/", "../outside/",
        "../../outside/", "link/", "file:", "file://", "file:///", OUTSIDE + "/", OUTSIDE.toUri().toString(),
        SITE.toUri().toString(), SITE + "/_sass/../../outside/", "%2e%2e/", "..%2f..%2f"};
    private static final String[] NAMES = {"secret", "_secret", "secret.scss", "_secret.scss", "plain.css", "plain",
        "a", "b", "index", "link", "linked", "page", "c", "", "sub", "sub/", ".", ".."};
    private static final Path[] STYLESHEETS = {SITE.resolve("page.scss"), SITE.resolve("_sass/_a.scss"),
        SITE.resolve("_sass/sub/_b.scss"), SITE.resolve("assets/css/main.scss")};

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void nothingOutsideTheSiteIsEverRead(FuzzedDataProvider data) throws Exception {
        boolean fromImport = data.consumeBoolean();
        boolean relative = data.consumeBoolean();
        Path loading = data.pickValue(STYLESHEETS);
        StringBuilder built = new StringBuilder(data.pickValue(PREFIXES));
        int parts = data.consumeInt(1, 5);
        for (int i = 0; i < parts; i++) {
            built.append(data.consumeBoolean() ? data.pickValue(NAMES) : data.consumeString(12));
            if (data.consumeBoolean()) {
                built.append('/');
            }
        }
        String url = built.toString();
        IMPORTER.compiling(loading.getParent());
        try {
            String asked = url;
            if (relative) {
                try {
                    // dart-sass first resolves a URL against the loading stylesheet's own URL.
                    asked = loading.toUri().resolve(new URI(null, null, url, null)).toString();
                } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                    asked = url;
                }
            }
            String found;
            try {
                found = IMPORTER.canonicalize(asked, fromImport);
            } catch (SassImporter.SassImportException refused) {
                return;
            }
            if (found == null) {
                return;
            }
            Path real = Path.of(URI.create(found)).toRealPath();
            if (!real.startsWith(SITE.toRealPath())) {
                throw new AssertionError(asked + " found " + found + ", which is " + real + ", outside the site");
            }
            String text = IMPORTER.handleImport(found).getContents();
            if (text.contains(SECRET)) {
                throw new AssertionError(asked + " read the outside stylesheet through " + found);
            }
        } finally {
            IMPORTER.done();
        }
    }

    /** A site with partials in its load paths, a page, and links to stylesheets beside it. */
    private static Path createBase() {
        try {
            Path base = Files.createTempDirectory("sass-import-fuzz").toRealPath();
            Path site = base.resolve("site");
            Path outside = base.resolve("outside");
            for (Path folder : List.of(site.resolve("_sass/sub"), site.resolve("vendor"), site.resolve("assets/css"),
                    outside.resolve("sub"))) {
                Files.createDirectories(folder);
            }
            Files.writeString(site.resolve("_sass/_a.scss"), "a { b: c; }\n");
            Files.writeString(site.resolve("_sass/sub/_b.scss"), "b { c: d; }\n");
            Files.writeString(site.resolve("_sass/sub/_index.scss"), "i { j: k; }\n");
            Files.writeString(site.resolve("vendor/_c.scss"), "c { d: e; }\n");
            Files.writeString(site.resolve("assets/css/_a.scss"), "p { q: r; }\n");
            Files.writeString(site.resolve("page.scss"), "---\n---\np { a: b; }\n");
            for (String name : List.of("_secret.scss", "secret.scss", "plain.css", "sub/_index.scss", "_a.scss")) {
                Files.writeString(outside.resolve(name), "." + SECRET + " { x: y; }\n");
            }
            Files.createSymbolicLink(site.resolve("_sass/_linked.scss"), outside.resolve("_secret.scss"));
            Files.createSymbolicLink(site.resolve("_sass/link"), outside);
            Files.createSymbolicLink(site.resolve("vendor/outside"), outside);
            base.toFile().deleteOnExit();
            return base;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
