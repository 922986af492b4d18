package dev.chartroom.document;

import dev.chartroom.storage.BlobKey;
import dev.chartroom.storage.BlobStore;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * At start, looks for the newest documents' files in this node's blob store and says in the log when
 * any is missing: the usual cause is a node with a data folder of its own on a database other nodes
 * share, whose uploads it then cannot serve. A check across organizations, for the operator only; it
 * reads ids and keys, never content, and runs off the start-up thread.
 */
@Component
class BlobStoreProbe {

    private static final Logger log = LoggerFactory.getLogger(BlobStoreProbe.class);
    private static final String NEWEST = """
            select blob_key from document order by created_at desc limit 20
            """;

    private final JdbcClient jdbc;
    private final BlobStore blobs;

    BlobStoreProbe(JdbcClient jdbc, BlobStore blobs) {
        this.jdbc = jdbc;
        this.blobs = blobs;
    }

    @EventListener(ApplicationReadyEvent.class)
    void probe() {
        Thread.ofVirtual().name("blob-store-probe").start(this::run);
    }

    void run() {
        try {
            List<String> keys = jdbc.sql(NEWEST).query(String.class).list();
            long missing = 0;
            for (String key : keys) {
                if (blobs.size(new BlobKey(key)).isEmpty()) {
                    missing++;
                }
            }
            if (missing > 0) {
                log.error(
                        "{} of the {} newest documents have no file in {}: this node cannot serve them. Every node "
                                + "on one database must use the same blob store (one shared folder, or chartroom.storage.type=s3)",
                        missing,
                        keys.size(),
                        blobs.describe());
            }
        } catch (Exception e) {
            log.warn("Could not check the blob store at start: {}", e.getClass().getName());
        }
    }
}
