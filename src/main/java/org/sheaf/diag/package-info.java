/**
 * Problems as data: {@link org.sheaf.diag.Diagnostic} (path, 1-based line and column, severity,
 * message, hints), the collector that sorts and caps them, and the two things every package
 * needs when it touches the writer's disk: {@link org.sheaf.diag.SiteFiles}, the one reader of
 * a site's files (regular files only, links only inside the site), and {@link
 * org.sheaf.diag.OsReason}, the system's words for an I/O failure. Imports nothing of sheaf's.
 */
package org.sheaf.diag;
