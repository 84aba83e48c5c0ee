/**
 * Store: the SQLite database, its migrations and transactions, and the implementations of the ports
 * the domain defines. The only package that imports java.sql and the SQLite driver.
 */
package dev.orchestrator.store;
