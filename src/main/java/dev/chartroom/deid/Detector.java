package dev.chartroom.deid;

import java.util.List;

/** One family of identifiers. Adds what it finds in {@code text} to {@code into}; never throws. */
interface Detector {

    void find(String text, Subject subject, List<Finding> into);
}
