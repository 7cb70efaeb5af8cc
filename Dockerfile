# Image of the validator itself. Build the jar on the host first (./mvnw -B package -DskipTests);
# no Maven runs inside the build, so it works without network access.
#   docker build -t subnet2-validator .                                    (uses eclipse-temurin)
#   docker build --build-arg BASE_IMAGE=subnet2-base/jre:17 -t subnet2-validator .   (offline, local base)
ARG BASE_IMAGE=eclipse-temurin:17-jre
FROM ${BASE_IMAGE}
WORKDIR /app
COPY target/validator.jar /app/validator.jar
COPY seccomp.json /app/seccomp.json
ENV VALIDATOR_PATHS_WORK_DIR=/var/lib/subnet2 \
    VALIDATOR_SANDBOX_SECCOMP_PROFILE=/app/seccomp.json
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=50", "-XX:+UseParallelGC", "-jar", "/app/validator.jar"]
