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
# curl for the health check (docker-compose.yml), which asks the node's readiness on its management port
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --home /app ses && chown ses /app
COPY --from=build /src/target/ses-returns-*.jar /app/ses-returns.jar
USER ses
# 8080 for users; 8081 for health and metrics (the load balancer and Prometheus, never the public)
EXPOSE 8080 8081
# the heap the application is measured in (docs/benchmarks.md): a cycle of 1,000 objectives runs to
# its pack within 512 MB; a node that runs out of memory stops (and is restarted) rather than limps
ENV JAVA_OPTS="-Xmx512m -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/ses-returns.jar"]
