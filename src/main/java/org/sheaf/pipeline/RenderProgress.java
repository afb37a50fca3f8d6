package org.sheaf.pipeline;

/**
 * Told by the render stage as pages finish, for a progress display ({@code sheaf build} on a
 * terminal). The stage has two passes over the pages: first every page's content (Liquid, then
 * Markdown or Sass), then every written page's layouts. A page an incremental build reuses counts
 * as done when its pass starts.
 *
 * <p>Pages render in parallel, so this is called from several threads at once and must be
 * thread-safe and quick; two calls may arrive out of order (a {@code done} of 7 before 6).
 */
@FunctionalInterface
public interface RenderProgress {
    /** Ignores everything; what a build without a display uses. */
    RenderProgress NONE = (pass, done, total) -> {
    };

    /** The render stage's passes, in the order they run. */
    enum Pass {
        /** Each page's content: Liquid, then Markdown (or Sass). */
        CONTENT,
        /** Each written page placed in its layouts. */
        LAYOUTS
    }

    /** {@code done} of the {@code total} pages of {@code pass} are rendered. */
    void rendered(Pass pass, int done, int total);
}
