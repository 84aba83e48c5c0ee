/**
 * Tools: the registry, risks, JSON Schemas for arguments, calls and sealed results, the tool
 * implementations, and the ports through which they reach GitHub and the health report. The only
 * package that imports the JSON Schema validator.
 *
 * <ul>
 *   <li>{@link dev.orchestrator.tool.ToolRegistry#standard()} is PRODUCT.md's table; each tool's
 *       arguments are a draft 2020-12 schema in {@code src/main/resources/tools/<name>.schema.json}
 *       (the one source for validation, {@code /agent help} and a model's function parameters).
 *   <li>Every call is validated before it runs ({@link dev.orchestrator.tool.ArgumentValidator});
 *       errors name the argument. Integers given as numeric strings by templating are coerced.
 *   <li>In a dry run, write and destructive tools return {@link
 *       dev.orchestrator.tool.ToolResult.Recorded} and never call the port; without credentials,
 *       {@link dev.orchestrator.tool.OfflineRepository} answers reads from the event payload where
 *       it can and records writes.
 *   <li>Safety lives here too: {@link dev.orchestrator.tool.SecretPaths}, {@link
 *       dev.orchestrator.tool.Mentions}, {@link dev.orchestrator.tool.Bodies}, and the refusal of
 *       search qualifiers that leave the run's repository.
 * </ul>
 */
package dev.orchestrator.tool;
