# Container image of one of the five applications (gateway, customer-, catalog-, order- or
# analytics-service): one file for all of them, the module chosen by build arguments.
#
# Build context: the repository root (.dockerignore there keeps sources, devstack data and git history
# out, leaving the packaged applications). Build the applications on the host first; the image only
# packages what Maven produced:
#
#   ./mvnw -B package -DskipTests          # writes <module>/target/quarkus-app/ (fast-jar)
#   docker build -f docker/service.Dockerfile --build-arg SERVICE=order-service --build-arg PORT=8082 \
#       -t shop-platform/order-service .
#
# docker-compose.yml passes the same arguments for each application (see docs/deployment.md).
FROM eclipse-temurin:17-jre

# The module directory to package, and the port it listens on (documentation only: EXPOSE).
ARG SERVICE
ARG PORT=8080
RUN test -n "$SERVICE" || { echo "build with --build-arg SERVICE=<module directory>, e.g. order-service" >&2; exit 1; }

# A fixed non-root user; uid/gid 185 as in Quarkus' own Dockerfile.jvm.
RUN groupadd --system --gid 185 quarkus \
 && useradd --system --uid 185 --gid quarkus --home-dir /deployments --no-create-home \
        --shell /usr/sbin/nologin quarkus

# Files an application keeps, owned by the app user, so that a fresh named volume mounted there takes
# this ownership and is writable: catalog's product images (the other applications ignore the variable).
RUN mkdir -p /data/images && chown -R 185:185 /data
ENV SHOP_CATALOG_IMAGES_DIR=/data/images

WORKDIR /deployments
# Quarkus' fast-jar in four layers, least to most often changing, so that the dependency layer is
# reused between builds.
COPY --chown=185:185 ${SERVICE}/target/quarkus-app/lib/ /deployments/lib/
COPY --chown=185:185 ${SERVICE}/target/quarkus-app/*.jar /deployments/
COPY --chown=185:185 ${SERVICE}/target/quarkus-app/app/ /deployments/app/
COPY --chown=185:185 ${SERVICE}/target/quarkus-app/quarkus/ /deployments/quarkus/

USER 185
EXPOSE ${PORT}

# JAVA_OPTS_APPEND holds the image's defaults: listen on all interfaces (the platform's
# configuration defaults to 127.0.0.1, which suits devstack but not a container); size the heap
# from the container's memory limit (from the host's memory when no limit is set); exit on
# OutOfMemoryError so that the restart policy takes over; ParallelGC, because below 2 CPUs and
# 1792 MB the JVM would pick SerialGC by itself and the throughput profile (devstack's
# `./run.sh --jvm throughput`, the one the benchmarks state) is measured with ParallelGC and C2.
# JAVA_OPTS is empty, for a deployment's own flags (e.g. -Xmx256m, which wins over MaxRAMPercentage).
ENV JAVA_OPTS="" \
    JAVA_OPTS_APPEND="-Dquarkus.http.host=0.0.0.0 -Djava.util.logging.manager=org.jboss.logmanager.LogManager -XX:MaxRAMPercentage=60.0 -XX:+UseParallelGC -XX:+ExitOnOutOfMemoryError"

# The base image's entrypoint (optional CA certificate set-up) execs this command; the exec here
# makes java the process that receives SIGTERM, so Quarkus shuts down gracefully on docker stop.
CMD ["sh", "-c", "exec java $JAVA_OPTS $JAVA_OPTS_APPEND -jar /deployments/quarkus-run.jar"]
