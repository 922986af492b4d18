package dev.chartroom.web;

/**
 * Describes an unexpected exception for the log without its messages: database and parser messages
 * quote the values they choked on, which can be patient data. What is left (exception classes and
 * where in Chartroom it was thrown) is enough to find the bug.
 */
public final class Failures {

    private Failures() {}

    public static String describe(Throwable failure) {
        var text = new StringBuilder();
        Throwable current = failure;
        for (int depth = 0; current != null && depth < 5; depth++, current = current.getCause()) {
            if (depth > 0) {
                text.append(" <- ");
            }
            text.append(current.getClass().getName());
            for (StackTraceElement frame : current.getStackTrace()) {
                if (frame.getClassName().startsWith("dev.chartroom.")) {
                    text.append(" at ")
                            .append(frame.getClassName())
                            .append('.')
                            .append(frame.getMethodName())
                            .append(':')
                            .append(frame.getLineNumber());
                    break;
                }
            }
        }
        return text.toString();
    }
}
