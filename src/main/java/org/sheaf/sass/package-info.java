/**
 * Sass and SCSS pages compiled by the dart-sass embedded host, as jekyll-sass-converter does:
 * load paths, imports confined to the site and its theme, source maps shifted past the front
 * matter, and the output brought back to what libsass would have printed where it means the same:
 * colours, static values and calc() as written, attribute quotes, a rule's declarations together.
 */
package org.sheaf.sass;
