/**
 * Patients, groups and events of an organization, and the native read API over them.
 */
package dev.chartroom.patient;
