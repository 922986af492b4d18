/** Small text and digest helpers every module uses: one copy of each, no Spring. */
package dev.chartroom.text;
