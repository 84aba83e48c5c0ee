/** Queue: the durable priority queue port and the worker pool. */
package dev.orchestrator.queue;
