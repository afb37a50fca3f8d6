/**
 * The writer's loop: a development server that builds into memory, serves the site as GitHub
 * Pages would, watches the source, rebuilds and reloads the browser, and shows build errors
 * over the page.
 */
package org.sheaf.serve;
