package dev.chartroom.web;

/** The paging cursor of native listings: the id of the last row of the previous page. */
public final class Cursor {

    private Cursor() {
    }

    /** The id to list after; 0 for the first page. A cursor the API did not hand out is 400. */
    public static long after(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(cursor.strip());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("invalid_request", "cursor: use the nextCursor of the previous page.");
        }
    }
}
