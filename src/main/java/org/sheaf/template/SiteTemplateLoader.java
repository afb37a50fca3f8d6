package org.sheaf.template;

import freemarker.cache.TemplateLoader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.sheaf.diag.DiagnosticException;
import org.sheaf.diag.SiteFiles;

/**
 * Loads Freemarker includes from the templates folder through {@link SiteFiles}, so an include
 * obeys the rule every other file does: no link leading out of the folder, no named pipe or
 * device opened. Freemarker's own file loader would open a pipe and wait on it forever.
 */
final class SiteTemplateLoader implements TemplateLoader {
    private final Path folder;
    private final String folderSitePath;
    private final SiteFiles files;

    SiteTemplateLoader(Path folder, String folderSitePath) {
        this.folder = folder.toAbsolutePath().normalize();
        this.folderSitePath = folderSitePath;
        this.files = SiteFiles.within(this.folder);
    }

    @Override
    public Object findTemplateSource(String name) {
        Path file = folder.resolve(name).normalize();
        if (!file.startsWith(folder) || !Files.exists(file, LinkOption.NOFOLLOW_LINKS) || Files.isDirectory(file)) {
            return null;
        }
        return file;
    }

    @Override
    public long getLastModified(Object source) {
        try {
            return Files.getLastModifiedTime((Path) source).toMillis();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public Reader getReader(Object source, String encoding) throws IOException {
        Path file = (Path) source;
        String relative = folder.relativize(file).toString().replace('\\', '/');
        String shown = folderSitePath.isEmpty() ? relative : folderSitePath + "/" + relative;
        try {
            return new StringReader(new String(files.read(file, shown), StandardCharsets.UTF_8));
        } catch (DiagnosticException e) {
            throw new IOException(shown + " " + e.diagnostic().message(), e);
        }
    }

    @Override
    public void closeTemplateSource(Object source) {
        // nothing is held open: getReader reads the whole file at once
    }
}
