/** Test helpers shared across packages: a clock tests move by hand. */
package dev.orchestrator.testing;
