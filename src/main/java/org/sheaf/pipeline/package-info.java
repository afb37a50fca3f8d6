/**
 * The pipeline: {@link org.sheaf.pipeline.SiteBuilder} runs config, scan, parse, index, generate,
 * render and write in order, collecting diagnostics and stopping between stages on errors. Each
 * stage is a method that returns a value, so incremental builds can run the same stages with
 * values of their own.
 */
package org.sheaf.pipeline;
