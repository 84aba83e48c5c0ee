/**
 * Scheduled missions: which slots are due ({@link dev.orchestrator.schedule.DueSlots}, pure), the
 * durable record of slots taken ({@link dev.orchestrator.schedule.SlotStore}), and the server's
 * scheduler that queues a run for each due slot. A slot is taken at most once, whoever asks.
 */
package dev.orchestrator.schedule;
