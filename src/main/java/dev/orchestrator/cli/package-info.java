/**
 * Command line: picocli commands that parse arguments, call services and format output. No logic of
 * their own; the only package that imports picocli.
 */
package dev.orchestrator.cli;
