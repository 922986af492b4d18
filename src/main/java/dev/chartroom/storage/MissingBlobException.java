package dev.chartroom.storage;

import java.io.IOException;

/**
 * A blob the database references is not in this node's blob store. On one node that is damage; with
 * several nodes it nearly always means they do not share one store (each has its own data folder),
 * which the message says. It is an {@link IOException}: background work that meets it is retried,
 * perhaps on a node that can read the blob.
 */
public class MissingBlobException extends IOException {

    public MissingBlobException(BlobKey key, BlobStore store) {
        super("blob " + key.organizationId() + "/" + key.sha256().substring(0, 12) + "… is referenced by the database "
                + "but missing from " + store.describe() + ": every node on one database must use the same blob store "
                + "(one shared folder, or chartroom.storage.type=s3)");
    }
}
