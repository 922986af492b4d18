/** Small helpers for the plain-JDBC code every module writes, kept portable across PostgreSQL and H2. */
package dev.chartroom.db;
