# One image for every service (docs/deployment.md). The command picks what runs:
#   docker run motcua intake             a service: intake, processing, payment, digitisation,
#                                        issuance, projections, payment-platform (simulator)
#   docker run motcua migrate            every service's schema migrations, once, then exit
# Each service listens on PORT (8080 here) on every interface; /health/live and /health/ready.
ARG NODE_IMAGE=node:20-bookworm-slim

# Compiles the TypeScript with the whole dependency tree; nothing of this stage but dist/ ships.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# No install scripts: they fetch the development PostgreSQL and Kafka, which the build never runs.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.base.json tsconfig.build.json ./
COPY libs libs
COPY services services
COPY deploy/production deploy/production
RUN npm run build

# The production dependencies alone, as package.json lists them.
FROM ${NODE_IMAGE} AS production-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080 \
    DOCUMENTS_DIR=/var/lib/motcua/documents
WORKDIR /app
COPY --from=production-deps /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY package.json ./
# The code belongs to root and is read-only to the service; only the document store is writable.
RUN mkdir -p /var/lib/motcua/documents && chown -R 1000:1000 /var/lib/motcua
# The image's `node` user, by number so that Kubernetes can verify runAsNonRoot.
USER 1000:1000
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# The service (or `migrate`) is the argument: without one the entry point prints its usage, naming the services, and exits 1.
ENTRYPOINT ["node", "--enable-source-maps", "dist/deploy/production/run.js"]
