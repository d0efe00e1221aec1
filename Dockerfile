# Builds and runs ses-returns; docker-compose.yml uses it.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp dependency:go-offline
COPY src src
COPY processes processes
COPY forms forms
RUN ./mvnw -B -ntp package -DskipTests

FROM eclipse-temurin:17-jre
WORKDIR /app
RUN useradd --system --home /app ses && chown ses /app
COPY --from=build /src/target/ses-returns-*.jar /app/ses-returns.jar
USER ses
EXPOSE 8080
# the heap the application is measured in (docs/benchmarks.md): a cycle of 1,000 objectives runs to
# its pack within 512 MB; a node that runs out of memory stops (and is restarted) rather than limps
ENV JAVA_OPTS="-Xmx512m -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/ses-returns.jar"]
