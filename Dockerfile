# Chartroom image: docker build -t chartroom . (see README, "Production: several nodes").
# Stage 1 builds the jar, stage 2 unpacks it into layers, the last stage is the runtime: a JRE, the
# unpacked application and its class-data-sharing archive, no build tools, not root.

FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
# The wrapper and the pom first: dependencies are downloaded once and cached while only sources change.
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:21-jre AS layers
WORKDIR /layers
COPY --from=build /src/target/chartroom.jar /tmp/chartroom.jar
# Dependencies, loader, snapshots and Chartroom's own classes in folders of their own, copied below as
# separate image layers: an upgrade that changes only Chartroom ships only its small layer.
RUN java -Djarmode=tools -jar /tmp/chartroom.jar extract --layers --destination /layers

FROM eclipse-temurin:21-jre
RUN groupadd --system --gid 10001 chartroom \
 && useradd --system --uid 10001 --gid chartroom --home-dir /app --no-create-home chartroom \
 && mkdir /app && chown chartroom:chartroom /app
WORKDIR /app
COPY --from=layers --chown=chartroom:chartroom /layers/dependencies/ ./
COPY --from=layers --chown=chartroom:chartroom /layers/spring-boot-loader/ ./
COPY --from=layers --chown=chartroom:chartroom /layers/snapshot-dependencies/ ./
COPY --from=layers --chown=chartroom:chartroom /layers/application/ ./
USER 10001
# One training start (embedded H2 in a scratch folder, no network, stopped once the context is
# refreshed) records the classes Chartroom loads; every real start maps them from the archive
# instead of reading and verifying them again (Spring Boot's CDS support). It runs in this stage so
# the archive matches these very jars.
RUN java -XX:ArchiveClassesAtExit=chartroom.jsa -Xlog:cds=off -Xlog:cds+dynamic=off \
        -Dspring.context.exit=onRefresh -Dchartroom.data-dir=/tmp/cds-training \
        -Dchartroom.admin-token=training-only -jar chartroom.jar \
 && rm -rf /tmp/cds-training
# Embedded use keeps its H2 database and files here (mount a volume); a cluster node (PostgreSQL and
# S3) writes nothing here.
ENV CHARTROOM_DATA_DIR=/app/data
EXPOSE 8080
# Heap 75% of the container's memory (README "Memory": about 1 GB of heap, a 1.5 GB container).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:SharedArchiveFile=chartroom.jsa", "-Xlog:cds=off", \
            "-Xlog:cds+dynamic=off", "-jar", "chartroom.jar"]
