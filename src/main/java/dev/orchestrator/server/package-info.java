/**
 * HTTP server: Javalin routes for webhooks, health, status, metrics and setup. The only package
 * that imports Javalin and the metrics library.
 */
package dev.orchestrator.server;
