package dev.chartroom.storage;

import dev.chartroom.DataFolder;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The blob store: files under {@code <data-dir>/blobs}. */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    @Bean
    BlobStore blobStore(DataFolder dataFolder) throws IOException {
        return new FileSystemBlobStore(dataFolder.root().resolve("blobs"));
    }
}
