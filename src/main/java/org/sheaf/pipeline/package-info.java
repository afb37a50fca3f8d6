/**
 * The pipeline: {@link org.sheaf.pipeline.SiteBuilder} runs config, scan, parse, index, generate,
 * render and write in order, collecting diagnostics and stopping between stages on errors;
 * incremental rebuilds and body edits for {@code serve} reuse its stages.
 */
package org.sheaf.pipeline;
