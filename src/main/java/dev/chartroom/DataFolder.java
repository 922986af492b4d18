package dev.chartroom;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The one folder that holds an embedded Chartroom's database and files
 * (env {@code CHARTROOM_DATA_DIR}).
 *
 * @param dataDir where the embedded database and the blob store live
 */
@ConfigurationProperties("chartroom")
public record DataFolder(@DefaultValue("./data") Path dataDir) {

    public Path root() {
        return dataDir.toAbsolutePath().normalize();
    }
}
