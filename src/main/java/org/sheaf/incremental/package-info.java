/**
 * Incremental builds: {@link org.sheaf.incremental.IncrementalBuilder} runs the pipeline's stages
 * itself, substituting what it kept from the last build (the scan, the parses, the rendered pages
 * a {@link org.sheaf.incremental.DependencyGraph} shows unchanged, the git history), and the dev
 * server's shortcut for edits below the front matter ({@link org.sheaf.incremental.BodyEdits}).
 * The pipeline knows nothing of this package.
 */
package org.sheaf.incremental;
