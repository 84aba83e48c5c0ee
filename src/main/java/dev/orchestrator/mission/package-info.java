/**
 * Missions: YAML loading into raw DTOs, validation into records with file:line:col errors, the
 * catalog, triggers and repository configuration. The only package that imports the YAML library.
 */
package dev.orchestrator.mission;
