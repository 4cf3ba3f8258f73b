# One image for every MCP server: the app's esbuild bundle (plus any asset next to it) on a
# distroless Node 22 base. No RUN steps, so it builds the same with docker buildx and with buildah
# without a container runtime, and the image holds nothing but node and the bundle.
#
#   docker buildx build --build-arg APP=github-mcp -t <registry>/github-mcp:<sha> .
#   (or `npx nx container github-mcp`, which builds the bundle first and pushes)
#
# The base is gcr.io/distroless/nodejs22-debian12:nonroot pinned by digest: a multi-arch index
# digest taken from public Dockerfiles, not re-resolved here (these machines cannot reach gcr.io).
# Bump it deliberately (`crane digest gcr.io/distroless/nodejs22-debian12:nonroot`, or Renovate).
# The image e2e test passes NODE_BASE to use a base it assembles locally.
ARG NODE_BASE=gcr.io/distroless/nodejs22-debian12:nonroot@sha256:13593b7570658e8477de39e2f4a1dd25db2f836d68a0ba771251572d23bb4f8e
FROM ${NODE_BASE}

ARG APP
ARG VERSION=0.0.0
ARG REVISION=unknown
ARG SOURCE=unknown

LABEL org.opencontainers.image.title="${APP}" \
      org.opencontainers.image.description="Sophia MCP server ${APP}" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.source="${SOURCE}" \
      org.opencontainers.image.licenses="UNLICENSED" \
      dev.sophia.mcp.app="${APP}"

ENV NODE_ENV=production
# Node 22 keeps the V8 code cache of the bundle here (the pod's /tmp emptyDir; the root filesystem is
# read-only). The first start of a pod compiles and writes it; a restarted container reuses it. A
# cache made at image build would need a RUN step (and the exact node binary), so none ships.
ENV NODE_COMPILE_CACHE=/tmp/node-compile-cache
# No heap flags here: they depend on the pod's memory limit, so each k3s overlay sets NODE_OPTIONS
# from its manifest (tools/mcp-plugin/src/node-heap.ts); `npm start` and the bench use the same.
WORKDIR /app
# Root-owned and read-only to the server's user: the pod also mounts the root filesystem read-only.
COPY dist/apps/${APP}/ /app/
# distroless "nonroot" (65532); numeric so Kubernetes can verify runAsNonRoot.
USER 65532:65532
ENTRYPOINT ["/nodejs/bin/node", "/app/main.js"]
