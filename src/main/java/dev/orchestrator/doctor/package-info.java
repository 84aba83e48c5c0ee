/**
 * Doctor: the checks behind {@code agent doctor}, each giving one {@link
 * dev.orchestrator.doctor.Finding} (ok, warn or fail, and what to do) about configuration,
 * credentials, the webhook secret, the database, missions, the model provider and GitHub. Uses the
 * other packages' own parsers and probes; imports no outside library.
 */
package dev.orchestrator.doctor;
