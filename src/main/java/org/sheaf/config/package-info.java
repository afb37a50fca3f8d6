/**
 * The site's configuration: {@code _config.yml} (and {@code --config} files) read with
 * SnakeYAML's node API so every key keeps its line, Jekyll's defaults, command-line overrides
 * and the theme gem {@code theme:} names. Produces {@link org.sheaf.config.SiteConfig}.
 */
package org.sheaf.config;
