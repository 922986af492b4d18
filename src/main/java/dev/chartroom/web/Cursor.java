package dev.chartroom.web;

/** Paging of native listings: the cursor (the id of the last row of the previous page) and the page size. */
public final class Cursor {

    private Cursor() {}

    /** The id to list after; 0 for the first page. A cursor the API did not hand out is 400. */
    public static long after(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            long after = Long.parseLong(cursor.strip());
            if (after >= 0) {
                return after;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidRequestException("invalid_request", "cursor: use the nextCursor of the previous page.");
    }

    /** The page size asked for; outside 1 to {@code max} it is 400, not quietly another size. */
    public static int limit(int requested, int max) {
        if (requested < 1 || requested > max) {
            throw new InvalidRequestException("invalid_request", "limit: a whole number from 1 to " + max + ".");
        }
        return requested;
    }
}
