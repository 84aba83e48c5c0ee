/**
 * Tools: the registry, risks, JSON Schemas for arguments, calls and sealed results, and the tool
 * implementations. The only package that imports the JSON Schema validator.
 */
package dev.orchestrator.tool;
