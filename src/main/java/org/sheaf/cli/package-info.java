/**
 * The command line (picocli): {@code build}, {@code serve}, {@code check}, {@code new} and
 * {@code clean}, printing diagnostics and choosing exit codes. The only package that calls
 * {@code System.exit}.
 */
package org.sheaf.cli;
