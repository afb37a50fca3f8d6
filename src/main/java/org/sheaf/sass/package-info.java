/**
 * Sass and SCSS pages compiled by the dart-sass embedded host, as jekyll-sass-converter does:
 * load paths, imports confined to the site and its theme, source maps shifted past the front
 * matter, and the colour names libsass would have printed.
 */
package org.sheaf.sass;
