/**
 * GitHub's REST description as vendored by scripts/extract-github-openapi.mjs: the operation index
 * and request-body validation.
 */
package dev.orchestrator.fakegithub.openapi;
