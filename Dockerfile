# syntax=docker/dockerfile:1
# Build: docker build -t chainrule .      Run: docker compose up (see docs/operations.md, "Docker")

# --- build stage: the Maven wrapper on a JDK 17, then the jar split into its layers ---------------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /workspace
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
# Dependencies first: this layer is rebuilt only when pom.xml changes, not on every source edit.
# The local repository sits in the workspace so that the build cache mount does not depend on the
# build user's home directory.
ENV MAVEN_OPTS="-Dmaven.repo.local=/workspace/.m2/repository"
RUN --mount=type=cache,target=/workspace/.m2 ./mvnw -B -q dependency:go-offline
COPY src/ src/
RUN --mount=type=cache,target=/workspace/.m2 ./mvnw -B -DskipTests package \
    && java -Djarmode=tools -jar target/chainrule-*.jar extract --layers --launcher --destination /layers

# --- runtime stage: a JRE 17, a non-root user, one image layer per jar layer ----------------------
FROM eclipse-temurin:17-jre
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 chainrule \
    && useradd --system --uid 10001 --gid chainrule --create-home --home-dir /home/chainrule chainrule \
    && mkdir /data && chown chainrule:chainrule /data
WORKDIR /app
# Least to most often changed, so a code change rebuilds only the last, small layer.
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./

# OMP_WAIT_POLICY=PASSIVE keeps ND4J's idle OpenMP threads from spinning on the cores training needs
# (it must be set before the JVM starts). The heap and ND4J's off-heap buffers (JavaCPP's maxbytes
# defaults to the heap size) share the container's memory.
ENV OMP_WAIT_POLICY=PASSIVE \
    CHAINRULE_DATA_DIR=/data \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=40"
# Numeric, so that Kubernetes' runAsNonRoot can check it (deploy/kubernetes runs as the same id).
USER 10001:10001
# The H2 database (default profile) lives here; with the postgres profile it stays empty.
VOLUME /data
EXPOSE 8080
# ND4J unpacks its native libraries on first start: give the service time before judging it.
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 \
    CMD curl -fsS http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
