/**
 * The fake's HTTP side: server and route table check, the request pipeline, authentication, rate
 * limits, conditional requests, pagination, error bodies and the request log.
 */
package dev.orchestrator.fakegithub.http;
