/**
 * Webhook intake: signature verification over raw bytes, delivery parsing, durable storage and
 * catch-up of missed deliveries.
 */
package dev.orchestrator.webhook;
