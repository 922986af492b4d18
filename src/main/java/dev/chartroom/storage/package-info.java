/**
 * The blob store: where the bytes of every accepted file live, addressed by their content.
 */
package dev.chartroom.storage;
