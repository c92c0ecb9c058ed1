# syntax=docker/dockerfile:1
# The assistant as an image: TypeScript compiled in a build stage; the final stage
# installs production dependencies only and runs as the unprivileged `node` user.
# Base: the current Node LTS line, pinned to a minor (both stages the same); the code also runs on
# Node 20 (engines, CI). How it is kept current: docs/operations.md › The container image.

FROM node:24.21-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 is compiled from source: nothing is downloaded from outside the npm registry.
ENV npm_config_build_from_source=true
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src src
COPY machines machines
COPY adapters adapters
COPY db db
RUN npx tsc -p tsconfig.build.json

FROM node:24.21-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production npm_config_build_from_source=true DATA_DIR=/data PORT=3000
COPY package.json package-lock.json ./
# Build tools only for the native module, removed in the same layer.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
  && npm ci --omit=dev && npm cache clean --force \
  && apt-get purge -y python3 make g++ && apt-get autoremove -y && rm -rf /var/lib/apt/lists/*
COPY --from=build /app/dist dist
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/src/app/main.js"]
