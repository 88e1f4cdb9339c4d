/** Storage ports of history ({@code *Store}) and their JDBC adapters for MySQL/MariaDB and H2. */
package io.perdura.history.persistence;
