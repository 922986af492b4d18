/**
 * The five intake contracts, one small package each: the HTTP shape a seed documents in, calls of
 * the domain modules out, and each contract's own error shape.
 */
package dev.chartroom.intake;
