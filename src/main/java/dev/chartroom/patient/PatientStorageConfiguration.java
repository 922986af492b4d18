package dev.chartroom.patient;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Picks the bulk writer for the database in use. */
@Configuration(proxyBeanMethods = false)
class PatientStorageConfiguration {

    @Bean
    PatientWriter patientWriter(DataSource dataSource, JdbcTemplate jdbc) throws SQLException {
        try (var connection = dataSource.getConnection()) {
            boolean postgres = connection
                    .getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase()
                    .contains("postgres");
            return postgres ? new PostgresPatientWriter(dataSource) : new PortablePatientWriter(jdbc);
        }
    }
}
