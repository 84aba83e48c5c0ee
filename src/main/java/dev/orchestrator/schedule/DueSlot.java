package dev.orchestrator.schedule;

import dev.orchestrator.mission.Mission;
import dev.orchestrator.mission.Trigger;

/** A slot whose time has come, with the mission and the schedule that named it. */
public record DueSlot(Mission mission, Trigger.OnSchedule schedule, Slot slot) {}
