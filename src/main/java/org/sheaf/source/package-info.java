/**
 * Finding and reading input: the scan that classifies a site's files as Jekyll's reader does
 * ({@code include}/{@code exclude} entries, underscore and dot files), front matter split from
 * bodies with positions, and data files.
 */
package org.sheaf.source;
