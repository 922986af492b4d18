package dev.chartroom.document;

import dev.chartroom.storage.BlobStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/** The plain classes of the document module, wired from settings. */
@Configuration(proxyBeanMethods = false)
class DocumentConfiguration {

    @Bean
    DocumentStorage documentStorage(BlobStore blobs, TransactionTemplate transaction, Documents documents) {
        return new DocumentStorage(blobs, transaction, documents::referencesBlob);
    }

    @Bean
    Thumbnails thumbnails(DocumentProperties properties) {
        return new Thumbnails(properties.thumbnailWidth(), properties.decodingBudget());
    }

    @Bean(destroyMethod = "close")
    DecodingPool decodingPool(DocumentProperties properties) {
        // A refused caller is told to come back after about one decode's time limit.
        return new DecodingPool(
                properties.decodingThreadCount(), properties.decodingWait(), properties.decodingTimeout());
    }

    @Bean
    DocumentDecoding documentDecoding(DocumentProperties properties, DecodingPool pool, Thumbnails thumbnails) {
        return new DocumentDecoding(properties.decodingBudget(), pool, thumbnails);
    }
}
