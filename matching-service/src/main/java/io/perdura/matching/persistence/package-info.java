/** The durable task backlog of matching: its storage port, JDBC adapter and schema migrations. */
package io.perdura.matching.persistence;
