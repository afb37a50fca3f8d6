package org.sheaf.output;

import java.io.IOException;
import java.util.List;

/**
 * A sink that can also take only the files an edit changed, on top of the site it replaces: the
 * dev server's memory, after an edit below one page's front matter, where writing the whole plan
 * again would cost more than rendering the page.
 */
public interface PatchableSink extends OutputSink {
    /**
     * Holds the site it replaces with {@code files} put in place of (or beside) its files of the
     * same paths, and every other file as it was.
     *
     * @throws IOException when a file to copy cannot be read; what the sink held is then unchanged
     */
    void patch(List<OutputFile> files) throws IOException;
}
