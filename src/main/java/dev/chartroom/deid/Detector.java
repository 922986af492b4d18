package dev.chartroom.deid;

import java.util.List;

/** One family of identifiers. Adds what it finds in the scanned text to {@code into}; never throws. */
interface Detector {

    void find(Scan text, Subject subject, List<Finding> into);
}
