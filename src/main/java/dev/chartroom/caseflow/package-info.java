/**
 * Appointment cases and what routes them: clinicians, staff members and routing rules of an
 * organization.
 */
package dev.chartroom.caseflow;
