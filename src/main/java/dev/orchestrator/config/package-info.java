/**
 * Configuration: the immutable {@link dev.orchestrator.config.Settings} tree built by {@link
 * dev.orchestrator.config.ConfigLoader} from the environment and {@code .env}, the {@link
 * dev.orchestrator.config.Secret} type, and the duration grammar. Imports no outside library.
 */
package dev.orchestrator.config;
